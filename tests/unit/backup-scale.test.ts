import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupJson, encryptedBackupJson } from '../../lib/backup/files';
import { readBackup } from '../../lib/backup/parse';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../lib/backup/schemas';
import { applyImport, exportBackup } from '../../lib/backup/store';
import { addDays } from '../../lib/days';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { createKeyValueStore, type KeyValueStore } from '../../lib/kv';
import { checkin, reflection, T0 } from './backup-sample';

// Years of daily use must import in one go, and the figures in the report come from here.

let db: TandemDatabase;
let store: KeyValueStore;
beforeEach(() => {
  db = openDatabase('scale');
  store = createKeyValueStore(db, createStore('scale-kv', 'values'));
});
afterEach(async () => {
  await db.delete();
});

function history(checkins: number): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: T0,
    scope: { kind: 'all', fromDay: null },
    tables: {
      checkins: Array.from({ length: checkins }, (_, i) => {
        const day = addDays('2020-01-01', Math.floor(i / 5));
        const at = Date.parse(`${day}T08:00:00Z`) + (i % 5) * 7_200_000;
        return checkin(i, { day, at, createdAt: at, updatedAt: at, win: i % 3 === 0 ? 'Made tea instead and went outside' : '' });
      }),
      reflections: Array.from({ length: Math.ceil(checkins / 35) }, (_, i) => reflection(i)),
      plan: [],
      values: [],
      contacts: [],
      shares: [],
    },
    settings: null,
  };
}

describe('large histories', () => {
  it('imports 10,000 check-ins in one transaction, with their day totals', async () => {
    const text = backupJson(history(10_000));
    const started = performance.now();
    const backup = await readBackup(new TextEncoder().encode(text), { now: T0 + 400 * 86_400_000 });
    const parsed = performance.now();
    const summary = await applyImport(db, store, backup);
    const done = performance.now();
    console.info(
      `10k check-ins: file ${(text.length / 1024).toFixed(0)} KB, validate ${(parsed - started).toFixed(0)} ms, merge ${(done - parsed).toFixed(0)} ms (fake-indexeddb)`,
    );
    expect(summary.new).toBe(10_000 + Math.ceil(10_000 / 35));
    expect(await db.checkins.count()).toBe(10_000);
    expect(await db.dayStats.count()).toBe(2_000);
    expect(done - started).toBeLessThan(60_000);
  }, 120_000);

  it('a year of use (5 check-ins a day, a reflection a week) makes a file of a few hundred KB', async () => {
    await db.checkins.bulkPut(history(5 * 365).tables.checkins);
    await db.reflections.bulkPut(history(5 * 365).tables.reflections);
    const backup = await exportBackup(db, store, { now: T0 });
    const plain = backupJson(backup);
    const sealed = await encryptedBackupJson(backup, 'a long passphrase');
    console.info(`1 year: backup ${(plain.length / 1024).toFixed(0)} KB, encrypted ${(sealed.length / 1024).toFixed(0)} KB`);
    expect(plain.length).toBeLessThan(1024 * 1024);
    expect(sealed.length).toBeLessThan(plain.length);
  });
});
