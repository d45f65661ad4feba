import 'fake-indexeddb/auto';
import { createStore, entries, type UseStore } from 'idb-keyval';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../lib/backup/codec';
import { backupJson, encryptedBackupJson } from '../../lib/backup/files';
import { ENCRYPTED_FORMAT, ENCRYPTED_LABEL, readBackup, type ReadResult } from '../../lib/backup/parse';
import { BackupError } from '../../lib/backup/problems';
import { TABLE_NAMES, type Backup } from '../../lib/backup/schemas';
import { applyImport, exportBackup, type ImportSummary } from '../../lib/backup/store';
import { decodeTransfer, encodeTransfer, MAX_LINK_CHARS, TRANSFER_LABEL } from '../../lib/backup/transfer';
import { fromBase64Url, toBase64Url } from '../../lib/crypto';
import { dayKeyAtOffset } from '../../lib/days';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { ValidationError } from '../../lib/errors';
import { createKeyValueStore, type KeyValueStore } from '../../lib/kv';
import { TIME_MAX, TIME_MIN } from '../../lib/rules/time';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { decodeFragment, encodeFragment, MAX_FRAGMENT_CHARS, MAX_PLAIN_BYTES } from '../../lib/share/link';
import { LinkError } from '../../lib/share/linkErrors';
import { createMenteeList, menteeKey, type KeptMentee, type MenteeList } from '../../lib/share/menteeList';
import type { Snapshot } from '../../lib/share/model';
import { checkin, contact, dump, planEntry, reflection, seed, share, T0, valueItem } from './backup-sample';
import { frozenClock } from './helpers';
import {
  backupFile,
  bomb,
  cutDeflate,
  DAY,
  deflate,
  encode,
  encryptedFile,
  fileBytes,
  flipByte,
  insertKey,
  mintFragment,
  mintJson,
  nested,
  NOW,
  PASS,
  snapshot,
  transferPayload,
} from './hostile-inputs';

import { messages } from '../../components/i18n/en';
import { createFmt } from '../../components/i18n/fmt';

/** The preview's English words for a refused record. */
const english = messages(createFmt('en'));

// Hostile inputs, of the three kinds that come from outside: backup FILES (bytes → readBackup →
// applyImport), TRANSFER links (payload → decodeTransfer → applyImport) and MENTOR links
// (fragment → decodeFragment → the mentor's kept list). Each input is tried on a device that
// already holds records, settings and one kept mentee, and ends one of two ways:
//   refused:  a BackupError / LinkError / ValidationError with a plain message, and every byte
//             of both stores as it was;
//   accepted: (maybe with records left out, and named) applied; the same input again changes
//             nothing; and what the device then exports imports into an empty device as the
//             very same tables.
// Anything else is "corrupted". The table printed at the end counts what actually happened.

type Kind = 'files' | 'transfer links' | 'mentor links';
type Expected = 'refused' | 'accepted' | 'partial';
type Outcome = Expected | 'corrupted';

interface Device {
  db: TandemDatabase;
  store: KeyValueStore;
  list: MenteeList;
  listStore: UseStore;
}

let n = 0;
const JO = snapshot({ name: 'Jo', createdAt: NOW - 2 * DAY, expiresAt: NOW + 10 * DAY });

async function device(seeded: boolean): Promise<Device> {
  const id = n++;
  const db = openDatabase(`hostile-${id}`, () => NOW);
  const store = createKeyValueStore(db, createStore(`hostile-kv-${id}`, 'values'), frozenClock(NOW, 'Europe/Berlin'));
  const listName = `hostile-list-${id}`;
  const listStore = createStore(listName, 'mentees');
  const list = createMenteeList(
    () => listStore,
    async () => (await indexedDB.databases()).some((d) => d.name === listName),
  );
  if (seeded) {
    await seed(db, 9);
    await store.saveSettings({ ...DEFAULT_SETTINGS, intervalMinutes: 90 });
    await store.saveLastBackupAt(NOW - DAY);
    await store.saveMilestones([7]);
    await list.keep(JO, NOW);
  }
  return { db, store, list, listStore };
}

/** Every byte of both stores: the records' database with its settings, and the kept list. */
async function fullDump(dev: Device): Promise<string> {
  const kept = (await entries(dev.listStore)).sort(([a], [b]) => String(a).localeCompare(String(b)));
  return `${await dump(dev.db, dev.store)}\n${JSON.stringify(kept)}`;
}

const PLAIN_ERRORS = [BackupError, LinkError, ValidationError];

function messageProblems(err: unknown): string[] {
  if (!PLAIN_ERRORS.some((E) => err instanceof E)) {
    const e = err as { name?: string; message?: string };
    return [`threw ${e?.name ?? typeof err} instead of a refusal: ${String(e?.message ?? err).slice(0, 200)}`];
  }
  const message = (err as Error).message;
  const problems: string[] = [];
  if (message.trim() === '') problems.push('refused with an empty message');
  if (/\bundefined\b/.test(message)) problems.push(`message says "undefined": ${message}`);
  if (/\n\s*at\s|\w+Error\b|\.ts:\d+/.test(message)) problems.push(`message looks like a stack: ${message.slice(0, 200)}`);
  if (message.length >= 400) problems.push(`message is ${message.length} characters long`);
  return problems;
}

const reasonOf = (err: unknown) =>
  err instanceof BackupError ? err.reason : err instanceof LinkError ? err.kind : err instanceof ValidationError ? 'keep' : 'crash';

/** Where two values first differ, e.g. "utcOffset: -0 vs 0" (JSON would print both as 0). */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  const show = (v: unknown) => (Object.is(v, -0) ? '-0' : JSON.stringify(v)?.slice(0, 120));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const [x, y] = [(a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]];
      if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, path ? `${path}.${k}` : k);
    }
  }
  return `${path || 'value'}: ${show(a)} vs ${show(b)}`;
}

const keyOf = (row: unknown) => {
  const r = row as { id?: string; day?: string; key?: string; version?: number };
  return String(r.id ?? r.day ?? r.key ?? r.version);
};
const sorted = (rows: unknown[]) => [...rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));

/** What this device exports, imported into an empty device, must give the very same tables. */
async function roundTrip(dev: Device, problems: string[]): Promise<void> {
  const fresh = await device(false);
  try {
    const exported = await exportBackup(dev.db, dev.store, { now: NOW });
    const read = await readBackup(encode(backupJson(exported)), { now: NOW });
    if (read.refused.count > 0 || read.refused.settings !== null) {
      problems.push(`its export reads back with parts left out: ${JSON.stringify(read.refused).slice(0, 300)}`);
    }
    await applyImport(fresh.db, fresh.store, read);
    for (const name of [...TABLE_NAMES, 'dayStats', 'settings']) {
      const mine = sorted(await dev.db.table(name).toArray());
      const theirs = sorted(await fresh.db.table(name).toArray());
      if (!isDeepStrictEqual(mine, theirs)) {
        problems.push(`export → import into an empty device gives another ${name} table: ${firstDifference(mine, theirs)}`);
      }
    }
  } catch (err) {
    problems.push(`its export does not import into an empty device: ${(err as Error)?.message?.slice(0, 200)}`);
  } finally {
    await fresh.db.delete();
  }
}

interface Context {
  dev: Device;
  read?: ReadResult;
  summary?: ImportSummary;
  snapshot?: Snapshot;
  kept?: KeptMentee;
  error?: unknown;
}

interface Result {
  actual: Outcome;
  reason: string | null;
  problems: string[];
  ctx: Context;
}

interface Declared {
  name: string;
  expected: Expected;
  /** The refusal's reason (BackupError.reason, LinkError.kind), when it matters. */
  reason?: string;
  passphrase?: string;
  /** For 'partial': how many records are left out, and (optionally) why the first one is. */
  left?: number;
  because?: 'future' | 'invalid';
  /** For 'partial': the file's settings are left out, and why. */
  settingsLeft?: 'invalid' | 'future';
  /** Further expectations about what was stored (run with the device still open). */
  check?: (ctx: Context) => Promise<void> | void;
}

interface FileInput extends Declared {
  bytes: () => Uint8Array | Promise<Uint8Array>;
}
interface TransferInput extends Declared {
  payload: () => string | Promise<string>;
}
interface MentorInput extends Declared {
  fragment: () => string | Promise<string>;
}

/** Files and transfers: `open` reads the input (and may refuse it); applying it is the same. */
async function tryBackup(open: () => Promise<ReadResult>): Promise<Result> {
  const dev = await device(true);
  const ctx: Context = { dev };
  const problems: string[] = [];
  const before = await fullDump(dev);
  let read: ReadResult;
  try {
    read = await open();
  } catch (err) {
    ctx.error = err;
    problems.push(...messageProblems(err));
    if ((await fullDump(dev)) !== before) problems.push('the store changed although the input was refused');
    return { actual: problems.length ? 'corrupted' : 'refused', reason: reasonOf(err), problems, ctx };
  }
  ctx.read = read;
  try {
    const summary = await applyImport(dev.db, dev.store, read);
    ctx.summary = summary;
    if (!isDeepStrictEqual(summary.refused, read.refused)) problems.push('the summary names other refusals than the read');
    for (const r of read.refused.first) {
      const line = english.data.refusedRecord(r);
      if (line.length >= 300 || /undefined|NaN|\[object/.test(line)) problems.push(`a refused record is badly named: ${line.slice(0, 200)}`);
    }
    if (read.refused.count > 0 && read.refused.first.length === 0) problems.push('records left out but none named');
    const after = await fullDump(dev);
    const again = await applyImport(dev.db, dev.store, await open());
    if (again.new + again.updated + again.deleted > 0 || again.settings === 'replaced') {
      problems.push(`importing it again changes things: ${JSON.stringify({ ...again, byTable: undefined, refused: undefined })}`);
    }
    if ((await fullDump(dev)) !== after) problems.push('importing it again changed the store');
    await roundTrip(dev, problems);
  } catch (err) {
    problems.push(`accepted, then failed: ${(err as Error)?.name}: ${(err as Error)?.message?.slice(0, 200)}`);
  }
  const partial = read.refused.count > 0 || read.refused.settings !== null;
  return { actual: problems.length ? 'corrupted' : partial ? 'partial' : 'accepted', reason: null, problems, ctx };
}

async function tryMentor(fragment: string, passphrase: string | undefined): Promise<Result> {
  const dev = await device(true);
  const ctx: Context = { dev };
  const problems: string[] = [];
  const before = await fullDump(dev);
  const recordsBefore = await dump(dev.db, dev.store);
  const open = async () => dev.list.keep(await decodeFragment(fragment, { now: NOW, passphrase }), NOW);
  let kept: KeptMentee;
  try {
    kept = await open();
  } catch (err) {
    ctx.error = err;
    problems.push(...messageProblems(err));
    if ((await fullDump(dev)) !== before) problems.push('the store changed although the link was refused');
    return { actual: problems.length ? 'corrupted' : 'refused', reason: reasonOf(err), problems, ctx };
  }
  ctx.kept = kept;
  try {
    ctx.snapshot = await decodeFragment(fragment, { now: NOW, passphrase });
    const after = await fullDump(dev);
    await open();
    if ((await fullDump(dev)) !== after) problems.push('keeping the same link again changed the list');
    const { kept: list } = await dev.list.load(NOW);
    const entry = list.find((k) => menteeKey(k.name) === menteeKey(ctx.snapshot!.name));
    if (!entry) problems.push('the kept snapshot is not in the list when it is loaded');
    else if (!isDeepStrictEqual(entry.snapshot, kept.snapshot)) problems.push('the list loads another snapshot than the one kept');
    // The device keeps Jo already: another person makes two.
    if (list.length !== (menteeKey(ctx.snapshot.name) === menteeKey(JO.name) ? 1 : 2)) problems.push(`the list holds ${list.length} people`);
    if ((await dump(dev.db, dev.store)) !== recordsBefore) problems.push('keeping a mentor link changed the records');
    await roundTrip(dev, problems);
  } catch (err) {
    problems.push(`kept, then failed: ${(err as Error)?.name}: ${(err as Error)?.message?.slice(0, 200)}`);
  }
  return { actual: problems.length ? 'corrupted' : 'accepted', reason: null, problems, ctx };
}

// ---------------------------------------------------------------------------------------------
// The inputs

const once = <T,>(make: () => Promise<T>) => {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
};

const json = (value: unknown) => JSON.stringify(value);
/** JSON text with a placeholder string ("@@NAME@@") swapped for raw JSON (1e400, -0, deep nesting). */
const rawJson = (value: unknown, swaps: Record<string, string>) =>
  Object.entries(swaps).reduce((text, [name, raw]) => text.split(`"@@${name}@@"`).join(raw), json(value));
const ph = (name: string) => `@@${name}@@` as never;

const MILLION = 'x'.repeat(1_000_000);

/** A record of `table` for every field, with that one field of a wrong type. */
function wrongTypes<R extends object>(make: (i: number, patch: Partial<R>) => R, from: number): R[] {
  const wrong = (value: unknown): unknown => {
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string') return value === '' ? 0 : 12345;
    if (typeof value === 'boolean') return 'true';
    if (Array.isArray(value)) return { 0: value[0] ?? 'x' };
    if (value === null) return [];
    return 'an object';
  };
  const keys = Object.keys(make(from, {}));
  return keys.map((key, k) => {
    const record = make(from + k, {});
    return { ...record, [key]: wrong((record as Record<string, unknown>)[key]) } as R;
  });
}

const get = (ctx: Context, table: string, id: string) => ctx.dev.db.table(table).get(id);

const genuineBackup = (): Backup => backupFile() as unknown as Backup;
const genuineEncrypted = once(async () => encode(await encryptedBackupJson(genuineBackup(), PASS)));
const genuineTransfer = once(() =>
  encodeTransfer(backupFile({ scope: { kind: 'recent', fromDay: '2026-09-02' } }) as unknown as Backup, PASS),
);

const dup = (win: string, updatedAt = checkin(210).updatedAt) => checkin(210, { win, updatedAt });

const files: FileInput[] = [
  // Not a backup at all
  { name: 'an empty file', expected: 'refused', reason: 'empty', bytes: () => new Uint8Array() },
  { name: 'blanks only', expected: 'refused', reason: 'empty', bytes: () => encode(' \n\t\r\n  ') },
  { name: 'a BOM and blanks', expected: 'refused', reason: 'empty', bytes: () => encode('\uFEFF  \n') },
  { name: 'not JSON', expected: 'refused', reason: 'not-json', bytes: () => encode('Dear diary, today was fine.') },
  {
    name: 'a BOM, then a valid file (accepted)',
    expected: 'accepted',
    bytes: () => encode(`\uFEFF${json(backupFile())}`),
    check: async (ctx) => expect(await get(ctx, 'checkins', checkin(200).id)).toEqual(checkin(200)),
  },
  {
    name: 'invalid UTF-8 inside a valid file',
    expected: 'refused',
    reason: 'not-json',
    bytes: () => {
      const text = encode(json(backupFile()));
      const at = text.indexOf(0x53); // an "S" of "Small win"
      return new Uint8Array([...text.subarray(0, at), 0xc3, 0x28, ...text.subarray(at)]);
    },
  },
  { name: 'a UTF-16 file', expected: 'refused', reason: 'not-json', bytes: () => new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]) },
  { name: 'truncated JSON', expected: 'refused', reason: 'damaged', bytes: () => encode(json(backupFile()).slice(0, 700)) },
  { name: 'one brace', expected: 'refused', reason: 'damaged', bytes: () => encode('{') },
  {
    name: 'JSON of another app',
    expected: 'refused',
    reason: 'other-app',
    bytes: () => fileBytes({ version: 3, notes: [{ id: 1, text: 'hi' }], format: 'daylio-backup' }),
  },
  { name: 'a JSON array of backups', expected: 'refused', reason: 'other-app', bytes: () => fileBytes([backupFile()]) },
  { name: 'JSON null', expected: 'refused', reason: 'other-app', bytes: () => encode('null') },
  { name: 'a JSON string', expected: 'refused', reason: 'other-app', bytes: () => encode('"tandem-backup"') },
  { name: 'a newer version', expected: 'refused', reason: 'newer-version', bytes: () => fileBytes(backupFile({ version: 4 })) },
  { name: 'version 1.5', expected: 'refused', reason: 'newer-version', bytes: () => fileBytes(backupFile({ version: 1.5 })) },
  { name: 'version 0', expected: 'refused', reason: 'invalid', bytes: () => fileBytes(backupFile({ version: 0 })) },
  { name: '50 MB + 1 byte', expected: 'refused', reason: 'too-large', bytes: () => new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20) },

  // Keys that reach a prototype, at every depth; the words themselves as text are fine
  { name: '__proto__ at the top', expected: 'refused', reason: 'unsafe-keys', bytes: () => encode(insertKey(backupFile(), '"format"', '"__proto__"')) },
  { name: 'constructor among the tables', expected: 'refused', reason: 'unsafe-keys', bytes: () => encode(insertKey(backupFile(), '"checkins"', '"constructor"')) },
  { name: '__proto__ inside a check-in', expected: 'refused', reason: 'unsafe-keys', bytes: () => encode(insertKey(backupFile(), '"mood"', '"__proto__"')) },
  { name: 'prototype inside the settings', expected: 'refused', reason: 'unsafe-keys', bytes: () => encode(insertKey(backupFile(), '"workingDays"', '"prototype"', '{}')) },
  {
    name: 'constructor.prototype inside a reminder window',
    expected: 'refused',
    reason: 'unsafe-keys',
    bytes: () => encode(insertKey(backupFile(), '"start"', '"constructor"', '{"prototype":{"polluted":1}}')),
  },
  {
    name: '__proto__ spelled with a JSON escape, in the scope',
    expected: 'refused',
    reason: 'unsafe-keys',
    bytes: () => encode(insertKey(backupFile(), '"kind":"all"', '"\\u005f_proto__"')),
  },
  {
    name: '__proto__, constructor as ids and as text (accepted)',
    expected: 'accepted',
    bytes: () =>
      fileBytes(
        backupFile({
          add: {
            checkins: [checkin(202, { id: '__proto__', win: '__proto__ constructor prototype' })],
            values: [valueItem(21, { id: 'constructor', text: 'prototype' })],
          },
        }),
      ),
    check: async (ctx) => {
      expect((await get(ctx, 'checkins', '__proto__'))?.win).toBe('__proto__ constructor prototype');
      expect((await get(ctx, 'values', 'constructor'))?.text).toBe('prototype');
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  },

  // Numbers
  { name: 'exportedAt 1e308', expected: 'refused', reason: 'invalid', bytes: () => fileBytes(backupFile({ exportedAt: 1e308 })) },
  { name: 'exportedAt 1e400 (parses to Infinity)', expected: 'refused', reason: 'invalid', bytes: () => encode(rawJson(backupFile({ exportedAt: ph('INF') }), { INF: '1e400' })) },
  {
    name: '1e308, 1e400, 2^53 + 1 and 2.5 where whole numbers belong',
    expected: 'partial',
    left: 5,
    bytes: () =>
      encode(
        rawJson(
          backupFile({
            add: {
              checkins: [checkin(203, { at: 1e308 }), checkin(204, { mood: ph('INF') })],
              plan: [planEntry(21, { order: ph('BIG') })],
              shares: [share(21, { linkLength: ph('INF') })],
              reflections: [reflection(22, { strength: 2.5 })],
            },
          }),
          { INF: '1e400', BIG: '9007199254740993' },
        ),
      ),
  },
  {
    name: 'the strings "NaN", "Infinity" and "-0" where numbers belong',
    expected: 'partial',
    left: 3,
    bytes: () =>
      fileBytes(
        backupFile({
          add: {
            checkins: [checkin(205, { mood: 'NaN' as never }), checkin(206, { utcOffset: 'Infinity' as never })],
            values: [valueItem(22, { order: '-0' as never })],
          },
        }),
      ),
  },
  {
    name: '-0 as an offset, an order and exportedAt (accepted)',
    expected: 'accepted',
    bytes: () =>
      encode(
        rawJson(
          backupFile({
            exportedAt: ph('NEG0'),
            add: { checkins: [checkin(207, { utcOffset: ph('NEG0') })], plan: [planEntry(22, { order: ph('NEG0') })] },
          }),
          { NEG0: '-0' },
        ),
      ),
    check: async (ctx) => expect((await get(ctx, 'checkins', checkin(207).id))?.day).toBe(dayKeyAtOffset(checkin(207).at, 0, 4)),
  },

  // Wrong types in every kind of field
  ...(
    [
      ['check-in', 'checkins', wrongTypes(checkin, 300)],
      ['reflection', 'reflections', wrongTypes(reflection, 300)],
      ['plan entry', 'plan', wrongTypes(planEntry, 300)],
      ['value', 'values', wrongTypes(valueItem, 300)],
      ['contact', 'contacts', wrongTypes(contact, 300)],
      ['share-log entry', 'shares', wrongTypes(share, 300)],
    ] as const
  ).map(
    ([noun, table, records]): FileInput => ({
      name: `a wrong type in each field of a ${noun} (${records.length} records)`,
      expected: 'partial',
      left: records.length,
      bytes: () => fileBytes(backupFile({ add: { [table]: records } })),
      check: ({ read }) => expect(read!.refused.byTable).toEqual({ [table]: records.length }),
    }),
  ),
  {
    name: 'records that are not objects',
    expected: 'partial',
    left: 5,
    bytes: () => fileBytes(backupFile({ add: { checkins: [null, 7, 'check-in', [], true] } })),
    // The preview must say what is wrong: these are not records, not records with a field of no name.
    check: ({ read }) => {
      for (const r of read!.refused.first) expect(english.data.refusedRecord(r), `check-in ${r.index}`).not.toContain('“”');
    },
  },
  {
    name: 'settings of the wrong types',
    expected: 'partial',
    settingsLeft: 'invalid',
    bytes: () => fileBytes(backupFile({ settings: { value: { ...DEFAULT_SETTINGS, intervalMinutes: '90', notifications: 'yes' }, updatedAt: NOW } })),
  },
  {
    name: 'settings stamped with text',
    expected: 'partial',
    settingsLeft: 'invalid',
    bytes: () => fileBytes(backupFile({ settings: { value: DEFAULT_SETTINGS, updatedAt: 'yesterday' } })),
  },
  { name: 'format of the wrong type', expected: 'refused', reason: 'other-app', bytes: () => fileBytes(backupFile({ format: 1 })) },
  { name: 'version as text', expected: 'refused', reason: 'invalid', bytes: () => fileBytes(backupFile({ version: '1' })) },
  { name: 'exportedAt as a date text', expected: 'refused', reason: 'invalid', bytes: () => fileBytes(backupFile({ exportedAt: '2026-12-01' })) },
  { name: 'scope as text', expected: 'refused', reason: 'invalid', bytes: () => fileBytes(backupFile({ scope: 'all' })) },
  { name: 'tables as a list', expected: 'refused', reason: 'invalid', bytes: () => fileBytes(backupFile({ tables: [] })) },
  {
    name: 'a table that is an object',
    expected: 'refused',
    reason: 'invalid',
    bytes: () => fileBytes(backupFile({ tables: { ...(backupFile().tables as object), checkins: { 0: checkin(1) } } })),
  },
  { name: 'settings as text', expected: 'refused', reason: 'invalid', bytes: () => fileBytes(backupFile({ settings: 'on' })) },
  {
    name: 'a scope from an impossible day (2026-02-30)',
    expected: 'refused',
    reason: 'invalid',
    bytes: () => fileBytes(backupFile({ scope: { kind: 'recent', fromDay: '2026-02-30' } })),
  },
  {
    name: 'a table of 1,000,001 records',
    expected: 'refused',
    reason: 'invalid',
    bytes: () => encode(rawJson(backupFile({ tables: { ...(backupFile().tables as object), values: ph('MANY') } }), { MANY: `[${'0,'.repeat(1_000_000)}0]` })),
  },
  {
    name: 'toString, hasOwnProperty and valueOf as keys',
    expected: 'partial',
    left: 2,
    settingsLeft: 'invalid',
    bytes: () =>
      fileBytes(
        backupFile({
          settings: { value: { ...DEFAULT_SETTINGS, toString: 1 }, updatedAt: NOW },
          add: { checkins: [{ ...checkin(235), hasOwnProperty: 'x' }], plan: [{ ...planEntry(26), valueOf: 0 }] },
        }),
      ),
  },
  {
    name: 'a list of 51 triggers and a tag twice',
    expected: 'partial',
    left: 2,
    bytes: () =>
      fileBytes(
        backupFile({
          add: {
            reflections: [reflection(24, { triggers: Array.from({ length: 51 }, (_, i) => `trigger ${i}`) })],
            checkins: [checkin(236, { tags: ['tired', 'tired'] })],
          },
        }),
      ),
  },
  {
    name: 'settings with bidi marks in the reminder text (accepted, stored without them)',
    expected: 'accepted',
    bytes: () =>
      fileBytes(backupFile({ settings: { value: { ...DEFAULT_SETTINGS, notificationText: '\u202ETime to check in\u202C' }, updatedAt: NOW + 60_000 } })),
    check: async (ctx) => {
      expect(ctx.summary!.settings).toBe('replaced');
      expect((await ctx.dev.store.settings()).notificationText).toBe('Time to check in');
    },
  },
  {
    name: 'settings with an invisible reminder text and 25 windows',
    expected: 'partial',
    settingsLeft: 'invalid',
    bytes: () =>
      fileBytes(
        backupFile({
          settings: {
            value: { ...DEFAULT_SETTINGS, notificationText: '\u200b', windows: Array.from({ length: 25 }, (_, i) => ({ start: i * 50, end: i * 50 + 10, overnight: false })) },
            updatedAt: NOW,
          },
        }),
      ),
  },

  // Depth and size
  { name: '100,000 nested arrays as the file', expected: 'refused', reason: 'damaged', bytes: () => encode(nested(100_000)) },
  {
    name: '100,000 nested arrays inside a check-in',
    expected: 'refused',
    reason: 'damaged',
    bytes: () => encode(rawJson(backupFile({ add: { checkins: [checkin(211, { tags: ph('DEEP') })] } }), { DEEP: nested(100_000) })),
  },
  {
    name: '100,000 nested objects as the settings',
    expected: 'refused',
    reason: 'damaged',
    bytes: () => encode(rawJson(backupFile({ settings: ph('DEEP') }), { DEEP: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}` })),
  },
  {
    name: '1,000 nested arrays inside a check-in (the record is left out)',
    expected: 'partial',
    left: 1,
    bytes: () => encode(rawJson(backupFile({ add: { checkins: [checkin(212, { tags: ph('DEEP') })] } }), { DEEP: nested(1000) })),
  },
  {
    name: 'a million characters in a micro-win, a time zone, an id and a number',
    expected: 'partial',
    left: 4,
    bytes: () =>
      fileBytes(
        backupFile({
          add: {
            checkins: [
              checkin(213, { win: MILLION }),
              checkin(214, { timeZone: MILLION }),
              checkin(215, { id: MILLION }),
              checkin(216, { at: MILLION as never }),
            ],
          },
        }),
      ),
  },
  {
    name: 'a key of a million characters in a record',
    expected: 'partial',
    left: 1,
    bytes: () => fileBytes(backupFile({ add: { contacts: [{ ...contact(21), [MILLION]: true }] } })),
  },
  { name: 'a key of a million characters at the top', expected: 'refused', reason: 'invalid', bytes: () => fileBytes({ ...backupFile(), [MILLION]: 1 }) },

  // Texts: normalised as the forms store them
  {
    name: 'lone surrogates ("\\ud800", "\\udc00") in texts (accepted, removed)',
    expected: 'accepted',
    bytes: () => fileBytes(backupFile({ add: { checkins: [checkin(217, { win: 'Call\ud800 Sam\udc00' })], contacts: [contact(22, { name: '\udbffJo' })] } })),
    check: async (ctx) => {
      expect((await get(ctx, 'checkins', checkin(217).id))?.win).toBe('Call Sam');
      expect((await get(ctx, 'contacts', contact(22).id))?.name).toBe('Jo');
    },
  },
  { name: 'a lone surrogate in an id', expected: 'partial', left: 1, bytes: () => fileBytes(backupFile({ add: { checkins: [checkin(218, { id: 'abc\ud800' })] } })) },
  {
    name: 'NUL and C1 controls in texts (accepted, removed)',
    expected: 'accepted',
    bytes: () =>
      fileBytes(backupFile({ add: { checkins: [checkin(219, { win: 'Walked\u0000 home\u0085' })], contacts: [contact(23, { name: 'Sam\u0000', note: 'Line\u009b one' })] } })),
    check: async (ctx) => {
      expect((await get(ctx, 'checkins', checkin(219).id))?.win).toBe('Walked home');
      expect(await get(ctx, 'contacts', contact(23).id)).toMatchObject({ name: 'Sam', note: 'Line one' });
    },
  },
  {
    name: 'names of only NUL and invisible characters',
    expected: 'partial',
    left: 3,
    bytes: () =>
      fileBytes(
        backupFile({
          add: {
            contacts: [contact(24, { name: '\u0000\u200b\u2060' })],
            values: [valueItem(23, { text: '\u00a0\u3000' })],
            plan: [planEntry(23, { trigger: '\u2068\u2069\u3164' })],
          },
        }),
      ),
  },
  {
    name: 'bidi overrides and isolates (accepted, stored without them)',
    expected: 'accepted',
    bytes: () =>
      fileBytes(
        backupFile({
          add: {
            checkins: [checkin(220, { win: 'Sam \u202Eevil\u202C' })],
            contacts: [contact(25, { name: '\u2068Ana\u2069', phone: '\u2066+49 30 1234567\u2069' })],
            plan: [planEntry(24, { trigger: '\u202BAfter work\u202C', steps: ['\u2067Call Jo\u2069'] })],
          },
        }),
      ),
    check: async (ctx) => {
      expect((await get(ctx, 'checkins', checkin(220).id))?.win).toBe('Sam evil');
      expect(await get(ctx, 'contacts', contact(25).id)).toMatchObject({ name: 'Ana', phone: '+49 30 1234567' });
      expect(await get(ctx, 'plan', planEntry(24).id)).toMatchObject({ trigger: 'After work', steps: ['Call Jo'] });
    },
  },
  {
    name: 'decomposed accents, CR LF and a tab in one-line text (accepted, normalised)',
    expected: 'accepted',
    bytes: () => fileBytes(backupFile({ add: { contacts: [contact(26, { name: 'A\u0301na\tM.', note: 'a\r\nb\rc' })] } })),
    check: async (ctx) => expect(await get(ctx, 'contacts', contact(26).id)).toMatchObject({ name: 'Ána M.', note: 'a\nb\nc' }),
  },
  {
    name: 'emoji exactly at the limits, counted in code points (accepted)',
    expected: 'accepted',
    bytes: () =>
      fileBytes(
        backupFile({
          add: {
            checkins: [checkin(221, { win: '🌱'.repeat(280) })],
            contacts: [contact(27, { name: '👩🏽'.repeat(100) })],
            values: [valueItem(24, { text: '👨‍👩‍👧'.repeat(400) })],
          },
        }),
      ),
    check: async (ctx) => expect((await get(ctx, 'checkins', checkin(221).id))?.win).toBe('🌱'.repeat(280)),
  },
  {
    name: 'emoji one code point past the limits',
    expected: 'partial',
    left: 3,
    bytes: () =>
      fileBytes(
        backupFile({
          add: {
            checkins: [checkin(222, { win: '🌱'.repeat(281) })],
            contacts: [contact(28, { name: `${'👩🏽'.repeat(100)}🌱` })],
            values: [valueItem(25, { text: `${'👨‍👩‍👧'.repeat(400)}!` })],
          },
        }),
      ),
  },

  // Dates and clocks
  { name: 'a check-in in 1970', expected: 'partial', left: 1, because: 'invalid', bytes: () => fileBytes(backupFile({ add: { checkins: [checkin(223, { at: 0 })] } })) },
  {
    name: 'created 1999-12-31T23:59:59.999Z',
    expected: 'partial',
    left: 1,
    bytes: () => fileBytes(backupFile({ add: { values: [valueItem(26, { createdAt: Date.UTC(1999, 11, 31, 23, 59, 59, 999) })] } })),
  },
  { name: 'a check-in in 2101', expected: 'partial', left: 1, bytes: () => fileBytes(backupFile({ add: { checkins: [checkin(224, { at: Date.UTC(2101, 0, 1) })] } })) },
  {
    name: 'updated in the year 3000',
    expected: 'partial',
    left: 1,
    because: 'invalid',
    bytes: () => fileBytes(backupFile({ add: { plan: [planEntry(25, { updatedAt: Date.UTC(3000, 0, 1) })] } })),
  },
  { name: 'a day key of 1999-12-29', expected: 'partial', left: 1, bytes: () => fileBytes(backupFile({ add: { checkins: [checkin(225, { day: '1999-12-29' })] } })) },
  {
    name: 'updatedAt a year ahead of this clock',
    expected: 'partial',
    left: 1,
    because: 'future',
    bytes: () => fileBytes(backupFile({ add: { contacts: [contact(29, { updatedAt: NOW + 365 * DAY })] } })),
  },
  {
    name: 'deletedAt a day and 1 ms ahead',
    expected: 'partial',
    left: 1,
    because: 'future',
    bytes: () => fileBytes(backupFile({ add: { values: [valueItem(27, { deletedAt: NOW + DAY + 1, updatedAt: NOW })] } })),
  },
  {
    name: 'updatedAt exactly a day ahead (accepted)',
    expected: 'accepted',
    bytes: () => fileBytes(backupFile({ add: { values: [valueItem(28, { updatedAt: NOW + DAY })] } })),
  },
  {
    name: 'settings saved in 2030',
    expected: 'partial',
    settingsLeft: 'future',
    bytes: () => fileBytes(backupFile({ settings: { value: { ...DEFAULT_SETTINGS, intervalMinutes: 30 }, updatedAt: Date.UTC(2030, 0, 1) } })),
    check: async (ctx) => expect((await ctx.dev.store.settings()).intervalMinutes).toBe(90),
  },
  {
    name: '2000-01-01T00:00Z at −14:00, the earliest instant and offset (accepted, exports again)',
    expected: 'accepted',
    bytes: () =>
      fileBytes(
        backupFile({
          add: {
            checkins: [checkin(226, { at: TIME_MIN, utcOffset: -840, day: '1999-12-31', createdAt: TIME_MIN, updatedAt: TIME_MIN })],
            reflections: [reflection(23, { at: TIME_MIN, utcOffset: -840, day: '1999-12-31', createdAt: TIME_MIN, updatedAt: TIME_MIN })],
          },
        }),
      ),
    check: async (ctx) => {
      expect((await get(ctx, 'checkins', checkin(226).id))?.day).toBe('1999-12-31');
      expect(await ctx.dev.db.dayStats.get('1999-12-31')).toMatchObject({ count: 1 });
    },
  },
  {
    name: 'the earliest instant at −14:00 with a day starting at noon (day 1999-12-30)',
    expected: 'accepted',
    bytes: () =>
      fileBytes(
        backupFile({
          settings: { value: { ...DEFAULT_SETTINGS, dayStartHour: 12 }, updatedAt: NOW + 3_600_000 },
          add: { checkins: [checkin(227, { at: TIME_MIN, utcOffset: -840, day: '1999-12-31', createdAt: TIME_MIN, updatedAt: TIME_MIN })] },
        }),
      ),
    check: async (ctx) => {
      expect(ctx.summary!.settings).toBe('replaced');
      expect((await get(ctx, 'checkins', checkin(227).id))?.day).toBe('1999-12-30');
    },
  },
  {
    name: '2100-01-01T00:00Z at +14:00, the latest instant and offset (accepted)',
    expected: 'accepted',
    bytes: () =>
      fileBytes(backupFile({ add: { checkins: [checkin(228, { at: TIME_MAX, utcOffset: 840, day: '2100-01-01', createdAt: NOW - DAY, updatedAt: NOW - DAY })] } })),
    check: async (ctx) => expect((await get(ctx, 'checkins', checkin(228).id))?.day).toBe('2100-01-01'),
  },
  {
    name: 'offsets −14:01, +14:01 and 90.5 minutes',
    expected: 'partial',
    left: 3,
    bytes: () =>
      fileBytes(backupFile({ add: { checkins: [checkin(229, { utcOffset: -841 }), checkin(230, { utcOffset: 841 }), checkin(231, { utcOffset: 90.5 })] } })),
  },
  {
    name: 'a day that doesn’t match its instant (accepted, day derived again)',
    expected: 'accepted',
    bytes: () => fileBytes(backupFile({ add: { checkins: [checkin(232, { day: '2026-01-01' })] } })),
    check: async (ctx) => expect((await get(ctx, 'checkins', checkin(232).id))?.day).toBe(dayKeyAtOffset(checkin(232).at, 60, 4)),
  },

  // The same id more than once
  {
    name: 'one id twice, same stamp, other content (A then B)',
    expected: 'accepted',
    bytes: () => fileBytes(backupFile({ add: { checkins: [dup('Apple'), dup('Banana')] } })),
    check: async (ctx) => expect((await get(ctx, 'checkins', checkin(210).id))?.win).toBe('Banana'),
  },
  {
    name: 'the same two the other way round (B then A): the same one is kept',
    expected: 'accepted',
    bytes: () => fileBytes(backupFile({ add: { checkins: [dup('Banana'), dup('Apple')] } })),
    check: async (ctx) => expect((await get(ctx, 'checkins', checkin(210).id))?.win).toBe('Banana'),
  },
  {
    name: 'one id three times with different stamps: the newest is kept',
    expected: 'accepted',
    bytes: () => fileBytes(backupFile({ add: { checkins: [dup('old', T0 + 1), dup('newest', T0 + 3), dup('middle', T0 + 2)] } })),
    check: async (ctx) => expect((await get(ctx, 'checkins', checkin(210).id))?.win).toBe('newest'),
  },
  {
    name: 'a record this device has, same stamp, other content',
    expected: 'accepted',
    bytes: () => fileBytes(backupFile({ add: { checkins: [checkin(0, { win: 'zzz edited elsewhere' })] } })),
    check: async (ctx) => expect((await get(ctx, 'checkins', checkin(0).id))?.win).toBe('zzz edited elsewhere'),
  },

  // Phone numbers
  { name: 'phone "988 or text 741741"', expected: 'partial', left: 1, bytes: () => fileBytes(backupFile({ add: { contacts: [contact(30, { phone: '988 or text 741741' })] } })) },
  { name: 'phone "1-800-FLOWERS"', expected: 'partial', left: 1, bytes: () => fileBytes(backupFile({ add: { contacts: [contact(31, { phone: '1-800-FLOWERS' })] } })) },
  { name: 'phone "+44 (0)20 7946 0000"', expected: 'partial', left: 1, bytes: () => fileBytes(backupFile({ add: { contacts: [contact(32, { phone: '+44 (0)20 7946 0000' })] } })) },
  {
    name: 'helpline numbers "988" and "116 123" (accepted)',
    expected: 'accepted',
    bytes: () => fileBytes(backupFile({ add: { contacts: [contact(33, { role: 'helpline', phone: '988' }), contact(34, { role: 'helpline', phone: '116 123' })] } })),
  },

  // Encrypted files
  { name: 'an encrypted file, right passphrase (accepted)', expected: 'accepted', passphrase: PASS, bytes: genuineEncrypted },
  { name: 'an encrypted file, wrong passphrase', expected: 'refused', reason: 'wrong-passphrase', passphrase: 'correct horse batterY', bytes: genuineEncrypted },
  { name: 'an encrypted file, no passphrase', expected: 'refused', reason: 'needs-passphrase', bytes: genuineEncrypted },
  {
    name: 'an encrypted file with one byte of its ciphertext changed',
    expected: 'refused',
    reason: 'wrong-passphrase',
    passphrase: PASS,
    bytes: async () => {
      const file = JSON.parse(new TextDecoder().decode(await genuineEncrypted()));
      return fileBytes({ ...file, data: flipByte(file.data, fromBase64Url) });
    },
  },
  {
    name: 'an encrypted file of version 2',
    expected: 'refused',
    reason: 'newer-version',
    passphrase: PASS,
    bytes: async () => fileBytes({ ...JSON.parse(new TextDecoder().decode(await genuineEncrypted())), version: 2 }),
  },
  { name: 'an encrypted file of version "1"', expected: 'refused', reason: 'damaged', passphrase: PASS, bytes: () => fileBytes({ format: ENCRYPTED_FORMAT, version: '1', data: 'AAAA' }) },
  { name: 'an encrypted file without its data', expected: 'refused', reason: 'damaged', passphrase: PASS, bytes: () => fileBytes({ format: ENCRYPTED_FORMAT, version: 1 }) },
  { name: 'an encrypted file whose data is not base64url', expected: 'refused', reason: 'damaged', passphrase: PASS, bytes: () => fileBytes({ format: ENCRYPTED_FORMAT, version: 1, data: 'not base64!' }) },
  { name: 'an encrypted file whose data is too short', expected: 'refused', reason: 'damaged', passphrase: PASS, bytes: () => fileBytes({ format: ENCRYPTED_FORMAT, version: 1, data: 'AAAAAAAA' }) },
  {
    name: 'an encrypted file inflating past 50 MB',
    expected: 'refused',
    reason: 'too-large',
    passphrase: PASS,
    bytes: () => encryptedFile(bomb(MAX_FILE_BYTES + 1), { raw: true }),
  },
  {
    name: 'an encrypted file whose DEFLATE is cut short',
    expected: 'refused',
    reason: 'damaged',
    passphrase: PASS,
    bytes: () => encryptedFile(cutDeflate(fileBytes(backupFile())), { raw: true }),
  },
  {
    name: 'an encrypted file holding __proto__',
    expected: 'refused',
    reason: 'unsafe-keys',
    passphrase: PASS,
    bytes: () => encryptedFile(encode(insertKey(backupFile(), '"mood"', '"__proto__"'))),
  },
  {
    name: 'an encrypted file sealed as a transfer (the other label)',
    expected: 'refused',
    reason: 'wrong-passphrase',
    passphrase: PASS,
    bytes: () => encryptedFile(fileBytes(backupFile()), { label: TRANSFER_LABEL }),
  },
  {
    name: 'an encrypted file around another encrypted file',
    expected: 'refused',
    reason: 'other-app',
    passphrase: PASS,
    bytes: async () => encryptedFile(await genuineEncrypted()),
  },
  {
    name: 'an encrypted file holding invalid UTF-8',
    expected: 'refused',
    reason: 'not-json',
    passphrase: PASS,
    bytes: () => encryptedFile(new Uint8Array([0x7b, 0xff, 0x7d])),
  },
];

const transfers: TransferInput[] = [
  { name: 'an empty payload', expected: 'refused', reason: 'damaged', payload: () => '' },
  { name: 'blanks', expected: 'refused', reason: 'damaged', payload: () => '   ' },
  { name: 'not base64url', expected: 'refused', reason: 'damaged', payload: () => 'not a link!' },
  { name: 'the whole #transfer= fragment instead of its payload', expected: 'refused', reason: 'damaged', payload: async () => `#transfer=${await genuineTransfer()}` },
  { name: 'length mod 4 = 1', expected: 'refused', reason: 'damaged', payload: async () => (await genuineTransfer()).slice(0, 41) },
  { name: 'over-long (twice the link limit, + 1)', expected: 'refused', reason: 'too-large', payload: () => 'A'.repeat(MAX_LINK_CHARS * 2 + 1) },
  { name: 'format byte 2', expected: 'refused', reason: 'newer-version', payload: async () => transferPayload(fileBytes(backupFile()), { prefix: 2 }) },
  { name: 'format byte 0', expected: 'refused', reason: 'damaged', payload: async () => transferPayload(fileBytes(backupFile()), { prefix: 0 }) },
  { name: 'a genuine transfer (accepted)', expected: 'accepted', payload: genuineTransfer },
  { name: 'a genuine transfer, wrong passphrase', expected: 'refused', reason: 'wrong-passphrase', passphrase: 'correct horse batterY', payload: genuineTransfer },
  { name: 'a genuine transfer with one byte changed', expected: 'refused', reason: 'wrong-passphrase', payload: async () => flipByte(await genuineTransfer(), fromBase64Url) },
  { name: 'a genuine transfer cut in half', expected: 'refused', payload: async () => (await genuineTransfer()).slice(0, Math.floor((await genuineTransfer()).length / 8) * 4) },
  { name: 'a genuine transfer cut to 40 characters', expected: 'refused', reason: 'damaged', payload: async () => (await genuineTransfer()).slice(0, 40) },
  { name: 'sealed with the encrypted file’s label', expected: 'refused', reason: 'wrong-passphrase', payload: () => transferPayload(fileBytes(backupFile()), { label: ENCRYPTED_LABEL }) },
  { name: 'DEFLATE inflating past the codec’s 50 MB cap', expected: 'refused', reason: 'too-large', payload: () => transferPayload(bomb(MAX_FILE_BYTES + 1), { raw: true }) },
  { name: 'DEFLATE cut short', expected: 'refused', reason: 'damaged', payload: () => transferPayload(cutDeflate(fileBytes(backupFile())), { raw: true }) },
  { name: 'not DEFLATE at all', expected: 'refused', payload: () => transferPayload(encode('{"plain": "json, never deflated"}'), { raw: true }) },
  { name: 'sealed text that is not JSON', expected: 'refused', reason: 'not-json', payload: () => transferPayload(encode('Dear diary')) },
  {
    name: 'sealed: a BOM, then a valid backup (accepted)',
    expected: 'accepted',
    payload: () => transferPayload(encode(`\uFEFF${json(backupFile())}`)),
    check: async (ctx) => expect(await get(ctx, 'contacts', contact(20).id)).toEqual(contact(20)),
  },
  { name: 'sealed invalid UTF-8', expected: 'refused', reason: 'not-json', payload: () => transferPayload(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])) },
  { name: 'sealed empty text', expected: 'refused', reason: 'not-json', payload: () => transferPayload(new Uint8Array()) },
  { name: 'sealed JSON of another app', expected: 'refused', reason: 'other-app', payload: () => transferPayload(fileBytes({ notes: [] })) },
  { name: 'sealed JSON array', expected: 'refused', reason: 'other-app', payload: () => transferPayload(fileBytes([backupFile()])) },
  { name: 'sealed newer version', expected: 'refused', reason: 'newer-version', payload: () => transferPayload(fileBytes(backupFile({ version: 4 }))) },
  { name: 'sealed __proto__ in a record', expected: 'refused', reason: 'unsafe-keys', payload: () => transferPayload(encode(insertKey(backupFile(), '"mood"', '"__proto__"'))) },
  { name: 'sealed constructor in the settings', expected: 'refused', reason: 'unsafe-keys', payload: () => transferPayload(encode(insertKey(backupFile(), '"workingDays"', '"constructor"'))) },
  { name: 'sealed 100,000 nested arrays', expected: 'refused', reason: 'damaged', payload: () => transferPayload(encode(nested(100_000))) },
  {
    name: 'sealed: a record failing a field check (a phone that dials other digits)',
    expected: 'partial',
    left: 1,
    payload: () => transferPayload(fileBytes(backupFile({ add: { contacts: [contact(35, { phone: '988 or text 741741' })] } }))),
  },
  {
    name: 'sealed: a record dated a year ahead',
    expected: 'partial',
    left: 1,
    because: 'future',
    payload: () => transferPayload(fileBytes(backupFile({ add: { checkins: [checkin(233, { updatedAt: NOW + 365 * DAY })] } }))),
  },
  {
    name: 'sealed: lone surrogates, bidi isolates and NUL (accepted, removed)',
    expected: 'accepted',
    payload: () =>
      transferPayload(fileBytes(backupFile({ add: { checkins: [checkin(234, { win: '\u2068Sam\u2069\u0000 called\ud800' })] } }))),
    check: async (ctx) => expect((await get(ctx, 'checkins', checkin(234).id))?.win).toBe('Sam called'),
  },
  {
    name: 'sealed: a million-character key at the top',
    expected: 'refused',
    reason: 'invalid',
    payload: () => transferPayload(fileBytes({ ...backupFile(), [MILLION]: 1 })),
  },
];

const sealedPassphraseLink = once(() => encodeFragment(snapshot({ name: 'Ana' }), { passphrase: PASS }));
const genuineLink = once(() => encodeFragment(snapshot({ name: 'Jo', streak: { current: 4, best: 9 } })));
const bytesOf = async (fragment: Promise<string> | string) => fromBase64Url(await fragment)!;

const mentors: MentorInput[] = [
  { name: 'an empty fragment', expected: 'refused', reason: 'missing', fragment: () => '' },
  { name: 'only "#"', expected: 'refused', reason: 'missing', fragment: () => '#' },
  { name: 'blanks', expected: 'refused', reason: 'tampered', fragment: () => '   ' },
  { name: 'length mod 4 = 1', expected: 'refused', reason: 'truncated', fragment: async () => (await genuineLink()).slice(0, 4 * 20 + 1) },
  { name: 'over-long (16,001 characters)', expected: 'refused', reason: 'oversized', fragment: () => 'A'.repeat(MAX_FRAGMENT_CHARS + 1) },
  {
    name: 'a genuine link for a kept person, newer (accepted, changes shown)',
    expected: 'accepted',
    fragment: genuineLink,
    check: ({ kept }) => expect(kept!.changes?.[0]).toEqual({ kind: 'streak', from: 3, to: 4 }),
  },
  { name: 'a genuine link with "#" in front (accepted)', expected: 'accepted', fragment: async () => `#${await encodeFragment(snapshot())}` },
  {
    name: 'an older link for a kept person (accepted, the newer one stays)',
    expected: 'accepted',
    fragment: () => encodeFragment(snapshot({ name: 'JO', createdAt: NOW - 3 * DAY })),
    check: ({ kept }) => expect(kept!.snapshot.createdAt).toBe(JO.createdAt),
  },
  { name: 'a passphrase link, right passphrase (accepted)', expected: 'accepted', passphrase: PASS, fragment: sealedPassphraseLink },
  { name: 'a passphrase link, wrong passphrase', expected: 'refused', reason: 'wrong-passphrase', passphrase: 'correct horse batterY', fragment: sealedPassphraseLink },
  { name: 'a passphrase link, no passphrase', expected: 'refused', reason: 'needs-passphrase', fragment: sealedPassphraseLink },
  {
    name: 'one byte of the ciphertext changed',
    expected: 'refused',
    reason: 'tampered',
    fragment: async () => flipByte(await encodeFragment(snapshot()), fromBase64Url),
  },
  {
    name: 'format version 2',
    expected: 'refused',
    reason: 'version',
    fragment: async () => {
      const bytes = await bytesOf(encodeFragment(snapshot()));
      bytes[0] = 2;
      return toBase64Url(bytes);
    },
  },
  {
    name: 'a passphrase link claiming 1,000 PBKDF2 iterations',
    expected: 'refused',
    reason: 'tampered',
    passphrase: PASS,
    fragment: async () => {
      const bytes = await bytesOf(sealedPassphraseLink());
      new DataView(bytes.buffer).setUint32(20, 1000);
      return toBase64Url(bytes);
    },
  },
  {
    name: 'a passphrase link claiming 4 billion PBKDF2 iterations',
    expected: 'refused',
    reason: 'tampered',
    passphrase: PASS,
    fragment: async () => {
      const bytes = await bytesOf(sealedPassphraseLink());
      new DataView(bytes.buffer).setUint32(20, 4_000_000_000);
      return toBase64Url(bytes);
    },
  },
  {
    name: 'key mode 2',
    expected: 'refused',
    reason: 'tampered',
    fragment: async () => {
      const bytes = await bytesOf(genuineLink());
      bytes[1] = 2;
      return toBase64Url(bytes);
    },
  },
  { name: 'cut in half', expected: 'refused', reason: 'truncated', fragment: async () => (await genuineLink()).slice(0, 4 * Math.floor((await genuineLink()).length / 8)) },
  { name: 'DEFLATE inflating past MAX_PLAIN_BYTES', expected: 'refused', reason: 'oversized', fragment: () => mintFragment(bomb(MAX_PLAIN_BYTES + 1), { deflateIt: false }) },
  { name: 'a 4 MB DEFLATE bomb', expected: 'refused', reason: 'oversized', fragment: () => mintFragment(bomb(4 * 1024 * 1024), { deflateIt: false }) },
  { name: 'DEFLATE cut short', expected: 'refused', reason: 'invalid', fragment: () => mintFragment(cutDeflate(fileBytes(snapshot())), { deflateIt: false }) },
  {
    name: 'created in 2200',
    expected: 'refused',
    reason: 'from-the-future',
    fragment: () => mintJson(snapshot({ createdAt: Date.UTC(2200, 0, 1), expiresAt: Date.UTC(2200, 0, 8) })),
  },
  { name: 'created a day and 1 ms ahead', expected: 'refused', reason: 'from-the-future', fragment: () => mintJson(snapshot({ createdAt: NOW + DAY + 1 })) },
  { name: 'expired a millisecond ago', expected: 'refused', reason: 'expired', fragment: () => mintJson(snapshot({ createdAt: NOW - 7 * DAY, expiresAt: NOW - 1 })) },
  { name: 'a name of only invisible characters', expected: 'refused', reason: 'invalid', fragment: () => mintJson(snapshot({ name: '\u200b\u2060\u3164' })) },
  { name: 'a name with a bidi override', expected: 'refused', reason: 'invalid', fragment: () => mintJson(snapshot({ name: 'Sam\u202Eevil' })) },
  { name: 'a name in bidi isolates', expected: 'refused', reason: 'invalid', fragment: () => mintJson(snapshot({ name: '\u2068Sam\u2069' })) },
  { name: 'a lone surrogate ("\\ud800") in the name', expected: 'refused', reason: 'invalid', fragment: () => mintJson(snapshot({ name: 'Sam\ud800' })) },
  { name: 'NUL in a win', expected: 'refused', reason: 'invalid', fragment: () => mintJson(snapshot({ wins: [{ day: 6, text: 'win\u0000' }] })) },
  { name: 'a C1 control in a plan step', expected: 'refused', reason: 'invalid', fragment: () => mintJson(snapshot({ plan: [{ trigger: 'After work', steps: ['Call\u0085Jo'] }] })) },
  { name: 'a name of 60 emoji (accepted)', expected: 'accepted', fragment: () => mintJson(snapshot({ name: '🌱'.repeat(60) })) },
  { name: 'a name of 61 emoji', expected: 'refused', reason: 'invalid', fragment: () => mintJson(snapshot({ name: '🌱'.repeat(61) })) },
  { name: 'a win of a million characters', expected: 'refused', reason: 'oversized', fragment: () => mintJson(snapshot({ wins: [{ day: 6, text: MILLION }] })) },
  { name: 'a field check failing (mood 99)', expected: 'refused', reason: 'invalid', fragment: () => mintJson(snapshot({ mood: [30, 0, 25, 40, 0, 50, 99] })) },
  { name: 'a streak of 1e308', expected: 'refused', reason: 'invalid', fragment: () => mintJson(snapshot({ streak: { current: 1, best: 1e308 } })) },
  { name: 'createdAt 1e400 (Infinity)', expected: 'refused', reason: 'invalid', fragment: () => mintJson(rawJson(snapshot({ createdAt: ph('INF') }), { INF: '1e400' })) },
  { name: 'check-ins as the string "NaN"', expected: 'refused', reason: 'invalid', fragment: () => mintJson(snapshot({ checkins: [1, 0, 2, 'NaN' as never, 0, 1, 2] })) },
  { name: 'the period as text', expected: 'refused', reason: 'invalid', fragment: () => mintJson({ ...snapshot(), period: '7' }) },
  {
    name: '__proto__ at the top, constructor and prototype in a win (accepted, dropped)',
    expected: 'accepted',
    fragment: () =>
      mintJson(
        insertKey(snapshot({ name: 'Kim' }), '"name"', '"__proto__"').replace('"text":', '"constructor":{"prototype":{"polluted":1}},"prototype":1,"text":'),
      ),
    check: ({ kept }) => {
      expect(Object.getPrototypeOf(kept!.snapshot)).toBe(Object.prototype);
      expect(Object.keys(kept!.snapshot)).not.toContain('__proto__');
      expect(Object.keys(kept!.snapshot.wins![0]!)).toEqual(['day', 'text']);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  },
  { name: 'sealed text that is not JSON', expected: 'refused', reason: 'invalid', fragment: () => mintJson('Dear diary') },
  { name: 'sealed invalid UTF-8', expected: 'refused', reason: 'invalid', fragment: () => mintFragment(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d])) },
  { name: 'sealed: a BOM, then a valid snapshot (accepted)', expected: 'accepted', fragment: () => mintJson(`\uFEFF${json(snapshot({ name: 'Lee' }))}`) },
  { name: 'sealed JSON of another app', expected: 'refused', reason: 'invalid', fragment: () => mintJson(backupFile()) },
  { name: 'sealed JSON array', expected: 'refused', reason: 'invalid', fragment: () => mintJson([snapshot()]) },
  { name: 'sealed 60,000 nested arrays', expected: 'refused', reason: 'invalid', fragment: () => mintJson(nested(60_000)) },
  { name: 'sealed 100,000 nested arrays', expected: 'refused', reason: 'oversized', fragment: () => mintJson(nested(100_000)) },
];

// ---------------------------------------------------------------------------------------------

interface Row {
  kind: Kind;
  name: string;
  actual: Outcome;
}
const rows: Row[] = [];
const declared = files.length + transfers.length + mentors.length;

async function assertRow(kind: Kind, input: Declared, run: () => Promise<Result>) {
  // A builder that throws fails the test before a row is pushed: counted as not tried.
  const result = await run();
  rows.push({ kind, name: input.name, actual: result.actual });
  try {
    expect(result.problems, input.name).toEqual([]);
    expect(result.actual, `${input.name}: ${String((result.ctx.error as Error)?.message ?? '')}`).toBe(input.expected);
    if (input.reason) expect(result.reason).toBe(input.reason);
    const refused = result.ctx.read?.refused;
    if (input.left !== undefined) expect(refused?.count).toBe(input.left);
    if (input.expected === 'partial' && input.left === undefined) expect(refused?.count).toBe(0);
    if (input.because) expect(refused?.first[0]?.reason).toBe(input.because);
    if (input.expected === 'partial') expect(refused?.settings ?? null).toBe(input.settingsLeft ?? null);
    await input.check?.(result.ctx);
  } finally {
    await result.ctx.dev.db.delete();
  }
}

describe('hostile inputs: each is refused leaving every byte as it was, or accepted and exported again', () => {
  it('has at least 60 inputs', () => expect(declared).toBeGreaterThanOrEqual(60));

  describe('backup files', () => {
    it.each(files.map((f) => [f.name, f] as const))('%s', async (_name, input) => {
      await assertRow('files', input, async () => {
        const bytes = await input.bytes();
        return tryBackup(() => readBackup(bytes, { passphrase: input.passphrase, now: NOW }));
      });
    }, 30_000);
  });

  describe('transfer links', () => {
    it.each(transfers.map((t) => [t.name, t] as const))('%s', async (_name, input) => {
      await assertRow('transfer links', input, async () => {
        const payload = await input.payload();
        return tryBackup(() => decodeTransfer(payload, input.passphrase ?? PASS, NOW));
      });
    }, 30_000);
  });

  describe('mentor links', () => {
    it.each(mentors.map((m) => [m.name, m] as const))('%s', async (_name, input) => {
      await assertRow('mentor links', input, async () => tryMentor(await input.fragment(), input.passphrase));
    }, 30_000);
  });
});

afterAll(() => {
  const line = (label: string, of: Row[]) => {
    const count = (o: Outcome) => of.filter((r) => r.actual === o).length;
    return (
      `${label.padEnd(15)} ${of.length} tried, ${count('refused')} refused, ${count('accepted') + count('partial')} accepted ` +
      `(${count('partial')} with records left out), ${count('corrupted')} corrupted`
    );
  };
  const kinds: Kind[] = ['files', 'transfer links', 'mentor links'];
  const lines = [...kinds.map((k) => line(k, rows.filter((r) => r.kind === k))), line('total', rows)];
  if (rows.length < declared) lines.push(`(${declared - rows.length} of ${declared} inputs were not tried)`);
  const corrupted = rows.filter((r) => r.actual === 'corrupted');
  for (const r of corrupted) lines.push(`corrupted: [${r.kind}] ${r.name}`);
  console.log(lines.join('\n'));
});
