import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { createStore } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { deferredServices } from '../../lib/deferredServices';
import { createKeyValueStore } from '../../lib/kv';
import type { ReminderClient } from '../../lib/messages';
import type { ReminderStatus } from '../../lib/prompter';
import { createAppServices, type AppServices } from '../../lib/services';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { frozenClock } from './helpers';

// The popup's services before the database code is there (lib/deferredServices.ts): it renders
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

describe('deferredServices', () => {
  it('starts loading at once, and loads once', async () => {
    const { deferred, arrive, loads } = gated(real());
    expect(loads()).toBe(1);
    arrive();
    await deferred.ready();
    await deferred.checkins.recent(1);
    expect(loads()).toBe(1);
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

  it('once loaded, a Dexie live query through it keeps observing', async () => {
    const services = real();
    const { deferred, arrive } = gated(services);
    arrive();
    await deferred.ready();
    const counts: number[] = [];
    const sub = liveQuery(() => deferred.checkins.checkinDays()).subscribe({ next: (days) => counts.push(days.length) });
    for (let i = 0; i < 100 && counts.length < 1; i++) await new Promise((r) => setTimeout(r, 5));
    await deferred.checkins.add({ mood: 3 });
    for (let i = 0; i < 100 && counts.at(-1) !== 1; i++) await new Promise((r) => setTimeout(r, 5));
    sub.unsubscribe();
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
