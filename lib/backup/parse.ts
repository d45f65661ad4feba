import * as v from 'valibot';
import { fromBase64Url, MAX_FILE_BYTES, unsealWithPassphrase } from './codec';
import { BackupError, type RecordFact } from './problems';
import { FIELDS, type FieldName } from '../rules/fields';
import { RECORD_LISTS, RECORD_TEXTS } from '../rules/records';
import { isInvisible, textLength } from '../rules/text';
import { STAMPS } from '../rules/records';
import { isFromTheFuture, TIME_MAX, TIME_MIN } from '../rules/time';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BACKUP_VERSIONS,
  EnvelopeSchema,
  SettingsEntrySchema,
  TABLE_NAMES,
  TABLE_SCHEMAS,
  TABLE_SCHEMAS_V1,
  TABLE_SCHEMAS_V2,
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

const DAY_LIKE = /^\d{4}-\d{2}-\d{2}$/;

/** The most characters a text field of a table may hold, from its rule (lib/rules/records.ts). */
function textMax(table: TableName | undefined, key: string | undefined): number | undefined {
  if (!table || key === undefined) return undefined;
  const texts = RECORD_TEXTS[table] as Record<string, FieldName>;
  const lists = RECORD_LISTS[table] as Record<string, FieldName>;
  const name = texts[key] ?? lists[key];
  return name ? FIELDS[name].max : undefined;
}

const EXPECTED: Record<string, RecordFact['expected']> = { number: 'number', string: 'text', array: 'list', boolean: 'yesNo', strict_object: 'record', object: 'record' };

/**
 * The first problem of a failed validation as a fact: which field, which rule (e.g. { field:
 * 'mood', rule: 'mood' }). Read from the issue's type and kind, never from its message.
 */
function describe(issues: readonly v.BaseIssue<unknown>[], table?: TableName, skip = 0): RecordFact {
  const issue = issues[0];
  if (!issue) return { field: '', rule: 'other' };
  // Keys come from the file: cut them short so a hostile key can't flood the preview.
  const keys = (issue.path ?? []).slice(skip).map((p) => p.key);
  const names = keys.filter((k): k is string => typeof k === 'string').map((k) => k.slice(0, 40));
  const field = names.join('.');
  const leaf = names[names.length - 1];
  // The text rule applies to a field, or to each entry of a list field.
  const ruleKey = typeof keys[keys.length - 1] === 'number' ? names[names.length - 1] : leaf;
  const { input, requirement } = issue as { input: unknown; requirement?: unknown };
  const limit = typeof requirement === 'number' ? requirement : undefined;
  const origin = issue.path?.[issue.path.length - 1]?.origin;
  switch (issue.type) {
    case 'strict_object':
    case 'object':
      // Key problems: a field Tandem never writes, or one it always writes that is absent.
      if (issue.expected === 'never') return { field, rule: 'unknownField' };
      if (origin === 'key') return { field, rule: 'missing' };
      return { field, rule: 'type', expected: 'record' };
    case 'picklist':
      return { field, rule: issue.expected === '(1 | 2 | 3 | 4 | 5)' ? 'mood' : 'choice' };
    case 'literal':
      return { field, rule: 'choice' };
    case 'integer':
      return { field, rule: 'whole' };
    case 'min_value':
    case 'max_value': {
      const min = issue.type === 'min_value';
      if (limit === TIME_MIN || limit === TIME_MAX) return { field, rule: 'date', ...(min ? { min: 2000 } : { max: 2100 }) };
      return { field, rule: 'range', ...(limit === undefined ? {} : min ? { min: limit } : { max: limit }) };
    }
    case 'max_length':
      return Array.isArray(input) ? { field, rule: 'tooMany', max: limit } : { field, rule: 'tooLong', max: limit };
    case 'regex':
      if (leaf === 'id') return { field, rule: 'id' };
      return { field, rule: typeof input === 'string' && (leaf === 'day' || leaf === 'fromDay') ? 'day' : 'other' };
    case 'check':
      if (Array.isArray(input)) return { field, rule: 'duplicate' };
      if (typeof input === 'string') {
        if (DAY_LIKE.test(input)) return { field, rule: 'day' };
        if (isInvisible(input)) return { field, rule: 'empty' };
        const max = textMax(table, ruleKey);
        if (max !== undefined && textLength(input) > max) return { field, rule: 'tooLong', max };
      }
      return { field, rule: 'other' };
    case 'raw_transform':
      return { field, rule: leaf === 'phone' ? 'phone' : 'other' };
    default:
      if (issue.kind === 'schema') {
        const expected = EXPECTED[issue.type];
        return expected ? { field, rule: 'type', expected } : { field, rule: 'type' };
      }
      return { field, rule: 'other' };
  }
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
  /** Which field breaks which rule (worded by the catalogue's data section). */
  detail: RecordFact;
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

/** The envelope checked, and a checker of its records one by one (shared by the whole and the sliced reading). */
function recordChecker(json: unknown, now: number) {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new BackupError('other-app');
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) throw new BackupError('other-app');
  // A number above the first that this code doesn't know (4, or 1.5) is a newer Tandem's.
  if (typeof version === 'number' && version > 1 && !(BACKUP_VERSIONS as readonly number[]).includes(version)) {
    throw new BackupError('newer-version');
  }
  const envelope = v.safeParse(EnvelopeSchema, json);
  if (!envelope.success) throw new BackupError('invalid', describe(envelope.issues));
  const file = envelope.output;
  const refused: Refusals = { count: 0, byTable: {}, first: [], settings: null };
  const tables = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) tables[name] = [];
  // Version 1 held the share log's contents as English phrases: read into facts as v2 holds them.
  // Versions 1 and 2 had no check-in notes: they read as none.
  const { version: fileVersion } = file;
  const schemas = fileVersion === 1 ? TABLE_SCHEMAS_V1 : fileVersion === 2 ? TABLE_SCHEMAS_V2 : TABLE_SCHEMAS;
  function check(name: TableName, record: unknown, i: number) {
    const result = v.safeParse(schemas[name], record);
    let problem: Omit<RefusedRecord, 'table' | 'index' | 'at'> | null = null;
    if (!result.success) problem = { reason: 'invalid', detail: describe(result.issues, name) };
    else {
      const ahead = STAMPS.find((k) => {
        const stamp = (result.output as Record<string, unknown>)[k];
        return typeof stamp === 'number' && isFromTheFuture(stamp, now);
      });
      if (ahead) problem = { reason: 'future', detail: { field: ahead, rule: 'future' } };
    }
    if (!problem) {
      tables[name].push(result.output);
      return;
    }
    refused.count++;
    refused.byTable[name] = (refused.byTable[name] ?? 0) + 1;
    if (refused.first.length < SHOWN_REFUSALS) refused.first.push({ table: name, index: i + 1, at: whenOf(record), ...problem });
  }
  function finish(): ReadResult {
    let settings: Backup['settings'] = null;
    if (file.settings) {
      const parsed = v.safeParse(SettingsEntrySchema, file.settings);
      if (!parsed.success) refused.settings = 'invalid';
      else if (isFromTheFuture(parsed.output.updatedAt, now)) refused.settings = 'future';
      else settings = parsed.output as Backup['settings'];
    }
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: file.exportedAt,
      scope: file.scope,
      tables: tables as unknown as Backup['tables'],
      settings,
      refused,
    };
  }
  return { records: file.tables, check, finish };
}

/**
 * Checks parsed JSON (a file, or a transfer link). The envelope (format, version, the tables'
 * shape) must be sound or the whole file is refused; each record is then checked on its own,
 * and the ones that break a rule are left out and listed, never dropped silently.
 */
export function validateBackup(json: unknown, now: number): ReadResult {
  const checker = recordChecker(json, now);
  for (const name of TABLE_NAMES) checker.records[name].forEach((record, i) => checker.check(name, record, i));
  return checker.finish();
}

/** validateBackup in slices of records, waiting on `pause` between them, so a page stays responsive. */
export async function validateBackupInSlices(json: unknown, now: number, pause: () => Promise<void>, slice = 500): Promise<ReadResult> {
  const checker = recordChecker(json, now);
  let done = 0;
  for (const name of TABLE_NAMES) {
    const list = checker.records[name];
    for (let i = 0; i < list.length; i++) {
      if (++done % slice === 0) await pause();
      checker.check(name, list[i], i);
    }
  }
  return checker.finish();
}
