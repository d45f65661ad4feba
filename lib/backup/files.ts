import { sealWithPassphrase, toBase64Url } from './codec';
import { ENCRYPTED_FORMAT, ENCRYPTED_LABEL } from './parse';
import type { Backup } from './schemas';

// The bytes of a backup file: readable JSON, or the same JSON sealed with a passphrase in a
// small JSON envelope (so a file can always be recognised as Tandem's before it is opened).

export const MIN_PASSPHRASE = 8;

/**
 * A readable file: anyone who finds it can read it, so it leaves the mentor links' keys out
 * (replies to those links then open only where the links were made, or after a protected file).
 */
export function backupJson(backup: Backup): string {
  return JSON.stringify(withoutLinkKeys(backup), null, 1);
}

export function withoutLinkKeys(backup: Backup): Backup {
  const shares = backup.tables.shares.map(({ linkKey: _key, ...entry }) => entry);
  return { ...backup, tables: { ...backup.tables, shares } };
}

export async function encryptedBackupJson(backup: Backup, passphrase: string): Promise<string> {
  const sealed = await sealWithPassphrase(new TextEncoder().encode(JSON.stringify(backup)), passphrase, ENCRYPTED_LABEL);
  return JSON.stringify({ format: ENCRYPTED_FORMAT, version: 1, data: toBase64Url(sealed) });
}

/** A file name that sorts by date and says what it is. */
export function backupFileName(now: number, kind: 'backup' | 'transfer' | 'spreadsheet'): string {
  const day = new Date(now).toISOString().slice(0, 10);
  return kind === 'spreadsheet' ? `tandem-${day}.csv` : `tandem-${kind}-${day}.json`;
}
