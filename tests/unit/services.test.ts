import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { createKeyValueStore, readChosenLanguage } from '../../lib/kv';
import { createLive, settled } from '../../lib/liveService';
import type { ReminderClient } from '../../lib/messages';
import type { ReminderStatus } from '../../lib/prompter';
import { createAppServices, storeForStart, type AppServices, type ServiceOptions } from '../../lib/services';
import { DEFAULT_SETTINGS, reminderDays, weekPlanFrom, type Settings } from '../../lib/settings';
import { frozenClock } from './helpers';

// The services the pages use (lib/services.ts): the settings as one live value that every page
// (and every other tab on the same database) sees change, and the data services that took over
// what components did with the database.

const NOW = Date.UTC(2026, 4, 12, 15, 0);
let n = 0;
const open: TandemDatabase[] = [];

function device(name = `services-${n++}`, extra: Partial<ServiceOptions> = {}): AppServices & { name: string; database: TandemDatabase } {
  const clock = frozenClock(NOW, 'UTC');
  const db = openDatabase(name, () => clock.now());
  open.push(db);
  const store = createKeyValueStore(db, createStore(`${name}-kv`, 'values'), clock);
  return { ...createAppServices({ db, store, clock, reminders: null, storage: undefined, ...extra }), name, database: db };
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** The next value `live` gives that `accept` accepts. */
function next<T>(live: { subscribe(n: (v: T) => void, e?: (err: unknown) => void): () => void }, accept: (v: T) => boolean): Promise<T> {
  return new Promise((done, fail) => {
    let stop: (() => void) | undefined;
    let finished = false;
    stop = live.subscribe(
      (v) => {
        if (finished || !accept(v)) return;
        finished = true;
        queueMicrotask(() => stop?.());
        done(v);
      },
      fail,
    );
  });
}

const later = (s: Settings, patch: Partial<Settings>): Settings => ({ ...s, ...patch });

describe('settings, one live source', () => {
  it('ready() reads them before the first render, so current() has them', async () => {
    const services = device();
    expect(services.settings.current()).toBeUndefined();
    await services.ready();
    expect(services.settings.current()).toEqual(DEFAULT_SETTINGS);
  });

  it('a save reaches every subscriber, without asking', async () => {
    const services = device();
    await services.ready();
    const seen = next(services.settings, (s) => s.dayStartHour === 6);
    await services.settings.save(later(DEFAULT_SETTINGS, { dayStartHour: 6 }));
    expect((await seen).dayStartHour).toBe(6);
    expect(services.settings.current()?.dayStartHour).toBe(6);
  });

  it('a change made by another page on the same database shows here (another tab, the popup)', async () => {
    const here = device();
    const clock = frozenClock(NOW, 'UTC');
    const otherDb = openDatabase(here.name, () => clock.now());
    open.push(otherDb);
    const other = createAppServices({
      db: otherDb,
      store: createKeyValueStore(otherDb, createStore(`${here.name}-kv`, 'values'), clock),
      clock,
      reminders: null,
    });
    await here.ready();
    const seen = next(here.settings, (s) => reminderDays(s).length === 7);
    const everyDay = weekPlanFrom([0, 1, 2, 3, 4, 5, 6], [{ start: 540, end: 1020, overnight: false }]);
    await other.settings.save(later(DEFAULT_SETTINGS, { weekPlan: everyDay }));
    expect((await seen).weekPlan).toEqual(everyDay);
  });

  it('an import and an erase change them too', async () => {
    const from = device();
    await from.settings.save(later(DEFAULT_SETTINGS, { intervalMinutes: 45 }));
    let file = '';
    await from.backup.saveBackup(null, (f) => (file = f.text));

    const to = device();
    await to.ready();
    const imported = next(to.settings, (s) => s.intervalMinutes === 45);
    await to.backup.apply(await to.backup.open({ kind: 'file', bytes: new TextEncoder().encode(file) }));
    await imported;

    const erased = next(to.settings, (s) => s.intervalMinutes === DEFAULT_SETTINGS.intervalMinutes);
    await to.backup.erase();
    await erased;
  });

  it('storeForStart() answers the language only once the settings are read', async () => {
    const services = device();
    await storeForStart(services).language();
    expect(services.settings.current()).toBeDefined();
  });

  it('the language a page reads before its database code (readChosenLanguage) is the one saved', async () => {
    const services = device();
    const kv = createStore(`${services.name}-kv`, 'values');
    expect(await readChosenLanguage(kv)).toBeUndefined();
    await services.store.saveLanguage('es');
    expect(await readChosenLanguage(kv)).toBe('es');
    await services.store.saveLanguage(undefined);
    expect(await readChosenLanguage(kv)).toBeUndefined();
  });
});

describe('live values', () => {
  it('start with the first subscriber, keep the latest, stop after the last', () => {
    let started = 0;
    let stopped = 0;
    let emit: (v: number) => void = () => undefined;
    const live = createLive<number>((e) => {
      started++;
      emit = e;
      return () => stopped++;
    });
    const got: number[] = [];
    const stop = live.subscribe((v) => got.push(v));
    emit(1);
    const later: number[] = [];
    const stop2 = live.subscribe((v) => later.push(v));
    expect(later).toEqual([1]);
    stop();
    stop2();
    expect([started, stopped]).toEqual([1, 1]);
    expect(live.current()).toBe(1);
  });

  it('a failure reaches the subscribers, settles ready, and the next subscriber starts again', async () => {
    let attempts = 0;
    const live = createLive<number>((emit, fail) => {
      attempts++;
      if (attempts === 1) queueMicrotask(() => fail(new Error('no storage')));
      else queueMicrotask(() => emit(2));
      return () => undefined;
    });
    const errors: unknown[] = [];
    live.subscribe(() => undefined, (err) => errors.push(err));
    await settled(live);
    expect(errors).toHaveLength(1);
    expect(await next(live, () => true)).toBe(2);
  });
});

describe('backup service', () => {
  it('hands the file over, then remembers the backup: every page showing the time follows', async () => {
    const services = device();
    expect(await next(services.backup.lastBackupAt, () => true)).toBeNull();
    const order: string[] = [];
    const seen = next(services.backup.lastBackupAt, (at) => at !== null);
    const file = await services.backup.saveBackup(null, (f) => order.push(`delivered ${f.name}`));
    expect(order).toEqual([`delivered ${file.name}`]);
    expect(file.type).toBe('application/json');
    expect(await seen).toBe(NOW);
    expect(await services.store.lastBackupAt()).toBe(NOW);

    const cleared = next(services.backup.lastBackupAt, (at) => at === null);
    await services.backup.erase();
    expect(await cleared).toBeNull();
  });

  it('a protected backup asks for its passphrase; a transfer link opens with it', async () => {
    const services = device();
    await services.checkins.add({ mood: 4 });
    let text = '';
    await services.backup.saveBackup('long enough passphrase', (f) => (text = f.text));
    await expect(services.backup.open({ kind: 'file', bytes: new TextEncoder().encode(text) })).rejects.toMatchObject({ reason: 'needs-passphrase' });
    const link = await services.backup.transferLink('https://tandem.example/', 'long enough passphrase');
    const payload = new URL(link).hash.replace('#transfer=', '');
    const read = await services.backup.open({ kind: 'link', payload }, 'long enough passphrase');
    expect(read.tables.checkins).toHaveLength(1);
    expect((await services.backup.preview(read)).unchanged).toBeGreaterThan(0);
  });

  it('the spreadsheet holds the check-ins', async () => {
    const services = device();
    await services.checkins.add({ mood: 2, win: 'walked' });
    const sheet = await services.backup.spreadsheet();
    expect(sheet).toMatchObject({ type: 'text/csv', name: 'tandem-2026-05-12.csv' });
    expect(sheet.text).toContain('walked');
  });

  it('an erase tells the background the settings changed, so reminders are rescheduled', async () => {
    const told: string[] = [];
    const status = {} as ReminderStatus;
    const client = {
      dataChanged: async () => (told.push('data'), status),
      settingsChanged: async () => (told.push('settings'), status),
    } as unknown as ReminderClient;
    const services = device(undefined, { reminders: client });
    await services.backup.erase();
    expect(told).toEqual(['settings']);
  });
});

describe('the other services', () => {
  it('upgrades: what is unseen, once', async () => {
    const services = device();
    await services.database.upgrades.bulkPut([
      { version: 3, at: NOW, records: { checkins: 2 }, changes: { 'text.trimmed': 2 }, seenAt: null },
      { version: 4, at: NOW, records: { shares: 1 }, changes: { 'text.trimmed': 1, 'phone.kept': 1 }, seenAt: null },
    ]);
    expect(await services.upgrades.unseen()).toEqual({ versions: [3, 4], records: 3, changes: { 'text.trimmed': 3, 'phone.kept': 1 } });
    await services.upgrades.markSeen([3, 4]);
    expect(await services.upgrades.unseen()).toBeNull();
    expect((await services.database.upgrades.get(3))?.seenAt).toBe(NOW);
  });

  it('demo data: offered only while nothing is recorded', async () => {
    const services = device();
    expect(await services.demo.isEmpty()).toBe(true);
    await services.checkins.add({ mood: 3 });
    expect(await services.demo.isEmpty()).toBe(false);
  });

  it('storage: asks the StorageManager it was given', async () => {
    const services = device(undefined, {
      storage: { persisted: async () => false, persist: async () => true, estimate: async () => ({ usage: 10, quota: 100 }) },
    });
    expect(await services.storage.status()).toEqual({ persistent: false, usage: 10, quota: 100 });
    expect(await services.storage.requestPersistence()).toBe(true);
    expect(await services.storage.oldestRecordAt()).toBeNull();
    await services.checkins.add({ mood: 3 });
    expect(await services.storage.oldestRecordAt()).toBe(NOW);
  });

  it('shares and insights read through their services', async () => {
    const services = device();
    await services.checkins.add({ mood: 5 });
    expect(await services.insights.dayStats()).toHaveLength(1);
    expect(await services.shares.log()).toEqual([]);
  });

  it('connection: the latest notice at once, then every change', () => {
    const services = device();
    const seen: unknown[] = [];
    const stop = services.connection.subscribe((notice) => seen.push(notice));
    expect(seen).toEqual([null]);
    stop();
  });

  it('reminders: the status is asked again when a check-in or the settings change', async () => {
    let asked = 0;
    const status = { decision: { reason: 'quiet', nextAt: null } } as unknown as ReminderStatus;
    const client: ReminderClient = {
      status: async () => (asked++, status),
      snooze: async () => status,
      pauseToday: async () => status,
      resume: async () => status,
      dataChanged: async () => status,
      settingsChanged: async () => status,
    };
    const services = device(undefined, { reminders: client });
    const statuses: ReminderStatus[] = [];
    const waitFor = async (count: number) => {
      for (let i = 0; i < 100 && statuses.length < count; i++) await new Promise((r) => setTimeout(r, 5));
    };
    const stop = services.reminders!.watch((s) => statuses.push(s), (err) => {
      throw err;
    });
    await waitFor(1);
    await services.checkins.add({ mood: 3 });
    await waitFor(2);
    await services.settings.save(later(DEFAULT_SETTINGS, { intervalMinutes: 60 }));
    await waitFor(3);
    stop();
    expect(statuses.length).toBeGreaterThanOrEqual(3);
    expect(asked).toBe(statuses.length);
  });
});

describe('services whose code loads on first use', () => {
  // A page reads a Live member (useLive) before the code is there: the lazy stand-in must
  // answer as a Live for every Live the real service has, or the page breaks on first render.
  it('answer every Live member of the real service as a Live before loading', async () => {
    const lazy = device();
    const { database: db, store, clock } = device();
    const dayStartHour = async () => 4;
    const real = {
      backup: (await import('../../lib/backupService')).createBackupService({ db, store, clock, dayStartHour }),
      shares: (await import('../../lib/shares')).createShareService({ db, store, clock }),
      reflections: (await import('../../lib/reflections')).createReflectionService({ db, clock, dayStartHour }),
      plan: (await import('../../lib/plan')).createPlanService({ db, clock }),
    };
    let lives = 0;
    for (const [name, service] of Object.entries(real)) {
      const standIn = lazy[name as keyof typeof real] as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(service as object)) {
        if (typeof value === 'object' && value !== null && typeof (value as { subscribe?: unknown }).subscribe === 'function') {
          lives++;
          expect(typeof (standIn[key] as { current?: unknown }).current, `${name}.${key}`).toBe('function');
        }
      }
    }
    expect(lives).toBeGreaterThanOrEqual(2);
  });
});
