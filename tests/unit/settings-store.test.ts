import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackup } from '../../lib/backup/parse';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../lib/backup/schemas';
import { applyImport } from '../../lib/backup/store';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { createKeyValueStore, type KeyValueStore } from '../../lib/kv';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
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
    const old = { ...DEFAULT_SETTINGS, workingDays: [2, 4], intervalMinutes: 240 } as Settings;
    await set('settings', old, kv);
    await set('settings-updated-at', NOW - 5_000, kv);
    expect(await store.settings()).toMatchObject({ workingDays: [2, 4], intervalMinutes: 240 });
    expect(await db.settings.get('settings')).toMatchObject({ updatedAt: NOW - 5_000 });
    // Read again by a fresh page: from the database, the old keys gone.
    const again = createKeyValueStore(db, kv, clock);
    expect((await again.settings()).intervalMinutes).toBe(240);
    expect(await again.settingsSnapshot()).toMatchObject({ updatedAt: NOW - 5_000 });
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
