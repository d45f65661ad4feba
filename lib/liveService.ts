// A value a service keeps current for the pages (the settings, the last backup, the connection):
// read it now, or be told of every change. Pages subscribe through components/ui/hooks.ts.

export interface Live<T> {
  /** The latest value, or undefined before the first one arrived. */
  current(): T | undefined;
  /**
   * Calls `next` with the latest value at once (when there is one) and on every change, or
   * `error` when the value can't be read; returns the unsubscribe.
   */
  subscribe(next: (value: T) => void, error?: (err: unknown) => void): () => void;
}

/** Where a Live gets its values: starts pushing them, and returns how to stop. */
export type LiveSource<T> = (emit: (value: T) => void, fail: (err: unknown) => void) => () => void;

interface Listener<T> {
  next: (value: T) => void;
  error?: (err: unknown) => void;
}

/**
 * A Live over `source`, started by the first subscriber and stopped after the last. The latest
 * value is kept, so a page that mounts later (or renders first) has it at once. After a failure
 * the next subscriber starts the source again (a page's "Try again").
 */
export function createLive<T>(source: LiveSource<T>): Live<T> {
  let latest: T | undefined;
  let running: { stop: () => void; active: boolean } | null = null;
  const listeners = new Set<Listener<T>>();

  function begin() {
    const run = { stop: () => undefined as void, active: true };
    running = run;
    const stop = source(
      (value) => {
        if (!run.active) return;
        latest = value;
        for (const l of [...listeners]) l.next(value);
      },
      (err) => {
        if (!run.active) return;
        run.active = false;
        if (running === run) running = null;
        run.stop();
        for (const l of [...listeners]) l.error?.(err);
      },
    );
    if (run.active) run.stop = stop;
    else stop();
  }

  return {
    current: () => latest,
    subscribe(next, error) {
      const listener = { next, error };
      listeners.add(listener);
      if (latest !== undefined) next(latest);
      if (!running) begin();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && running) {
          running.active = false;
          running.stop();
          running = null;
        }
      };
    },
  };
}

/** Resolves once `live` has a value or failed to get one (the page then shows the failure). */
export function settled<T>(live: Live<T>): Promise<void> {
  if (live.current() !== undefined) return Promise.resolve();
  return new Promise((done) => {
    let stop: (() => void) | null = null;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      done();
      // After the subscribe call returned, so there is a stop to call.
      queueMicrotask(() => stop?.());
    };
    stop = live.subscribe(finish, finish);
  });
}

/**
 * A Live of one value that `promise` brings (never a change after it), known to `current()` from
 * the moment it arrived, so a page rendering after that has it in its first render.
 */
export function resolvedLive<T>(promise: Promise<T>): Live<T> {
  let value: T | undefined;
  const waiting = new Set<(value: T) => void>();
  void promise.then(
    (v) => {
      value = v;
      for (const next of [...waiting]) next(v);
      waiting.clear();
    },
    () => waiting.clear(),
  );
  return {
    current: () => value,
    subscribe(next) {
      if (value !== undefined) next(value);
      else waiting.add(next);
      return () => waiting.delete(next);
    },
  };
}
