import type { ComponentType, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadLaterWords } from '../i18n';

// A part of a page whose code loads when it first shows (or earlier, by prefetch), so the first
// screen downloads only what it shows. Once loaded it renders at once, with no flash: the popup
// prefetches its crisis sheet as soon as the mood buttons are up, so the sheet is instant.

export interface LazyComponent<P> {
  (props: P): VNode | null;
  /** Loads the code (and the words it needs) without showing anything; safe to call often. */
  prefetch(): Promise<unknown>;
  /**
   * Loads the code and what it waits for (`before`), so that its first render already shows it:
   * for a part the page waits for rather than one that appears a moment after the rest.
   */
  ready(props: P): Promise<void>;
}

interface Options<P> {
  /**
   * What else must be there before it renders. By default, a part given `services` waits for
   * the services whose code loads on first use (services.loadLater), so the live queries it
   * starts read through them directly and keep observing (lib/lazyService.ts).
   */
  before?: (props: P) => Promise<unknown> | undefined;
  /**
   * The page works without it (a notice, a list beside the check-in): if its code can't be
   * fetched (offline, before it was ever cached), it shows nothing, rather than the page's error
   * in place of the check-in, and is tried again the next time it shows.
   */
  optional?: boolean;
}

type MaybeServices = { services?: { loadLater?: () => Promise<void> } };
const servicesLater = (props: object) => (props as MaybeServices).services?.loadLater?.();

export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { before = servicesLater, optional = false }: Options<P> = {},
): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  // `before` reads the page's services, created once per page: once it resolved, it stays so.
  let beforeDone = false;
  const prefetch = () =>
    (loading ??= Promise.all([load(), loadLaterWords()]).then(
      ([component]) => (loaded = component),
      (err: unknown) => {
        loading = undefined; // tried again at the next showing
        throw err;
      },
    ));
  const ready = (props: P) =>
    Promise.all([prefetch(), before(props)]).then(() => {
      beforeDone = true;
    });

  function Lazy(props: P): VNode | null {
    const [, setTick] = useState(0);
    const [error, setError] = useState<{ err: unknown } | null>(null);
    const shown = loaded !== undefined && beforeDone;
    useEffect(() => {
      if (shown) return;
      let live = true;
      ready(props).then(
        () => live && setTick((n) => n + 1),
        (err: unknown) => live && setError({ err }),
      );
      return () => {
        live = false;
      };
    }, [shown]);
    // The nearest ErrorBoundary says so, rather than leaving an empty space.
    if (error && !optional) throw error.err;
    if (error) return null;
    if (!shown || !loaded) return null;
    const Component = loaded;
    return <Component {...props} />;
  }
  Lazy.prefetch = prefetch;
  Lazy.ready = ready;
  return Lazy;
}

/**
 * Runs `work` once the page has settled: after `delay`, at the browser's next idle moment (or
 * at once, where there is no idle callback), so prefetching never competes with a first tap.
 */
export function whenIdle(work: () => void, { delay = 1500, timeout = 3000 } = {}): void {
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout });
    else work();
  }, delay);
}
