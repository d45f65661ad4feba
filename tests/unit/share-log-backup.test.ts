import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupJson, encryptedBackupJson } from '../../lib/backup/files';
import { readBackup } from '../../lib/backup/parse';
import { BACKUP_VERSION } from '../../lib/backup/schemas';
import { applyImport, exportBackup } from '../../lib/backup/store';
import { openDatabase, type ShareLogEntry, type TandemDatabase } from '../../lib/db/schema';
import { createKeyValueStore, type KeyValueStore } from '../../lib/kv';
import { messages as english } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';
import { createFmt } from '../../components/i18n/fmt';

// The share log in backup files. Version 2 files hold what a link contained as facts; version 1
// files (the previous release's) hold English phrases, and still import: the phrases Tandem
// wrote become their facts, anything else is kept as written, exactly as the v4 upgrade does.

const NOW = Date.UTC(2027, 0, 1);
const encode = (text: string) => new TextEncoder().encode(text);
const FIXTURE = readFileSync('tests/fixtures/backup-2026-12.json', 'utf8');
const en = english(createFmt('en')).share;
const es = spanish(createFmt('es')).share;

let n = 0;
let db: TandemDatabase;
let store: KeyValueStore;
const device = () => {
  const d = openDatabase(`share-log-backup-${n}`, () => NOW);
  return { db: d, store: createKeyValueStore(d, createStore(`share-log-backup-kv-${n++}`, 'values')) };
};

beforeEach(() => {
  ({ db, store } = device());
});
afterEach(async () => {
  await db.delete();
});

const entry = (over: Partial<ShareLogEntry> = {}): ShareLogEntry => ({
  id: 'share-1',
  createdAt: Date.UTC(2026, 10, 20),
  updatedAt: Date.UTC(2026, 10, 20),
  deletedAt: null,
  mentorName: 'Sam',
  periodDays: 30,
  contents: [{ kind: 'checkinDays' }, { kind: 'mood' }, { kind: 'wins', count: 2 }, { kind: 'reflectionTexts', count: 1 }, { kind: 'plan', count: 3 }],
  expiresAt: Date.UTC(2026, 11, 4),
  withPassphrase: true,
  linkLength: 1200,
  ...over,
});

/** A plain file of `version` holding the given share-log entries and nothing else. */
const file = (version: unknown, shares: unknown[]) =>
  encode(
    JSON.stringify({
      format: 'tandem-backup',
      version,
      exportedAt: NOW - 1000,
      scope: { kind: 'all', fromDay: null },
      tables: { checkins: [], reflections: [], plan: [], values: [], contacts: [], shares },
      settings: null,
    }),
  );

describe('the previous release’s file (version 1, tests/fixtures/backup-2026-12.json)', () => {
  it('imports, its share log’s English phrases as facts that read in both languages', async () => {
    expect(JSON.parse(FIXTURE)).toMatchObject({ version: 1 });
    const read = await readBackup(encode(FIXTURE), { now: NOW });
    expect(read.version).toBe(BACKUP_VERSION);
    expect(read.refused.count).toBe(0);
    expect(read.tables.shares.map((s) => s.contents)).toEqual([[{ kind: 'checkinDays' }, { kind: 'mood' }, { kind: 'wins', count: 2 }]]);
    await applyImport(db, store, read);
    const [stored] = await db.shares.toArray();
    expect(stored!.contents).toEqual([{ kind: 'checkinDays' }, { kind: 'mood' }, { kind: 'wins', count: 2 }]);
    expect(en.logContents(stored!.contents)).toBe('Contains: check-in days and streak, mood chart, micro-win texts (2).');
    expect(es.logContents(stored!.contents)).toBe('Contiene: días con registro y racha, gráfico del estado de ánimo, textos de pequeños logros (2).');
    // Importing it again changes nothing.
    expect(await applyImport(db, store, await readBackup(encode(FIXTURE), { now: NOW }))).toMatchObject({ new: 0, updated: 0, deleted: 0 });
  });

  it('keeps a phrase Tandem never wrote as it was, under the text rule', async () => {
    const old = { ...entry(), contents: ['mood chart', 'micro-win texts', '  Plan (2 situations)\u2069 ', 'plan (3 situations)'] };
    const read = await readBackup(file(1, [old]), { now: NOW });
    expect(read.tables.shares[0]!.contents).toEqual([
      { kind: 'mood' },
      { kind: 'text', text: 'micro-win texts' },
      // Normalised as every text is, then matched: the capital P is not Tandem's phrase.
      { kind: 'text', text: 'Plan (2 situations)' },
      { kind: 'plan', count: 3 },
    ]);
    // A phrase breaking the text rule refuses that record, as before.
    const empty = await readBackup(file(1, [{ ...old, contents: ['mood chart', ' '] }]), { now: NOW });
    expect(empty.refused).toMatchObject({ count: 1, byTable: { shares: 1 } });
  });

  it('refuses facts in a version 1 file, and phrases in a version 2 file, record by record', async () => {
    const v1 = await readBackup(file(1, [entry()]), { now: NOW });
    expect(v1.refused).toMatchObject({ count: 1, byTable: { shares: 1 } });
    const v2 = await readBackup(file(2, [{ ...entry(), contents: ['mood chart'] }]), { now: NOW });
    expect(v2.refused).toMatchObject({ count: 1, byTable: { shares: 1 } });
  });
});

describe('version 3 files', () => {
  it('are what Tandem exports now, and round-trip exactly (plain and with a passphrase)', async () => {
    await db.shares.bulkPut([entry(), entry({ id: 'share-2', contents: [{ kind: 'checkinDays' }, { kind: 'reflectionCounts' }, { kind: 'text', text: 'mood chart (weekly)' }] })]);
    const backup = await exportBackup(db, store, { now: NOW });
    expect(backup.version).toBe(BACKUP_VERSION);
    const plain = encode(backupJson(backup));
    expect(JSON.parse(new TextDecoder().decode(plain))).toMatchObject({ format: 'tandem-backup', version: BACKUP_VERSION });
    const sealed = encode(await encryptedBackupJson(backup, 'river lamp orange'));
    for (const [bytes, passphrase] of [[plain, undefined], [sealed, 'river lamp orange']] as const) {
      const other = device();
      try {
        const read = await readBackup(bytes, { now: NOW, passphrase });
        expect(read.refused.count).toBe(0);
        expect(read.tables.shares).toEqual(backup.tables.shares);
        await applyImport(other.db, other.store, read);
        expect(await other.db.shares.orderBy('id').toArray()).toEqual(await db.shares.orderBy('id').toArray());
        expect((await exportBackup(other.db, other.store, { now: NOW })).tables).toEqual(backup.tables);
      } finally {
        await other.db.delete();
      }
    }
  });

  it('hold only the facts a link can hold', async () => {
    for (const contents of [
      [{ kind: 'wins' }],
      [{ kind: 'wins', count: -1 }],
      [{ kind: 'wins', count: 1.5 }],
      [{ kind: 'mood', count: 1 }],
      [{ kind: 'streak' }],
      [{ kind: 'text', text: ' ' }],
      [{ kind: 'text', text: 'x'.repeat(201) }],
      [{ kind: 'text' }],
      Array.from({ length: 51 }, () => ({ kind: 'mood' })),
    ]) {
      const read = await readBackup(file(2, [{ ...entry(), contents }]), { now: NOW });
      expect(read.refused.count, JSON.stringify(contents).slice(0, 60)).toBe(1);
    }
  });

  it('version 4 and above (or a fraction past 1) is a newer Tandem’s; 1, 2 and 3 are read', async () => {
    for (const version of [4, 1.5, 2.5, 3.5, 100]) {
      await expect(readBackup(file(version, []), { now: NOW })).rejects.toMatchObject({ reason: 'newer-version' });
    }
    for (const version of [1, 2, 3]) expect((await readBackup(file(version, []), { now: NOW })).version).toBe(BACKUP_VERSION);
    for (const version of [0, '2', null]) {
      await expect(readBackup(file(version, []), { now: NOW })).rejects.toMatchObject({ reason: 'invalid' });
    }
  });
});
