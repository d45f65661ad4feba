import * as v from 'valibot';
import { fromBase64Url, MAX_FILE_BYTES, unsealWithPassphrase } from './codec';
import { BackupError } from './problems';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, RECORD_NOUNS, TABLE_NAMES, type Backup } from './schemas';

// Turns the bytes of a chosen file into a validated backup, or a BackupError saying why not.
// Nothing here touches storage: a refused file can never have changed anything.

export const ENCRYPTED_FORMAT = 'tandem-backup-encrypted';
export const ENCRYPTED_LABEL = `${ENCRYPTED_FORMAT}/1`;

/** Keys that could reach an object's prototype when a parsed file is later spread or merged. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (UNSAFE_KEYS.has(key)) throw new BackupError('unsafe-keys');
      return value;
    });
  } catch (err) {
    if (err instanceof BackupError) throw err;
    // Starts like JSON but does not parse: most likely a download or copy that was cut short.
    throw new BackupError(/^[[{]/.test(text) ? 'damaged' : 'not-json', undefined, { cause: err });
  }
}

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '').trim();
  } catch (err) {
    throw new BackupError('not-json', undefined, { cause: err });
  }
}

/** Whether the file needs a passphrase, so the UI can ask before reading it. */
export function isEncrypted(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === ENCRYPTED_FORMAT;
}

/** The first problem of a failed validation, as "check-in 3: mood must be a mood from 1 to 5". */
function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'a record is malformed';
  // Keys come from the file: cut them short so a hostile key can't flood the message.
  const path = (issue.path ?? []).map((p) => (typeof p.key === 'string' ? p.key.slice(0, 40) : p.key));
  let where = 'the file';
  let rest = path;
  if (path[0] === 'tables' && typeof path[1] === 'string' && (TABLE_NAMES as string[]).includes(path[1])) {
    const index = typeof path[2] === 'number' ? path[2] + 1 : null;
    where = `${RECORD_NOUNS[path[1] as keyof typeof RECORD_NOUNS]}${index === null ? 's' : ` ${index}`}`;
    rest = path.slice(3);
  } else if (path[0] === 'settings') {
    where = 'the settings';
    rest = path.slice(2);
  }
  const field = rest.filter((k) => typeof k === 'string').join('.');
  // Key problems of a strict object: a required field that is absent, or one Tandem never writes.
  if (issue.type === 'strict_object') {
    return issue.received === 'undefined'
      ? `${where} is missing the field “${field}”`
      : `${where} has a field Tandem doesn’t know (“${field}”)`;
  }
  // valibot quotes the received value, which may be a million characters long.
  const message = issue.message.length > 120 ? `${issue.message.slice(0, 120)}…` : issue.message;
  return `${where}${field ? `, field “${field}”,` : ''} ${message}`;
}

export interface ReadOptions {
  passphrase?: string;
}

/** A validated backup from a file's bytes; throws BackupError (passphrase-needed included). */
export async function readBackup(bytes: Uint8Array, { passphrase }: ReadOptions = {}): Promise<Backup> {
  if (bytes.length === 0) throw new BackupError('empty');
  if (bytes.length > MAX_FILE_BYTES) throw new BackupError('too-large');
  const text = decodeText(bytes);
  if (text === '') throw new BackupError('empty');
  let json = parseJson(text);
  if (isEncrypted(json)) {
    const envelope = json as { version?: unknown; data?: unknown };
    if (typeof envelope.version === 'number' && envelope.version > 1) throw new BackupError('newer-version');
    const sealed = typeof envelope.data === 'string' ? fromBase64Url(envelope.data) : null;
    if (envelope.version !== 1 || !sealed) throw new BackupError('damaged');
    if (passphrase === undefined || passphrase === '') throw new BackupError('needs-passphrase');
    const inner = await unsealWithPassphrase(sealed, passphrase, ENCRYPTED_LABEL);
    json = parseJson(decodeText(inner));
  }
  return validateBackup(json);
}

/** Checks parsed JSON against the backup schema (also used for transfer links). */
export function validateBackup(json: unknown): Backup {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new BackupError('other-app');
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) throw new BackupError('other-app');
  if (typeof version === 'number' && version > BACKUP_VERSION) throw new BackupError('newer-version');
  const result = v.safeParse(BackupSchema, json);
  if (!result.success) throw new BackupError('invalid', describe(result.issues));
  return result.output;
}
