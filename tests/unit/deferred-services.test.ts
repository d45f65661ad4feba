import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { createStore, set } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { deferredServices } from '../../lib/deferredServices';
import { createKeyValueStore } from '../../lib/kv';
import type { ReminderClient } from '../../lib/messages';
import { whenServicesArrive } from '../../lib/lazyService';
import { resolvedLive } from '../../lib/liveService';
import type { Opening } from '../../lib/opening';
import type { SyncServiceDeps } from '../../lib/sync/service';
import type { ReminderStatus } from '../../lib/prompter';
import { createAppServices, type AppServices } from '../../lib/services';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { frozenClock } from './helpers';

// A page's services before the database code is there (lib/deferredServices.ts): it renders
// the mood buttons at once, and what it does meanwhile waits for the real services, never lost.

const NOW = Date.UTC(2026, 4, 12, 15, 0);
let n = 0;
const open: TandemDatabase[] = [];

function real(reminders: ReminderClient | null = null): AppServices {
  const name = `deferred-${n++}`;
  const clock = frozenClock(NOW, 'UTC');
  const db = openDatabase(name, () => clock.now());
  open.push(db);
  const store = createKeyValueStore(db, createStore(`${name}-kv`, 'values'), clock);
  return createAppServices({ db, store, clock, reminders, storage: undefined });
}

/** Deferred services whose real ones arrive when `arrive()` is called. */
function gated(services: AppServices) {
  let arrive!: () => void;
  let loads = 0;
  const gate = new Promise<void>((done) => (arrive = done));
  const deferred = deferredServices(
    async () => {
      loads++;
      await gate;
      return services;
    },
    { clock: services.clock, reminders: null },
  );
  return { deferred, arrive, loads: () => loads };
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const isLive = (value: unknown) => typeof value === 'object' && value !== null && typeof (value as { subscribe?: unknown }).subscribe === 'function';

/** The check-in days a Dexie live query through `services` saw, before and after one check-in. */
async function daysSeenAroundOneCheckin(services: AppServices): Promise<number[]> {
  const counts: number[] = [];
  const sub = liveQuery(() => services.checkins.checkinDays()).subscribe({ next: (days) => counts.push(days.length) });
  for (let i = 0; i < 100 && counts.length < 1; i++) await new Promise((r) => setTimeout(r, 5));
  await services.checkins.add({ mood: 3 });
  for (let i = 0; i < 100 && counts.at(-1) !== 1; i++) await new Promise((r) => setTimeout(r, 5));
  sub.unsubscribe();
  return counts;
}

describe('deferredServices', () => {
  it('loads at the first call that needs the real services, and loads once', async () => {
    const { deferred, arrive, loads } = gated(real());
    expect(loads()).toBe(0);
    await new Promise((r) => setTimeout(r, 5));
    expect(loads()).toBe(0);
    const days = deferred.checkins.checkinDays();
    await new Promise((r) => setTimeout(r, 5));
    expect(loads()).toBe(1);
    arrive();
    expect(await days).toEqual([]);
    arrive();
    await deferred.ready();
    await deferred.checkins.recent(1);
    expect(loads()).toBe(1);
  });

  it('loads only once the page’s own opening read is in, so it never holds that read up', async () => {
    const services = real();
    let answer!: (o: Opening | null) => void;
    let loads = 0;
    const deferred = deferredServices(
      async () => {
        loads++;
        return services;
      },
      { clock: services.clock, reminders: null, opening: resolvedLive(new Promise<Opening | null>((done) => (answer = done))) },
    );
    const added = deferred.checkins.add({ mood: 2 });
    await new Promise((r) => setTimeout(r, 20));
    expect(loads).toBe(0);
    answer(null);
    expect((await added).mood).toBe(2);
    expect(loads).toBe(1);
  });

  it('a check-in asked for before the code arrived is stored once it does', async () => {
    const services = real();
    const { deferred, arrive } = gated(services);
    const added = deferred.checkins.add({ mood: 4 });
    let settled = false;
    void added.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    arrive();
    const record = await added;
    expect(record.mood).toBe(4);
    expect((await services.checkins.recent(5)).map((c) => c.id)).toEqual([record.id]);
  });

  it('answers every Live of the real services as a Live before loading, and follows it after', async () => {
    const services = real();
    const { deferred, arrive } = gated(services);
    await services.loadAll();
    let lives = 0;
    for (const [name, service] of Object.entries(services)) {
      if (typeof service !== 'object' || service === null) continue;
      const standIn = deferred[name as keyof AppServices] as unknown as Record<string, unknown>;
      if (isLive(service)) {
        lives++;
        expect(typeof (standIn as { current?: unknown }).current, name).toBe('function');
      }
      for (const [key, value] of Object.entries(service as object)) {
        if (!isLive(value)) continue;
        lives++;
        expect(typeof (standIn[key] as { current?: unknown }).current, `${name}.${key}`).toBe('function');
      }
    }
    expect(lives).toBeGreaterThanOrEqual(4); // settings, connection, the backup's two
    expect(deferred.settings.current()).toBeUndefined();
    const seen: unknown[] = [];
    const stop = deferred.settings.subscribe((s) => seen.push(s));
    arrive();
    await deferred.ready();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.length).toBeGreaterThanOrEqual(1);
    for (const s of seen) expect(s).toEqual(DEFAULT_SETTINGS);
    expect(deferred.settings.current()).toEqual(DEFAULT_SETTINGS);
    stop();
  });

  it('a live query waits for the code before its first read (whenServicesArrive), starting the load, and then observes', async () => {
    const { deferred, arrive, loads } = gated(real());
    const arrived = whenServicesArrive();
    await new Promise((r) => setTimeout(r, 5));
    expect(loads()).toBe(1);
    let there = false;
    void arrived.then(() => (there = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(there).toBe(false);
    arrive();
    await arrived;
    expect(await daysSeenAroundOneCheckin(deferred)).toEqual([0, 1]);
  });

  it('once loaded, a Dexie live query through it keeps observing', async () => {
    const services = real();
    const { deferred, arrive } = gated(services);
    arrive();
    await deferred.ready();
    const counts = await daysSeenAroundOneCheckin(deferred);
    expect(counts[0]).toBe(0);
    expect(counts.at(-1)).toBe(1);
  });

  it('asks the background at once; watches its status once the database code is there', async () => {
    const status = { due: false } as unknown as ReminderStatus;
    let asked = 0;
    const client: ReminderClient = {
      status: async () => (asked++, status),
      snooze: async () => status,
      pauseToday: async () => status,
      resume: async () => status,
      dataChanged: async () => status,
      settingsChanged: async () => status,
    };
    const services = real(client);
    let arrive!: () => void;
    const gate = new Promise<void>((done) => (arrive = done));
    const deferred = deferredServices(
      async () => {
        await gate;
        return services;
      },
      { clock: services.clock, reminders: client },
    );
    await deferred.reminders!.status();
    expect(asked).toBe(1);
    const seen: ReminderStatus[] = [];
    const stop = deferred.reminders!.watch((s) => seen.push(s), (err) => {
      throw err;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    arrive();
    for (let i = 0; i < 100 && seen.length < 1; i++) await new Promise((r) => setTimeout(r, 5));
    stop();
    expect(seen).toEqual([status]);
  });
});

describe('deferredServices: the first screen’s reads before the code is there', () => {
  const HOME: NonNullable<Opening['home']> = {
    lastCheckinAt: NOW - 3_600_000,
    empty: { reflections: true, plan: true, values: true, contacts: false },
    wellbeing: [],
  };

  function early(opening: Opening | null, sync?: Omit<SyncServiceDeps, 'db'>) {
    const name = `early-${n++}`;
    const clock = frozenClock(NOW, 'UTC');
    const db = openDatabase(name, () => clock.now());
    open.push(db);
    const values = createStore(`${name}-kv`, 'values');
    const services = createAppServices({ db, store: createKeyValueStore(db, values, clock), clock, reminders: null, storage: undefined, ...(sync ? { sync } : {}) });
    let arrive!: () => void;
    const gate = new Promise<void>((done) => (arrive = done));
    let arrived = false;
    const deferred = deferredServices(
      async () => {
        await gate;
        arrived = true;
        return services;
      },
      { clock, reminders: null, opening: resolvedLive(Promise.resolve(opening)), values, sync: sync !== undefined },
    );
    return { services, deferred, arrive, arrived: () => arrived, values };
  }

  /** Resolves to the value, or to 'waiting' when it is not there within a few event-loop turns. */
  const soon = <T>(p: Promise<T>) => Promise.race([p, new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), 30))]);

  it('answers what the opening read is sure of at once: settings, last check-in, empty tables, the wellbeing check', async () => {
    const settings = { ...DEFAULT_SETTINGS, dayStartHour: 3 };
    const { deferred, arrived, services } = early({ settings, checkinDays: [], home: HOME });
    expect(await soon(deferred.store.settings())).toEqual(settings);
    expect(await soon(deferred.checkins.lastCheckinAt())).toBe(HOME.lastCheckinAt);
    expect(await soon(deferred.reflections.recent(1))).toEqual([]);
    expect(await soon(deferred.plan.entries())).toEqual([]);
    expect(await soon(deferred.plan.values())).toEqual([]);
    // Never checked before: due.
    expect(await soon(deferred.wellbeing.due())).toBe(true);
    expect(arrived()).toBe(false);
    await services.ready(); // the services' own start-up reads, done before the database goes
  });

  it('reads the small values as the store does, without the records’ code', async () => {
    const { deferred, arrived, values, services } = early(null);
    await set('welcome', { step: 'person', status: 'open' }, values);
    await set('checkin-tomorrow', { at: NOW + 1 }, values);
    expect(await soon(deferred.store.welcome())).toEqual({ step: 'person', status: 'open' });
    expect(await soon(deferred.store.tomorrowReminder())).toEqual({ at: NOW + 1 });
    expect(await soon(deferred.store.country())).toBeUndefined();
    expect(arrived()).toBe(false);
    await services.ready();
  });

  it('waits for the real services where the read is not sure (a table with rows, no opening read), and then says what they say', async () => {
    const { services, deferred, arrive } = early({ settings: DEFAULT_SETTINGS, checkinDays: [], home: HOME });
    const contacts = deferred.plan.contacts();
    expect(await soon(contacts)).toBe('waiting');
    arrive();
    expect(await contacts).toEqual([]);
    // Once they are there, every read is theirs, whatever the opening read said.
    await services.plan.addValue({ kind: 'value', text: 'Honesty' });
    expect((await deferred.plan.values()).map((v) => v.text)).toEqual(['Honesty']);
    await services.checkins.add({ mood: 5 });
    expect(await deferred.checkins.lastCheckinAt()).toBe(NOW);

    const none = early(null);
    const due = none.deferred.wellbeing.due();
    expect(await soon(due)).toBe('waiting');
    none.arrive();
    expect(await due).toBe(true);
  });

  it('gives the web app its sync: watched and kept live once the code is there, never after it was let go', async () => {
    let live = 0;
    const { deferred, arrive } = early(null, {
      loadHost: async () => {
        throw new Error('not in this test');
      },
      onLocalWrite: () => undefined,
      keepLive: () => {
        live++;
        return () => live--;
      },
    });
    const views: boolean[] = [];
    const stopWatching = deferred.sync!.subscribe((view) => views.push(view.on));
    const stopEarly = deferred.sync!.keepLive();
    stopEarly();
    const stopLive = deferred.sync!.keepLive();
    expect(live).toBe(0);
    arrive();
    for (let i = 0; i < 100 && views.length < 1; i++) await new Promise((r) => setTimeout(r, 5));
    expect(views).toEqual([false]);
    expect(live).toBe(1);
    stopLive();
    expect(live).toBe(0);
    stopWatching();
  });
});
