import { deflateSync } from 'fflate';
import { ENCRYPTED_FORMAT, ENCRYPTED_LABEL } from '../../lib/backup/parse';
import { BACKUP_FORMAT, BACKUP_VERSION, type TableName } from '../../lib/backup/schemas';
import { TRANSFER_LABEL } from '../../lib/backup/transfer';
import { concatBytes } from '../../lib/compress';
import { deriveKey, importRawKey, KEY_BYTES, PBKDF2_ITERATIONS, randomBytes, SALT_BYTES, seal, toBase64Url } from '../../lib/crypto';
import { LINK_VERSION } from '../../lib/share/link';
import type { Snapshot } from '../../lib/share/model';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { checkin, contact, planEntry, reflection, share, valueItem } from './backup-sample';

// Builders for the hostile-input suite (hostile.test.ts): backup files, transfer payloads and
// mentor-link fragments shaped exactly as an attacker with the format's documentation could
// make them: valid where it matters (the seal, the envelope), hostile in what is inside.

/** The fixed clock of the suite: 2026-12-01T00:00Z. */
export const NOW = Date.UTC(2026, 11, 1);
export const DAY = 86_400_000;
export const PASS = 'correct horse battery';

export const encode = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);
export const u8 = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** Raw DEFLATE that inflates to `size` zero bytes (a "zip bomb"); small on the wire. */
export function bomb(size: number): Uint8Array<ArrayBuffer> {
  return u8(deflateSync(new Uint8Array(size), { level: 9 }));
}

/** Valid DEFLATE of `bytes`, cut so that the stream never ends. */
export function cutDeflate(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const full = deflateSync(bytes, { level: 9 });
  return u8(full.subarray(0, Math.floor(full.length / 2)));
}

export const deflate = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => u8(deflateSync(bytes, { level: 9 }));

/** `depth` arrays nested in one another: "[[[…]]]". */
export const nested = (depth: number, inner = '') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

// ---------------------------------------------------------------------------------------------
// Backup files

export type Tables = Record<Exclude<TableName, 'replies' | 'wellbeing'>, unknown[]> & Partial<Record<'replies' | 'wellbeing', unknown[]>>;

/** New records (ids the seeded device doesn't have), one or more of every table. */
export function baseTables(): Tables {
  return {
    checkins: [checkin(200), checkin(201)],
    reflections: [reflection(20)],
    plan: [planEntry(20)],
    values: [valueItem(20)],
    contacts: [contact(20)],
    shares: [share(20)],
  };
}

export interface FileShape {
  format: unknown;
  version: unknown;
  exportedAt: unknown;
  scope: unknown;
  tables: unknown;
  settings: unknown;
  [extra: string]: unknown;
}

/** A backup file's JSON as Tandem writes it, with any part replaced. */
export function backupFile(over: Partial<FileShape> & { add?: Partial<Tables> } = {}): FileShape {
  const { add, ...rest } = over;
  const tables = baseTables();
  for (const [name, records] of Object.entries(add ?? {})) (tables[name as TableName] ??= []).push(...records!);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: NOW - DAY,
    scope: { kind: 'all', fromDay: null },
    tables,
    settings: { value: DEFAULT_SETTINGS, updatedAt: NOW - DAY },
    ...rest,
  };
}

export const fileBytes = (json: unknown) => encode(typeof json === 'string' ? json : JSON.stringify(json));

/** The file's JSON with `key` (text, possibly escaped) inserted as the first key of the object at `marker`. */
export function insertKey(json: unknown, marker: string, key: string, value = '{"isAdmin":true}'): string {
  const text = JSON.stringify(json);
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not in the file`);
  return `${text.slice(0, at)}${key}:${value},${text.slice(at)}`;
}

// ---------------------------------------------------------------------------------------------
// Passphrase seals (encrypted files and transfers): one salt and one derived key per
// passphrase for the whole suite, so minting a hundred payloads costs one PBKDF2 run.

const FIXED_SALT = new Uint8Array(SALT_BYTES).fill(7);
const keys = new Map<string, Promise<CryptoKey>>();
const keyFor = (passphrase: string) => {
  let key = keys.get(passphrase);
  if (!key) keys.set(passphrase, (key = deriveKey(passphrase, FIXED_SALT, PBKDF2_ITERATIONS)));
  return key;
};

/** salt ‖ iv ‖ AES-GCM(deflated) exactly as lib/backup/codec.ts seals, with `body` already deflated (or not). */
export async function sealRaw(body: Uint8Array, label: string, passphrase = PASS): Promise<Uint8Array<ArrayBuffer>> {
  const { iv, ciphertext } = await seal(await keyFor(passphrase), u8(body), encode(label));
  return concatBytes([FIXED_SALT, iv, ciphertext]);
}

/** An encrypted backup file around `inner` (deflated first unless `raw`). */
export async function encryptedFile(
  inner: Uint8Array,
  { raw = false, label = ENCRYPTED_LABEL, passphrase = PASS } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const sealed = await sealRaw(raw ? inner : deflate(inner), label, passphrase);
  return fileBytes({ format: ENCRYPTED_FORMAT, version: 1, data: toBase64Url(sealed) });
}

/** A transfer payload around `inner` (deflated first unless `raw`), as encodeTransfer makes them. */
export async function transferPayload(
  inner: Uint8Array,
  { raw = false, label = TRANSFER_LABEL, passphrase = PASS, prefix = 1 } = {},
): Promise<string> {
  const sealed = await sealRaw(raw ? inner : deflate(inner), label, passphrase);
  return toBase64Url(concatBytes([new Uint8Array([prefix]), sealed]));
}

/** Changes one byte of a base64url payload, well inside it. */
export function flipByte(payload: string, fromBase64: (s: string) => Uint8Array | null, at = -20): string {
  const bytes = u8(fromBase64(payload)!);
  const i = at < 0 ? bytes.length + at : at;
  bytes[i]! ^= 0x01;
  return toBase64Url(bytes);
}

// ---------------------------------------------------------------------------------------------
// Mentor links

export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    name: 'Sam',
    createdAt: NOW - 3_600_000,
    expiresAt: NOW + 14 * DAY,
    period: 7,
    lastDay: '2026-11-30',
    streak: { current: 3, best: 9 },
    checkins: [1, 0, 2, 3, 0, 1, 2],
    mood: [30, 0, 25, 40, 0, 50, 35],
    wins: [{ day: 6, text: 'Walked home' }],
    reflections: { nearMisses: 1, setbacks: 0 },
    ...over,
  };
}

/** A key-in-link fragment sealing `body` (already deflated unless `deflateIt`), as anyone could mint one. */
export async function mintFragment(body: Uint8Array, { deflateIt = true, version = LINK_VERSION } = {}): Promise<string> {
  const plain = deflateIt ? deflate(body) : u8(body);
  const key = randomBytes(KEY_BYTES);
  const length = plain.length + 16;
  if (length > 0xffff) throw new RangeError('too long for the header');
  const header = new Uint8Array([version, 0, length >> 8, length & 0xff]);
  const { iv, ciphertext } = await seal(await importRawKey(key), plain, header);
  return toBase64Url(concatBytes([header, key, iv, ciphertext]));
}

/** A fragment holding `value` as JSON (a string is used as the JSON text itself). */
export const mintJson = (value: unknown) => mintFragment(fileBytes(value));
