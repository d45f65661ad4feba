import type { Live } from './liveService';

// A service whose code (and the libraries it brings: validation, compression, crypto) loads on
// its first use, so a page that never backs up or shares never downloads them. The page still
// holds a plain object of the service's type, so nothing that uses it changes.

/** Members a lazy service can answer for before its code is there: async calls and Live values. */
export type Deferrable<T> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [K in keyof T]: T[K] extends (...args: any[]) => Promise<unknown> ? T[K] : T[K] extends Live<unknown> ? T[K] : never;
};

export interface Lazy<T> {
  /** The service, usable at once: calls wait for its code. */
  service: T;
  /** Loads the code now (a page prefetching while the browser is idle). */
  load(): Promise<T>;
}

/**
 * `load` resolves to the real service; `lives` names its Live members (the others must all be
 * async functions, which the types check). Calls made before the code arrived wait for it;
 * afterwards they go straight through, so a Dexie live query that calls one after load()
 * sees only Dexie promises and keeps observing.
 */
export function lazyService<T extends Deferrable<T>>(
  load: () => Promise<T>,
  lives: readonly (keyof T)[] = [],
  /**
   * The service if it is already there by other means: services that share one download
   * (lib/deferredServices.ts) all go straight through the moment it arrives, so the first call
   * a live query makes to any of them is already a Dexie call.
   */
  peek: () => T | undefined = () => undefined,
): Lazy<T> {
  let own: T | undefined;
  let loading: Promise<T> | undefined;
  const ensure = (): Promise<T> =>
    (loading ??= load().then(
      (service) => (own = service),
      (err: unknown) => {
        loading = undefined; // a failed download (offline) is tried again on the next use
        throw err;
      },
    ));
  const loaded = (): T | undefined => own ?? peek();
  const members = new Map<PropertyKey, unknown>();
  const member = (key: keyof T): unknown => {
    if (lives.includes(key)) {
      return liveWhenLoaded(() => loaded()?.[key] as Live<unknown> | undefined, ensure);
    }
    return (...args: unknown[]) => {
      const call = (service: T) => (service[key] as (...a: unknown[]) => Promise<unknown>)(...args);
      const now = loaded();
      return now ? call(now) : ensure().then(call);
    };
  };
  const service = new Proxy({} as T, {
    get(_, key) {
      if (typeof key === 'symbol' || key === 'then') return undefined;
      if (!members.has(key)) members.set(key, member(key as keyof T));
      return members.get(key);
    },
  });
  return { service, load: ensure };
}

let servicesArrival: () => Promise<unknown> = () => Promise.resolve();

/**
 * A page whose services' code comes after its first render (lib/deferredServices.ts) says how
 * to wait for it; `whenServicesArrive` starts that wait. A live query waits for it before its
 * first read (components/ui/hooks.ts), so that read is Dexie's own and keeps observing; one
 * started earlier would read once and never again.
 */
export function setServicesArrival(wait: () => Promise<unknown>): void {
  servicesArrival = wait;
}

export const whenServicesArrive = (): Promise<unknown> => servicesArrival();

/**
 * A Live whose source arrives later: subscribers wait for `load` (a failure reaches their
 * `error`), then subscribe to `now()` directly, in the same step as the load resolves.
 */
export function liveWhenLoaded<V>(now: () => Live<V> | undefined, load: () => Promise<unknown>): Live<V> {
  return {
    current: () => now()?.current(),
    subscribe(next, error) {
      const there = now();
      if (there) return there.subscribe(next, error);
      let stop: (() => void) | null = null;
      let stopped = false;
      load().then(
        () => {
          const live = now();
          if (!stopped && live) stop = live.subscribe(next, error);
        },
        (err: unknown) => !stopped && error?.(err),
      );
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}
