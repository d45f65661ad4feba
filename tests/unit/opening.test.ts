import 'fake-indexeddb/auto';
import fc from 'fast-check';
import Dexie from 'dexie';
import { createStore, set } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, instantAt, type DayKey, type Weekday } from '../../lib/days';
import { openDatabase, SCHEMA_VERSION, type TandemDatabase } from '../../lib/db/schema';
import { createKeyValueStore, hasLegacySettings } from '../../lib/kv';
import { warmDatabases } from '../../lib/db/openingRead';
import { readOpening } from '../../lib/opening';
import { createAppServices } from '../../lib/services';
import { DEFAULT_SETTINGS, reminderDays } from '../../lib/settings';
import { summarizeStreaks } from '../../lib/streaks';
import { dueFromStored } from '../../lib/wellbeing';
import { frozenClock } from './helpers';
import './fast-check-seed';

// A page's first screen (the popup's streak, the web app's check-in view and its notices) comes
// from a plain IndexedDB read (lib/opening.ts) before Dexie arrives: it must say exactly what the
// records' services say, or nothing at all.

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

describe('a page’s opening read', () => {
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

  it('gives the web app what its services say about the notices: the last check-in, empty tables, the wellbeing check', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ minute: fc.integer({ min: 0, max: 60 * 24 * 30 }), removed: fc.boolean() }), { maxLength: 6 }),
        fc.record({ reflection: fc.constantFrom('none', 'live', 'removed'), contact: fc.boolean(), value: fc.boolean(), entry: fc.boolean() }),
        fc.array(fc.record({ daysAgo: fc.integer({ min: 0, max: 40 }), skipped: fc.boolean(), removed: fc.boolean() }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 6 }),
        async (checkins, others, checks, dayStartHour) => {
          const now = instantAt('2026-03-20', 10 * 60, 'Europe/Berlin');
          const s = setup(now);
          await s.services.settings.save({ ...DEFAULT_SETTINGS, dayStartHour });
          for (const c of checkins) {
            s.clock.set(now - c.minute * 60_000);
            const added = await s.services.checkins.add({ mood: 3 });
            if (c.removed) await s.services.checkins.remove(added.id);
          }
          s.clock.set(now);
          if (others.reflection !== 'none') {
            const r = await s.services.reflections.add({ kind: 'near-miss', triggers: ['tired'] });
            if (others.reflection === 'removed') await s.services.reflections.remove(r.id);
          }
          if (others.contact) await s.services.plan.addContact({ role: 'contact', name: 'Sam', phone: '+1 555 0100', note: '' });
          if (others.value) await s.services.plan.addValue({ kind: 'value', text: 'Honesty' });
          if (others.entry) await s.services.plan.addEntry({ trigger: 'Payday', steps: ['Call Sam'] });
          for (const c of checks) {
            s.clock.set(now - c.daysAgo * 86_400_000);
            const saved = c.skipped ? await s.services.wellbeing.skip() : await s.services.wellbeing.answer([3, 3, 3, 3, 3]);
            if (c.removed) await s.db.wellbeing.update(saved.id, { deletedAt: s.clock.now() });
          }
          s.clock.set(now);
          const opening = await readOpening(indexedDB, { name: s.name, legacySettings: () => hasLegacySettings(s.kv), home: true });
          if (opening === null) {
            // Only where every check-in was removed: no aggregates beside records, as before a repair.
            expect(await s.services.checkins.checkinDays()).toEqual([]);
            return;
          }
          const home = opening.home!;
          expect(home.lastCheckinAt).toBe(await s.services.checkins.lastCheckinAt());
          // An empty table is sure to hold nothing live; one with only deleted rows is not called empty.
          if (home.empty.reflections) expect(await s.services.reflections.recent(1)).toEqual([]);
          expect(home.empty.reflections).toBe(others.reflection === 'none');
          expect(home.empty.contacts).toBe((await s.services.plan.contacts()).length === 0);
          expect(home.empty.values).toBe((await s.services.plan.values()).length === 0);
          expect(home.empty.plan).toBe((await s.services.plan.entries()).length === 0);
          const due = dueFromStored(home.wellbeing, now, 'Europe/Berlin', opening.settings.dayStartHour);
          expect(due).toBe(await s.services.wellbeing.due());
        },
      ),
      { numRuns: 25 },
    );
  });

  it('waits for the records’ code where there is no database but an older version’s settings are still to be carried over', async () => {
    const name = `opening-legacy-${n++}`;
    expect(await readOpening(indexedDB, { name, legacySettings: async () => true, home: true })).toBeNull();
  });

  const readFresh = (name: string) => readOpening(indexedDB, { name, legacySettings: async () => false });

  it('reads nothing stored where there is no database, creates none, and Dexie then opens it as usual', async () => {
    const name = `opening-none-${n++}`;
    expect(await readFresh(name)).toEqual({ settings: DEFAULT_SETTINGS, checkinDays: [] });
    expect(await readOpening(indexedDB, { name, legacySettings: async () => false, home: true })).toEqual({
      settings: DEFAULT_SETTINGS,
      checkinDays: [],
      home: { lastCheckinAt: null, empty: { reflections: true, plan: true, values: true, contacts: true }, wellbeing: [] },
    });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    const db = openDatabase(name);
    open.push(db);
    await db.open();
    expect(await readFresh(name)).toEqual({ settings: DEFAULT_SETTINGS, checkinDays: [] });
  });

  it('warming the databases up creates none, and holds up neither an upgrade nor a deletion', async () => {
    const name = `opening-warm-${n++}`;
    warmDatabases(indexedDB, [name]);
    await new Promise((r) => setTimeout(r, 20));
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    const db = openDatabase(name);
    await db.open();
    db.close();
    // Held open now; Dexie opening it again and deleting it still go through.
    warmDatabases(indexedDB, [name], 60_000);
    await new Promise((r) => setTimeout(r, 20));
    const again = openDatabase(name);
    await again.open();
    expect(again.verno).toBe(SCHEMA_VERSION);
    again.close();
    await Dexie.delete(name);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
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
