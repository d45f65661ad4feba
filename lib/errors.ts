// Errors the person can act on. lib/ speaks in codes and facts: each error carries a problem
// ({ code, ...values }) that the UI words in the person's language (components/i18n/errorText.ts).
// `message` is only for the console and for tests that have no catalogue.

/** What is wrong, as a code and the values a sentence needs, e.g. { code: 'text.tooLong', max: 280, length: 300 }. */
export interface Problem {
  code: string;
  [value: string]: unknown;
}

export class ValidationError extends Error {
  override name = 'ValidationError';
  readonly problem: Problem;
  /** A problem (preferred), or an English sentence from code not yet speaking in codes. */
  constructor(problem: Problem | string, options?: { cause?: unknown }) {
    super(typeof problem === 'string' ? problem : `${problem.code} ${JSON.stringify(problem)}`, options);
    this.problem = typeof problem === 'string' ? { code: 'legacy', message: problem } : problem;
  }
}

/** A failure whose message is already written for people (e.g. the background not answering). */
export class ServiceError extends Error {
  override name = 'ServiceError';
}

export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    message: string,
    readonly kind: 'quota' | 'blocked' | 'unavailable' | 'other',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function errorNames(err: unknown): string[] {
  const names: string[] = [];
  let e: unknown = err;
  // Dexie wraps the browser's error in `inner`; look through the whole chain.
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { name, inner, cause } = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string') names.push(name);
    e = inner ?? cause;
  }
  return names;
}

/** Turns whatever IndexedDB or Dexie threw into a message a person can act on. */
export function toStorageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const names = errorNames(err);
  if (names.includes('QuotaExceededError')) {
    return new StorageError(
      'Your browser has no room left to save this. Free some disk space, then try again. Nothing else was changed.',
      'quota',
      { cause: err },
    );
  }
  if (names.some((n) => ['BlockedError', 'VersionError', 'DatabaseClosedError'].includes(n))) {
    return new StorageError(
      'Tandem was updated in another tab or window. Close the other Tandem tabs or reload this one, then try again.',
      'blocked',
      { cause: err },
    );
  }
  if (names.some((n) => ['MissingAPIError', 'OpenFailedError', 'InvalidStateError'].includes(n))) {
    return new StorageError(
      'Tandem can’t open its storage in this browser window (private browsing can cause this). Your saved data is not affected.',
      'unavailable',
      { cause: err },
    );
  }
  return new StorageError(
    'Saving didn’t work this time. Please try again; if it keeps happening, reload the page.',
    'other',
    { cause: err },
  );
}

/**
 * Runs a write: a ValidationError (the person's input) passes through as it is, anything else
 * becomes a StorageError with a message the person can act on.
 */
export async function guardWrite<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    throw toStorageError(err);
  }
}

/** The message to show for any error a user action produced. */
export function userMessage(err: unknown): string {
  if (err instanceof ValidationError || err instanceof ServiceError) return err.message;
  return toStorageError(err).message;
}
