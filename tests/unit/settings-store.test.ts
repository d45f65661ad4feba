import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackup } from '../../lib/backup/parse';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../lib/backup/schemas';
import { applyImport } from '../../lib/backup/store';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { createKeyValueStore, type KeyValueStore } from '../../lib/kv';
import { DEFAULT_SETTINGS, type Settings, type StoredSettings } from '../../lib/settings';
import { checkin } from './backup-sample';
import { frozenClock } from './helpers';

// The settings live beside the records (schema v3): their stamp only moves forward, an older
// version's settings are carried over from idb-keyval, and an import writes settings and
// records together or not at all.

const NOW = Date.UTC(2026, 11, 1, 9);
let db: TandemDatabase;
let kv: ReturnType<typeof createStore>;
let store: KeyValueStore;
let clock: ReturnType<typeof frozenClock>;
let n = 0;

beforeEach(() => {
  db = openDatabase(`settings-store-${n}`);
  kv = createStore(`settings-store-kv-${n++}`, 'values');
  clock = frozenClock(NOW, 'Europe/Madrid');
  store = createKeyValueStore(db, kv, clock);
});
afterEach(async () => {
  await db.delete();
});

const file = (value: Settings, updatedAt: number) =>
  new TextEncoder().encode(
    JSON.stringify({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: updatedAt,
      scope: { kind: 'all', fromDay: null },
      tables: { checkins: [checkin(0)], reflections: [], plan: [], values: [], contacts: [], shares: [] },
      settings: { value, updatedAt },
    }),
  );

describe('settings beside the records', () => {
  it('a file dated ahead can’t undo a change made here, however often it is imported', async () => {
    // The file's device had its clock at 2099; this one reads 2099 too when the file arrives.
    const ahead = Date.UTC(2099, 0, 1);
    clock.set(ahead);
    const theirs = file({ ...DEFAULT_SETTINGS, intervalMinutes: 30 }, ahead);
    expect((await applyImport(db, store, await readBackup(theirs, { now: ahead }))).settings).toBe('replaced');
    // Back to the right time, the person changes the interval here.
    clock.set(NOW);
    await store.saveSettings({ ...DEFAULT_SETTINGS, intervalMinutes: 45 });
    const after = (await store.settingsSnapshot()).updatedAt!;
    expect(after).toBeGreaterThan(ahead);
    for (let i = 0; i < 2; i++) {
      const summary = await applyImport(db, store, await readBackup(theirs, { now: ahead }));
      expect(summary.settings).toBe('kept');
      expect((await store.settings()).intervalMinutes).toBe(45);
    }
  });

  it('settings dated more than a day past this clock are left out, and the records still come in', async () => {
    const read = await readBackup(file({ ...DEFAULT_SETTINGS, intervalMinutes: 30 }, Date.UTC(2099, 0, 1)), { now: NOW });
    expect(read.refused.settings).toBe('future');
    const summary = await applyImport(db, store, read);
    expect(summary).toMatchObject({ new: 1, settings: 'none' });
    expect((await store.settings()).intervalMinutes).toBe(DEFAULT_SETTINGS.intervalMinutes);
  });

  it('every save is stamped later than the one before, even when the clock goes back', async () => {
    await store.saveSettings({ ...DEFAULT_SETTINGS, intervalMinutes: 60 });
    const first = (await store.settingsSnapshot()).updatedAt!;
    clock.set(NOW - 86_400_000 * 400);
    await store.saveSettings({ ...DEFAULT_SETTINGS, intervalMinutes: 90 });
    expect((await store.settingsSnapshot()).updatedAt).toBe(first + 1);
  });

  it('carries an older version’s settings over from idb-keyval once, with their stamp', async () => {
    const nineToFive = [{ start: 540, end: 1020, overnight: false }];
    const old = { workingDays: [2, 4], windows: nineToFive, intervalMinutes: 240, notifications: false, notificationText: '', dayStartHour: 4 };
    await set('settings', old as unknown as Settings, kv);
    await set('settings-updated-at', NOW - 5_000, kv);
    expect(await store.settings()).toMatchObject({ weekPlan: [[], [], nineToFive, [], nineToFive, [], []], away: [], intervalMinutes: 240 });
    expect(await db.settings.get('settings')).toMatchObject({ updatedAt: NOW - 5_000 });
    // Read again by a fresh page: from the database, the old keys gone.
    const again = createKeyValueStore(db, kv, clock);
    expect((await again.settings()).intervalMinutes).toBe(240);
    expect(await again.settingsSnapshot()).toMatchObject({ updatedAt: NOW - 5_000 });
  });

  it('reads settings saved before the week plan as one, and the next save writes the week plan', async () => {
    const split = [{ start: 480, end: 720, overnight: false }, { start: 780, end: 1020, overnight: false }];
    const legacy: StoredSettings = { workingDays: [1, 3, 5], windows: split, intervalMinutes: 60, notifications: true, notificationText: 'Hi', dayStartHour: 5 };
    await db.settings.put({ key: 'settings', value: legacy, updatedAt: NOW - 1_000 });
    const read = await store.settings();
    expect(read).toEqual({ weekPlan: [[], split, [], split, [], split, []], away: [], intervalMinutes: 60, notifications: true, notificationText: 'Hi', dayStartHour: 5 });
    // The stored row is left as it was until the person saves (nothing is rewritten behind them).
    expect((await db.settings.get('settings'))!.value).toEqual(legacy);
    await store.saveSettings({ ...read, away: [{ from: '2026-08-01', to: '2026-08-14' }] });
    const row = (await db.settings.get('settings'))!.value;
    expect(Object.keys(row).sort()).toEqual(['away', 'dayStartHour', 'intervalMinutes', 'notificationText', 'notifications', 'weekPlan']);
    expect((await store.settings()).away).toEqual([{ from: '2026-08-01', to: '2026-08-14' }]);
  });

  it('a new day-start hour moves the records in the same transaction as the settings', async () => {
    // 02:30 in Madrid: the day before under the default 04:00, its own day under 00:00.
    const late = checkin(0, { at: Date.UTC(2026, 10, 10, 1, 30), utcOffset: 60, day: '2026-11-09' });
    await db.checkins.put(late);
    await store.saveSettings({ ...DEFAULT_SETTINGS, dayStartHour: 0 });
    expect((await db.checkins.get(late.id))!.day).toBe('2026-11-10');
    // A failure half way puts both back.
    db.checkins.toCollection = () => {
      throw new DOMException('No room', 'QuotaExceededError');
    };
    await expect(store.saveSettings({ ...DEFAULT_SETTINGS, dayStartHour: 4 })).rejects.toMatchObject({ kind: 'quota' });
    expect((await store.settings()).dayStartHour).toBe(0);
  });
});
