import * as v from 'valibot';
import { fromBase64Url, MAX_FILE_BYTES, unsealWithPassphrase } from './codec';
import { BackupError } from './problems';
import { STAMPS } from '../rules/records';
import { isFromTheFuture } from '../rules/time';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  EnvelopeSchema,
  SettingsEntrySchema,
  TABLE_NAMES,
  TABLE_SCHEMAS,
  type Backup,
  type TableName,
} from './schemas';

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
      // JSON can write -0, which IndexedDB keeps but every export writes as 0: read it as 0, so
      // an imported file and its re-export are the same.
      return Object.is(value, -0) ? 0 : value;
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

/** The first problem of a failed validation, as "field “mood” must be a mood from 1 to 5". */
function describe(issues: readonly v.BaseIssue<unknown>[], skip = 0): string {
  const issue = issues[0];
  if (!issue) return 'it is malformed';
  // Keys come from the file: cut them short so a hostile key can't flood the message.
  const path = (issue.path ?? []).slice(skip).map((p) => (typeof p.key === 'string' ? p.key.slice(0, 40) : p.key));
  const field = path.filter((k) => typeof k === 'string').join('.');
  // Key problems of a strict object: a required field that is absent, or one Tandem never writes.
  if (issue.type === 'strict_object') {
    return issue.received === 'undefined'
      ? `the field “${field}” is missing`
      : `it has a field Tandem doesn’t know (“${field}”)`;
  }
  // valibot quotes the received value, which may be a million characters long.
  const message = issue.message.length > 120 ? `${issue.message.slice(0, 120)}…` : issue.message;
  return field ? `field “${field}” ${message}` : message;
}

export interface ReadOptions {
  passphrase?: string;
  /** This device's clock: records stamped more than a day past it are refused (lib/rules/time.ts). */
  now: number;
}

/** A validated backup from a file's bytes; throws BackupError (passphrase-needed included). */
export async function readBackup(bytes: Uint8Array, { passphrase, now }: ReadOptions): Promise<ReadResult> {
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
  return validateBackup(json, now);
}

/** A record the file holds that breaks a rule: left out, and named in the preview. */
export interface RefusedRecord {
  table: TableName;
  /** Its place in the file's list, from 1. */
  index: number;
  /** 'future': stamped more than a day past this device's clock; 'invalid': a field breaks its rule. */
  reason: 'future' | 'invalid';
  /** Which field and why, in words. */
  detail: string;
  /** When it happened (or was made), when the file says so in a readable way. */
  at: number | null;
}

export interface Refusals {
  count: number;
  byTable: Partial<Record<TableName, number>>;
  /** The first few, for the preview. */
  first: RefusedRecord[];
  /** The file's settings were left out: broken, or dated past this clock. */
  settings: 'invalid' | 'future' | null;
}

/** A backup as read: the records that keep the rules, and what was left out. */
export interface ReadResult extends Backup {
  refused: Refusals;
}

export const SHOWN_REFUSALS = 5;

function whenOf(record: unknown): number | null {
  if (typeof record !== 'object' || record === null) return null;
  const { at, createdAt } = record as { at?: unknown; createdAt?: unknown };
  for (const t of [at, createdAt]) if (typeof t === 'number' && Number.isFinite(t) && Math.abs(t) < 8.64e15) return t;
  return null;
}

/**
 * Checks parsed JSON (a file, or a transfer link). The envelope (format, version, the tables'
 * shape) must be sound or the whole file is refused; each record is then checked on its own,
 * and the ones that break a rule are left out and listed, never dropped silently.
 */
export function validateBackup(json: unknown, now: number): ReadResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new BackupError('other-app');
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) throw new BackupError('other-app');
  if (typeof version === 'number' && version > BACKUP_VERSION) throw new BackupError('newer-version');
  const envelope = v.safeParse(EnvelopeSchema, json);
  if (!envelope.success) throw new BackupError('invalid', `the file, ${describe(envelope.issues)}`);
  const refused: Refusals = { count: 0, byTable: {}, first: [], settings: null };
  const tables = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) {
    const kept: unknown[] = [];
    envelope.output.tables[name].forEach((record, i) => {
      const result = v.safeParse(TABLE_SCHEMAS[name], record);
      let problem: Omit<RefusedRecord, 'table' | 'index' | 'at'> | null = null;
      if (!result.success) problem = { reason: 'invalid', detail: describe(result.issues) };
      else if (STAMPS.some((k) => {
        const stamp = (result.output as Record<string, unknown>)[k];
        return typeof stamp === 'number' && isFromTheFuture(stamp, now);
      })) {
        problem = { reason: 'future', detail: 'it is dated later than this device’s clock' };
      }
      if (!problem) {
        kept.push(result.output);
        return;
      }
      refused.count++;
      refused.byTable[name] = (refused.byTable[name] ?? 0) + 1;
      if (refused.first.length < SHOWN_REFUSALS) refused.first.push({ table: name, index: i + 1, at: whenOf(record), ...problem });
    });
    tables[name] = kept;
  }
  let settings: Backup['settings'] = null;
  if (envelope.output.settings) {
    const parsed = v.safeParse(SettingsEntrySchema, envelope.output.settings);
    if (!parsed.success) refused.settings = 'invalid';
    else if (isFromTheFuture(parsed.output.updatedAt, now)) refused.settings = 'future';
    else settings = parsed.output as Backup['settings'];
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: envelope.output.exportedAt,
    scope: envelope.output.scope,
    tables: tables as unknown as Backup['tables'],
    settings,
    refused,
  };
}
