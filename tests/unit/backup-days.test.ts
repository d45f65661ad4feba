import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyImport, exportBackup, previewImport } from '../../lib/backup/store';
import type { Backup } from '../../lib/backup/schemas';
import { dayKeyAtOffset } from '../../lib/days';
import { computeDayStat, rebuildAllDayStats } from '../../lib/db/dayStats';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { createKeyValueStore, type KeyValueStore } from '../../lib/kv';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { checkin, T0 } from './backup-sample';

// `day` is derived from when and where a record was written and the device's day-start hour.
// A backup must neither smuggle in other days nor leave the store on two different rules.

let db: TandemDatabase;
let store: KeyValueStore;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`backup-days-${n}`);
  store = createKeyValueStore(db, createStore(`backup-days-kv-${n++}`, 'values'));
});
afterEach(async () => {
  await db.delete();
});

// 02:30 in Berlin (UTC+1) on 11 March: with a 00:00 day start it is the 11th, with 04:00 the 10th.
const lateNight = (i: number) => {
  const at = Date.UTC(2026, 2, 11, 1, 30) + i * 60_000;
  return checkin(i, { at, createdAt: at, updatedAt: at, utcOffset: 60, day: dayKeyAtOffset(at, 60, 0) });
};

async function put(...records: ReturnType<typeof checkin>[]) {
  await db.transaction('rw', db.checkins, db.dayStats, async () => {
    await db.checkins.bulkPut(records);
    await rebuildAllDayStats(db.checkins, db.dayStats);
  });
}

async function statsAreFresh() {
  const all = await db.checkins.toArray();
  const expected = [...new Set(all.map((c) => c.day))].sort().map((d) => computeDayStat(d, all));
  expect((await db.dayStats.toArray()).sort((a, b) => (a.day < b.day ? -1 : 1))).toEqual(expected);
}

function backupOf(records: ReturnType<typeof checkin>[], settings: Backup['settings'] = null): Backup {
  return {
    format: 'tandem-backup',
    version: 3,
    exportedAt: T0,
    scope: { kind: 'all', fromDay: null },
    tables: { checkins: records, reflections: [], plan: [], values: [], contacts: [], shares: [] },
    settings,
  };
}

describe('days in imported records', () => {
  it('puts imported records on this device’s days, whatever day the file claims', async () => {
    await store.saveSettings({ ...DEFAULT_SETTINGS, dayStartHour: 0 });
    const claimed = { ...lateNight(1), day: '2026-01-01' };
    await applyImport(db, store, backupOf([claimed]));
    expect((await db.checkins.get(claimed.id))!.day).toBe('2026-03-11');
    await statsAreFresh();
  });

  it('counts a record that differs only in its derived day as unchanged, and keeps the local day', async () => {
    await store.saveSettings({ ...DEFAULT_SETTINGS, dayStartHour: 0 });
    const mine = lateNight(2);
    await put(mine);
    const otherDevice = { ...mine, day: dayKeyAtOffset(mine.at, 60, 4) };
    const summary = await previewImport(db, store, backupOf([otherDevice]));
    expect(summary).toMatchObject({ new: 0, updated: 0, deleted: 0, unchanged: 1 });
    await applyImport(db, store, backupOf([otherDevice]));
    expect(await db.checkins.get(mine.id)).toEqual(mine);
  });

  it('newer settings with another day-start hour move every record, old and new, onto that hour’s days', async () => {
    await store.saveSettings({ ...DEFAULT_SETTINGS, dayStartHour: 0 });
    const mine = lateNight(3);
    await put(mine);
    const theirs = lateNight(4);
    const settings = { value: { ...DEFAULT_SETTINGS, dayStartHour: 4 }, updatedAt: Date.now() + 60_000 };
    const summary = await applyImport(db, store, backupOf([theirs], settings));
    expect(summary.settings).toBe('replaced');
    expect((await store.settings()).dayStartHour).toBe(4);
    expect((await db.checkins.get(mine.id))!.day).toBe('2026-03-10');
    expect((await db.checkins.get(theirs.id))!.day).toBe('2026-03-10');
    expect((await db.checkins.get(mine.id))!.updatedAt).toBe(mine.updatedAt);
    await statsAreFresh();
  });

  it('settings saved at the same moment on two devices end up the same whichever file comes first', async () => {
    const at = Date.now();
    const a = { value: { ...DEFAULT_SETTINGS, intervalMinutes: 30 }, updatedAt: at };
    const b = { value: { ...DEFAULT_SETTINGS, intervalMinutes: 60 }, updatedAt: at };
    const results: number[] = [];
    for (const [first, second] of [[a, b], [b, a]] as const) {
      const kv = createKeyValueStore(db, createStore(`backup-days-order-${n++}`, 'values'));
      await applyImport(db, kv, backupOf([], first));
      await applyImport(db, kv, backupOf([], second));
      results.push((await kv.settings()).intervalMinutes);
    }
    expect(results[0]).toBe(results[1]);
  });

  it('a plain export and re-import of a store changes nothing', async () => {
    await store.saveSettings({ ...DEFAULT_SETTINGS, dayStartHour: 0 });
    await put(lateNight(5), lateNight(6));
    const backup = await exportBackup(db, store, { now: Date.now() });
    const before = await db.checkins.toArray();
    expect(await applyImport(db, store, backup)).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    expect(await db.checkins.toArray()).toEqual(before);
  });
});
