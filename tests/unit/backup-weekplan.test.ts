import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupJson } from '../../lib/backup/files';
import { readBackup } from '../../lib/backup/parse';
import { applyImport, exportBackup } from '../../lib/backup/store';
import { decodeTransfer, encodeTransfer } from '../../lib/backup/transfer';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { createKeyValueStore, type KeyValueStore } from '../../lib/kv';
import { DEFAULT_SETTINGS, type Settings, type TimeWindow } from '../../lib/settings';
import { seed, T0 } from './backup-sample';

// Backups and transfer files carry the week plan and the away ranges; files made before the
// week plan (one set of windows for the reminder days) still import, as a week plan.

let db: TandemDatabase;
let store: KeyValueStore;
let n = 0;

beforeEach(async () => {
  db = openDatabase(`weekplan-backup-${n}`);
  store = createKeyValueStore(db, createStore(`weekplan-backup-kv-${n++}`, 'values'));
  await seed(db, 6);
});
afterEach(async () => {
  await db.delete();
});

const encode = (text: string) => new TextEncoder().encode(text);
const win = (start: number, end: number, overnight = false): TimeWindow => ({ start, end, overnight });

const rota: Settings = {
  ...DEFAULT_SETTINGS,
  weekPlan: [[], [win(540, 1020)], [win(420, 660), win(960, 1200)], [], [win(1320, 360, true)], [], [win(600, 840)]],
  away: [{ from: '2026-08-03', to: '2026-08-14' }],
  intervalMinutes: 60,
};

async function fileWithSettings(value: unknown, version = 2): Promise<Uint8Array> {
  const file = JSON.parse(backupJson(await exportBackup(db, store, { now: T0 })));
  return encode(JSON.stringify({ ...file, version, settings: { value, updatedAt: T0 } }));
}

async function freshDevice() {
  const other = openDatabase(`weekplan-other-${n}`);
  const otherStore = createKeyValueStore(other, createStore(`weekplan-other-kv-${n++}`, 'values'));
  return { other, otherStore };
}

describe('the week plan in backups', () => {
  it('a backup carries the week plan and the away ranges, and imports them exactly', async () => {
    await store.saveSettings(rota);
    const file = backupJson(await exportBackup(db, store, { now: Date.now() }));
    expect(JSON.parse(file).settings.value).toEqual(rota);
    const { other, otherStore } = await freshDevice();
    try {
      const summary = await applyImport(other, otherStore, await readBackup(encode(file), { now: Date.now() }));
      expect(summary.settings).toBe('replaced');
      expect(await otherStore.settings()).toEqual(rota);
    } finally {
      await other.delete();
    }
  });

  it.each([1, 2])('a version %d file from before the week plan imports its windows as each reminder day’s plan', async (version) => {
    const old = {
      workingDays: [1, 3, 6],
      windows: [win(480, 720), win(1320, 360, true)],
      intervalMinutes: 45,
      notifications: false,
      notificationText: 'Time for a quick check-in. It takes five seconds.',
      dayStartHour: 4,
    };
    const read = await readBackup(await fileWithSettings(old, version), { now: Date.now() });
    expect(read.refused.settings).toBeNull();
    const windows = [win(480, 720), win(1320, 360, true)];
    const expected: Settings = {
      weekPlan: [[], windows, [], windows, [], [], windows],
      away: [],
      intervalMinutes: 45,
      notifications: false,
      // The old English default reads as the default, as before.
      notificationText: '',
      dayStartHour: 4,
    };
    expect(read.settings?.value).toEqual(expected);
    const { other, otherStore } = await freshDevice();
    try {
      await applyImport(other, otherStore, read);
      expect(await otherStore.settings()).toEqual(expected);
    } finally {
      await other.delete();
    }
  });

  it.each<[string, unknown]>([
    ['overlapping windows across midnight', { ...rota, weekPlan: [[win(300, 600)], [], [], [], [], [], [win(1320, 360, true)]] }],
    ['a plan of six days', { ...rota, weekPlan: rota.weekPlan.slice(1) }],
    ['an away range ending before it starts', { ...rota, away: [{ from: '2026-08-14', to: '2026-08-03' }] }],
    ['an away range with a date that does not exist', { ...rota, away: [{ from: '2026-02-30', to: '2026-03-03' }] }],
    ['a week plan beside the old fields', { ...rota, workingDays: [1], windows: [win(540, 1020)] }],
    ['the old fields without a day', { ...DEFAULT_SETTINGS, weekPlan: undefined, away: undefined, workingDays: [], windows: [win(540, 1020)] }],
  ])('settings with %s are left out, the records still import, and this device keeps its own', async (_label, value) => {
    await store.saveSettings({ ...DEFAULT_SETTINGS, intervalMinutes: 90 });
    const read = await readBackup(await fileWithSettings(JSON.parse(JSON.stringify(value))), { now: Date.now() });
    expect(read.refused.settings).toBe('invalid');
    expect(read.settings).toBeNull();
    expect((await applyImport(db, store, read)).settings).toBe('none');
    expect((await store.settings()).intervalMinutes).toBe(90);
  });

  it('a transfer file carries the week plan and the away ranges', async () => {
    await store.saveSettings(rota);
    const backup = await exportBackup(db, store, { now: Date.now(), fromDay: '2026-03-10' });
    const received = await decodeTransfer(await encodeTransfer(backup, 'blue kettle morning'), 'blue kettle morning', Date.now());
    expect(received.settings?.value).toEqual(rota);
  });
});
