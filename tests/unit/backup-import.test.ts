import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptedBackupJson, backupJson } from '../../lib/backup/files';
import { readBackup } from '../../lib/backup/parse';
import { BackupError, type BackupProblem, type RecordFact } from '../../lib/backup/problems';
import { messages } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';
import { createFmt } from '../../components/i18n/fmt';
import { applyImport, eraseEverything, exportBackup, previewImport } from '../../lib/backup/store';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { StorageError } from '../../lib/errors';
import { createKeyValueStore, type KeyValueStore } from '../../lib/kv';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { checkin, dump, NONE_REFUSED, reflection, seed, T0 } from './backup-sample';

let db: TandemDatabase;
let store: KeyValueStore;
let n = 0;

beforeEach(async () => {
  db = openDatabase(`backup-${n}`);
  store = createKeyValueStore(db, createStore(`backup-kv-${n++}`, 'values'));
  await seed(db);
  await store.saveSettings({ ...DEFAULT_SETTINGS, intervalMinutes: 90 });
});
afterEach(async () => {
  await db.delete();
});

const encode = (text: string) => new TextEncoder().encode(text);
const english = messages(createFmt('en'));
const es = spanish(createFmt('es'));

async function importBytes(bytes: Uint8Array, passphrase?: string) {
  return applyImport(db, store, await readBackup(bytes, { passphrase, now: Date.now() }));
}

async function validFile(): Promise<Record<string, unknown>> {
  return JSON.parse(backupJson(await exportBackup(db, store, { now: T0 })));
}

function withRecord(file: Record<string, unknown>, table: string, record: unknown): Uint8Array {
  const tables = file.tables as Record<string, unknown[]>;
  return encode(JSON.stringify({ ...file, tables: { ...tables, [table]: [...tables[table]!, record] } }));
}

describe('a refused file leaves every byte of the store as it was', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, BackupProblem, string?][] = [
    ['an empty file', () => new Uint8Array(), 'empty'],
    ['a file of blanks', () => encode('  \n '), 'empty'],
    ['not JSON', () => encode('Dear diary, today was fine.'), 'not-json'],
    ['not text at all', () => new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x00]), 'not-json'],
    ['truncated JSON', async () => encode(JSON.stringify(await validFile()).slice(0, 500)), 'damaged'],
    ['JSON of another app', () => encode(JSON.stringify({ version: 3, notes: [{ id: 1, text: 'hi' }] })), 'other-app'],
    ['a JSON list', () => encode('[1,2,3]'), 'other-app'],
    ['a newer format version', async () => encode(JSON.stringify({ ...(await validFile()), version: 4 })), 'newer-version'],
    ['a file over 50 MB', () => new Uint8Array(50 * 1024 * 1024 + 1).fill(0x20), 'too-large'],
    ['a __proto__ key', async () => {
      const text = JSON.stringify(await validFile());
      return encode(text.replace('"mood":', '"__proto__":{"isAdmin":true},"mood":'));
    }, 'unsafe-keys'],
    ['a constructor key', async () => {
      const text = JSON.stringify(await validFile());
      return encode(text.replace('"format":', '"constructor":{"prototype":{}},"format":'));
    }, 'unsafe-keys'],
  ];

  it.each(cases)('%s', async (_name, make, reason, detail) => {
    const bytes = await make();
    const before = await dump(db, store);
    const failure = await importBytes(bytes).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(BackupError);
    expect((failure as BackupError).reason).toBe(reason);
    // The catalogue words it: what happened, and that nothing changed.
    const words = english.data.backupError(reason, (failure as BackupError).detail);
    if (detail) expect(words).toContain(detail);
    expect(words).toMatch(/unchanged|passphrase/);
    expect(words.length).toBeLessThan(400);
    expect(es.data.backupError(reason, (failure as BackupError).detail)).toMatch(/sin cambios|frase/);
    expect(await dump(db, store)).toBe(before);
  });

  it('a wrong passphrase', async () => {
    const file = await encryptedBackupJson(await exportBackup(db, store, { now: T0 }), 'correct horse battery');
    const before = await dump(db, store);
    await expect(importBytes(encode(file), 'correct horse batterY')).rejects.toMatchObject({ reason: 'wrong-passphrase' });
    await expect(importBytes(encode(file))).rejects.toMatchObject({ reason: 'needs-passphrase' });
    expect(await dump(db, store)).toBe(before);
  });

  it('(the right passphrase opens the same backup)', async () => {
    const backup = await exportBackup(db, store, { now: T0 });
    const file = await encryptedBackupJson(backup, 'correct horse battery');
    expect(file).not.toContain('Small win');
    expect(await readBackup(encode(file), { passphrase: 'correct horse battery', now: Date.now() })).toEqual({ ...backup, refused: NONE_REFUSED });
  });

  it('a changed byte in an encrypted file', async () => {
    const file = JSON.parse(await encryptedBackupJson(await exportBackup(db, store, { now: T0 }), 'correct horse battery'));
    const data: string = file.data;
    const flipped = data.slice(0, 60) + (data[60] === 'A' ? 'B' : 'A') + data.slice(61);
    const before = await dump(db, store);
    await expect(importBytes(encode(JSON.stringify({ ...file, data: flipped })), 'correct horse battery')).rejects.toMatchObject({
      reason: 'wrong-passphrase',
    });
    expect(await dump(db, store)).toBe(before);
  });
});

describe('a file with records that break a rule: those are left out and named, the rest is added', () => {
  const cases: [string, () => Promise<Uint8Array>, RecordFact | 'settings', string?][] = [
    ['a record with no id', async () => {
      const { id: _id, ...noId } = checkin(999);
      return withRecord(await validFile(), 'checkins', noId);
    }, { field: 'id', rule: 'missing' }, 'the field “id” is missing'],
    ['a date in the year 3000', async () => withRecord(await validFile(), 'checkins', checkin(998, { at: Date.UTC(3000, 0, 1) })), { field: 'at', rule: 'date', max: 2100 }, 'after the year 2100'],
    ['a negative timestamp', async () => withRecord(await validFile(), 'reflections', reflection(9, { updatedAt: -5 })), { field: 'updatedAt', rule: 'date', min: 2000 }, 'before the year 2000'],
    ['an impossible day', async () => withRecord(await validFile(), 'checkins', checkin(997, { day: '2026-02-31' })), { field: 'day', rule: 'day' }, 'calendar day'],
    ['mood 0', async () => withRecord(await validFile(), 'checkins', checkin(996, { mood: 0 as never })), { field: 'mood', rule: 'mood' }, 'field “mood” must be a mood from 1 to 5'],
    ['mood 6', async () => withRecord(await validFile(), 'checkins', checkin(995, { mood: 6 as never })), { field: 'mood', rule: 'mood' }],
    ['mood 2.5', async () => withRecord(await validFile(), 'checkins', checkin(994, { mood: 2.5 as never })), { field: 'mood', rule: 'mood' }],
    ['a string of a million characters', async () => withRecord(await validFile(), 'reflections', reflection(8, { helped: 'x'.repeat(1_000_000) })), { field: 'helped', rule: 'tooLong', max: 2000 }, 'longer than 2,000 characters'],
    ['a million characters where a number belongs', async () => withRecord(await validFile(), 'checkins', checkin(993, { at: 'x'.repeat(1_000_000) as never })), { field: 'at', rule: 'type', expected: 'number' }, 'field “at” must be a number'],
    ['an unknown field', async () => withRecord(await validFile(), 'contacts', { ...(await validFile() as { tables: { contacts: object[] } }).tables.contacts[0], admin: true }), { field: 'admin', rule: 'unknownField' }, 'it has a field Tandem doesn’t know (“admin”)'],
    ['settings the form would refuse', async () => {
      const file = await validFile();
      return encode(JSON.stringify({ ...file, settings: { value: { ...DEFAULT_SETTINGS, intervalMinutes: 1 }, updatedAt: T0 } }));
    }, 'settings'],
  ];

  it.each(cases)('%s', async (_name, make, detail, words) => {
    const bytes = await make();
    const before = await dump(db, store);
    const read = await readBackup(bytes, { now: Date.now() });
    if (detail === 'settings') {
      expect(read.refused).toMatchObject({ count: 0, settings: 'invalid' });
    } else {
      expect(read.refused.count).toBe(1);
      expect(read.refused.first[0]!.detail).toEqual(detail);
      // Worded by the catalogue, short, in English and in Spanish.
      const line = english.data.refusedRecord(read.refused.first[0]!);
      if (words) expect(line).toContain(words);
      expect(line.length).toBeLessThan(200);
      expect(es.data.refusedRecord(read.refused.first[0]!).length).toBeLessThan(250);
    }
    // Everything else in the file is what this device holds already: adding it changes nothing.
    const summary = await applyImport(db, store, read);
    expect(summary).toMatchObject({ new: 0, updated: 0, deleted: 0 });
    expect(summary.refused).toEqual(read.refused);
    expect(await dump(db, store)).toBe(before);
  });
});

describe('importing', () => {
  it('a full round trip into an empty device gives the same records and day totals', async () => {
    const file = backupJson(await exportBackup(db, store, { now: T0 }));
    const other = openDatabase(`backup-other-${n}`);
    const otherStore = createKeyValueStore(other, createStore(`backup-other-kv-${n}`, 'values'));
    try {
      const summary = await applyImport(other, otherStore, await readBackup(encode(file), { now: Date.now() }));
      expect(summary).toMatchObject({ new: 66, updated: 0, deleted: 1, unchanged: 0, settings: 'replaced' });
      for (const table of db.tables) {
        expect(await other.table(table.name).toArray()).toEqual(await table.toArray());
      }
      expect((await otherStore.settings()).intervalMinutes).toBe(90);
    } finally {
      await other.delete();
    }
  });

  it('the same file twice changes nothing the second time', async () => {
    const file = encode(backupJson(await exportBackup(db, store, { now: T0 })));
    const summary = await importBytes(file);
    expect(summary).toMatchObject({ new: 0, updated: 0, deleted: 0, unchanged: 67, settings: 'kept' });
    const before = await dump(db, store);
    expect(await importBytes(file)).toMatchObject({ new: 0, unchanged: 67 });
    expect(await dump(db, store)).toBe(before);
  });

  it('previews exactly what it then applies, and the preview writes nothing', async () => {
    const file = await validFile();
    const tables = file.tables as { checkins: unknown[] };
    tables.checkins.push(checkin(500), { ...checkin(1), mood: 5, updatedAt: T0 + 1e9 }, { ...checkin(2), deletedAt: T0 + 1e9, updatedAt: T0 + 1e9 });
    const backup = await readBackup(encode(JSON.stringify(file)), { now: Date.now() });
    const before = await dump(db, store);
    const preview = await previewImport(db, store, backup);
    expect(await dump(db, store)).toBe(before);
    expect(preview).toMatchObject({ new: 1, updated: 1, deleted: 1 });
    expect(await applyImport(db, store, backup)).toEqual(preview);
    expect((await db.checkins.get(checkin(1).id))?.mood).toBe(5);
  });

  it('rebuilds the day totals of every touched day, including the day a check-in moved from', async () => {
    const moved = { ...checkin(0), day: '2026-05-01', at: Date.UTC(2026, 4, 1, 9), updatedAt: T0 + 1e9 };
    const file = await validFile();
    (file.tables as { checkins: unknown[] }).checkins = [moved];
    await importBytes(encode(JSON.stringify(file)));
    expect((await db.dayStats.get('2026-05-01'))?.count).toBe(1);
    expect((await db.dayStats.get('2026-03-10'))?.count).toBe(2);
  });

  it('keeps HTML and script as plain text, unchanged', async () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const file = withRecord(await validFile(), 'reflections', reflection(7, { helped: evil, nextTime: evil, triggers: [evil], steps: [evil] }));
    await importBytes(file);
    expect((await db.reflections.get(reflection(7).id))?.helped).toBe(evil);
  });

  it('a write that fails half way leaves the store exactly as before, settings included', async () => {
    const file = await validFile();
    (file.tables as { checkins: unknown[] }).checkins.push(checkin(700));
    (file.tables as { reflections: unknown[] }).reflections.push(reflection(70));
    (file as { settings: unknown }).settings = { value: { ...DEFAULT_SETTINGS, intervalMinutes: 30 }, updatedAt: Date.now() + 60_000 };
    const backup = await readBackup(encode(JSON.stringify(file)), { now: Date.now() });
    const before = await dump(db, store);
    // The disk fills up after the check-ins were written, inside the same transaction.
    db.table('reflections').bulkPut = () => Promise.reject(new DOMException('No room', 'QuotaExceededError')) as never;
    const failure = await applyImport(db, store, backup).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as StorageError).kind).toBe('quota');
    expect((failure as StorageError).message).toContain('Free some disk space');
    expect(await dump(db, store)).toBe(before);
  });
});

describe('erasing', () => {
  it('removes every record, setting and share-log entry', async () => {
    await store.saveLastBackupAt(T0);
    await eraseEverything(db, store);
    for (const table of db.tables) expect(await table.count()).toBe(0);
    expect(await store.settingsSnapshot()).toEqual({ value: undefined, updatedAt: undefined });
    expect(await store.lastBackupAt()).toBeUndefined();
  });

  it('also removes the mentor snapshots kept on this device', async () => {
    await new Promise<void>((done) => {
      const open = indexedDB.open('tandem-mentor');
      open.onupgradeneeded = () => open.result.createObjectStore('mentees');
      open.onsuccess = () => (open.result.close(), done());
    });
    const names = async () => (await indexedDB.databases()).map((d) => d.name);
    expect(await names()).toContain('tandem-mentor');
    await eraseEverything(db, store);
    expect(await names()).not.toContain('tandem-mentor');
  });
});
