// What can go wrong with sync, as codes the settings word (components/i18n). Whatever the
// code, the records on this device are untouched: a failed round changes nothing here.

export type SyncProblem =
  /** No answer: offline, the address is wrong, or the server is down. */
  | 'unreachable'
  /** The server refused the name and password (changed, or a device was removed). */
  | 'wrong-password'
  /** The database named does not exist on the server (sync never creates it). */
  | 'no-database'
  /** The server (or this device's storage) has no room for more. */
  | 'full'
  /** The server holds documents of a newer Tandem: update this one. */
  | 'newer-format'
  /** Documents on the server that don't open with this group's key were left alone. */
  | 'refused-documents'
  | 'other';

function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** The problem a failed request or replication stands for. */
export function classifySyncError(err: unknown): SyncProblem {
  const status = statusOf(err);
  const name = typeof err === 'object' && err !== null ? String((err as { name?: unknown }).name ?? '') : '';
  if (name === 'QuotaExceededError' || status === 413 || status === 507) return 'full';
  if (status === 401 || status === 403) return 'wrong-password';
  if (status === 404) return 'no-database';
  // fetch rejects with a TypeError when nothing answers; PouchDB passes it on without a status.
  if (status === undefined || status === 0 || status >= 500 || err instanceof TypeError) return 'unreachable';
  return 'other';
}

/**
 * Asks the server for the database's info, the cheapest request that needs the password.
 * PouchDB's HTTP adapter answers a refusal with the error body instead of failing, so the
 * body is read here; the problem, or null when the database is there and open to us.
 */
export async function checkRemote(remote: { info(): Promise<unknown> }): Promise<SyncProblem | null> {
  let info: unknown;
  try {
    info = await remote.info();
  } catch (err) {
    return classifySyncError(err);
  }
  const error = typeof info === 'object' && info !== null ? (info as { error?: unknown }).error : undefined;
  if (error === undefined) return null;
  if (error === 'unauthorized' || error === 'forbidden') return 'wrong-password';
  if (error === 'not_found') return 'no-database';
  return 'other';
}
