import type { liveQuery as LiveQuery } from 'dexie';
import { errorText } from '../i18n/errorText';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { whenServicesArrive } from '../../lib/lazyService';
import type { Live } from '../../lib/liveService';
import type { Settings } from '../../lib/settings';

// Dexie arrives with the page's services (the popup and the web app render their first screen
// before it: lib/deferredServices.ts), so the hook loads its liveQuery on first use, from the
// same chunk, and starts a query once the services are there too (lib/lazyService.ts).
let liveQuery: typeof LiveQuery | undefined;
let loadingLiveQuery: Promise<typeof LiveQuery> | undefined;
function loadLiveQuery(): Promise<typeof LiveQuery> {
  return (loadingLiveQuery ??= Promise.all([import('dexie'), whenServicesArrive()]).then(
    ([m]) => (liveQuery = m.liveQuery),
    (err: unknown) => {
      loadingLiveQuery = undefined;
      throw err;
    },
  ));
}

/**
 * Subscribes to a Dexie query and re-renders when the data it read changes, in this page or
 * in any other page of the same origin (popup and dashboard see each other's writes).
 * Returns undefined until the first result arrives.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<{ err: unknown } | null>(null);
  useEffect(() => {
    let subscription: { unsubscribe(): void } | null = null;
    let stopped = false;
    const begin = (observe: typeof LiveQuery) => {
      if (stopped) return;
      subscription = observe(query).subscribe({
        next: (v) => {
          setError(null);
          setValue(v);
        },
        error: (err: unknown) => setError({ err }),
      });
    };
    if (liveQuery) begin(liveQuery);
    else loadLiveQuery().then(begin, (err: unknown) => !stopped && setError({ err }));
    return () => {
      stopped = true;
      subscription?.unsubscribe();
    };
  }, deps);
  // Thrown while rendering, so the nearest ErrorBoundary shows it instead of "Loading…" forever.
  if (error) throw error.err;
  return value;
}

/**
 * The latest value of a service's live value (lib/liveService.ts), re-rendering on every change.
 * Starts with the value the service already holds, so a page rendered after it loaded never
 * shows a stand-in; undefined only while nothing arrived yet.
 */
export function useLive<T>(live: Live<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => live.current());
  const [error, setError] = useState<{ err: unknown } | null>(null);
  // Subscribed before the frame is painted, not after it: a value that arrived meanwhile (the
  // popup's streak from its opening read) is drawn in that frame rather than one or two later.
  useLayoutEffect(
    () =>
      live.subscribe(
        (v) => {
          setError(null);
          setValue(v);
        },
        (err: unknown) => setError({ err }),
      ),
    [live],
  );
  if (error) throw error.err;
  return value;
}

/**
 * The person's settings, from the one live source (services.settings): a change saved anywhere,
 * in this page, the popup or another tab, shows at once. Undefined until they are read; the
 * entry points render after services.ready(), so a page normally has them from its first render.
 */
export function useSettings(services: { settings: Live<Settings> }): Settings | undefined {
  return useLive(services.settings);
}

/** Re-renders every `ms` so that "today" and due states move on while a page stays open. */
export function useNow(clock: { now(): number }, ms = 60_000): number {
  const [now, setNow] = useState(clock.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(clock.now()), ms);
    return () => clearInterval(timer);
  }, [clock, ms]);
  return now;
}

/**
 * For buttons that act on stored records: the returned runner shows a failure as a message
 * and clears it on success, then runs `then`.
 */
export function useAction(): [string | null, (work: Promise<unknown>, then?: () => void) => void] {
  const [error, setError] = useState<string | null>(null);
  const run = (work: Promise<unknown>, then?: () => void) =>
    void work.then(
      () => {
        setError(null);
        then?.();
      },
      (err: unknown) => setError(errorText(err)),
    );
  return [error, run];
}
