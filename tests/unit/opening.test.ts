import 'fake-indexeddb/auto';
import fc from 'fast-check';
import Dexie from 'dexie';
import { createStore, set } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, instantAt, type DayKey, type Weekday } from '../../lib/days';
import { openDatabase, SCHEMA_VERSION, type TandemDatabase } from '../../lib/db/schema';
import { createKeyValueStore, hasLegacySettings } from '../../lib/kv';
import { readOpening } from '../../lib/opening';
import { createAppServices } from '../../lib/services';
import { DEFAULT_SETTINGS, reminderDays } from '../../lib/settings';
import { summarizeStreaks } from '../../lib/streaks';
import { frozenClock } from './helpers';
import './fast-check-seed';

// The popup's streak at open comes from a plain IndexedDB read (lib/opening.ts) before Dexie
// arrives: it must say exactly what the records' services say, or nothing at all.

let n = 0;
const open: TandemDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

function setup(start: number) {
  const name = `opening-${n++}`;
  const clock = frozenClock(start, 'Europe/Berlin');
  const db = openDatabase(name, () => clock.now());
  open.push(db);
  const kv = createStore(`${name}-kv`, 'values');
  const store = createKeyValueStore(db, kv, clock);
  const services = createAppServices({ db, store, clock, reminders: null, storage: undefined });
  const read = () => readOpening(indexedDB, { name, legacySettings: () => hasLegacySettings(kv) });
  return { name, clock, db, kv, store, services, read };
}

const START: DayKey = '2026-01-05';
const weekdays = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }) as fc.Arbitrary<Weekday[]>;

describe('the popup’s opening read', () => {
  it('gives the settings and check-in days the records’ services give, so the same streak', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Check-ins on days after START (some removed again), and the settings saved or not.
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 40 }), minute: fc.integer({ min: 0, max: 1439 }), removed: fc.boolean() }), { maxLength: 12 }),
        fc.option(fc.record({ dayStartHour: fc.integer({ min: 0, max: 6 }), workingDays: weekdays }), { nil: undefined }),
        fc.integer({ min: 0, max: 45 }),
        async (checkins, saved, todayOffset) => {
          const s = setup(instantAt(START, 12 * 60, 'Europe/Berlin'));
          if (saved) await s.services.settings.save({ ...DEFAULT_SETTINGS, ...saved });
          for (const c of checkins) {
            s.clock.set(instantAt(addDays(START, c.day), c.minute, 'Europe/Berlin'));
            const added = await s.services.checkins.add({ mood: 3 });
            if (c.removed) await s.services.checkins.remove(added.id);
          }
          const settings = await s.store.settings();
          const days = await s.services.checkins.checkinDays();
          const opening = await s.read();
          if (opening === null) {
            // Only where every check-in was removed: no aggregates beside records, as before a repair.
            expect(days).toEqual([]);
            expect(await s.db.checkins.count()).toBeGreaterThan(0);
            return;
          }
          expect(opening).toEqual({ settings, checkinDays: days });
          const today = addDays(START, todayOffset);
          const streak = (d: readonly DayKey[]) => summarizeStreaks({ checkinDays: d, today, workingDays: reminderDays(settings), away: settings.away });
          expect(streak(opening!.checkinDays)).toEqual(streak(days));
        },
      ),
      { numRuns: 30 },
    );
  });

  const readFresh = (name: string) => readOpening(indexedDB, { name, legacySettings: async () => false });

  it('creates no database where there is none, and Dexie then opens it as usual', async () => {
    const name = `opening-none-${n++}`;
    expect(await readFresh(name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    const db = openDatabase(name);
    open.push(db);
    await db.open();
    expect(await readFresh(name)).toEqual({ settings: DEFAULT_SETTINGS, checkinDays: [] });
  });

  it('reads nothing from a database an upgrade has still to bring to this schema', async () => {
    const name = `opening-older-${n++}`;
    const older = new Dexie(name);
    older.version(SCHEMA_VERSION - 1).stores({ checkins: 'id, day, at, updatedAt', dayStats: 'day', settings: 'key' });
    await older.open();
    older.close();
    expect(await readFresh(name)).toBeNull();
    await Dexie.delete(name);
  });

  it('waits for the records’ code while check-ins have no aggregates yet (the services repair them first)', async () => {
    const s = setup(Date.UTC(2026, 0, 5, 12));
    const added = await s.services.checkins.add({ mood: 4 });
    await s.db.dayStats.clear();
    expect(await s.db.checkins.get(added.id)).toBeDefined();
    expect(await s.read()).toBeNull();
  });

  it('waits for the records’ code while an older version’s settings are still to be carried over', async () => {
    const s = setup(Date.UTC(2026, 0, 5, 12));
    await s.services.checkins.checkinDays(); // the database exists, without a settings row
    await set('settings', { ...DEFAULT_SETTINGS, dayStartHour: 2 }, s.kv);
    expect(await s.read()).toBeNull();
    expect((await s.store.settings()).dayStartHour).toBe(2);
    expect(await s.read()).toMatchObject({ settings: { dayStartHour: 2 } });
  });
});
