import 'fake-indexeddb/auto';
import fc from 'fast-check';
import './fast-check-seed';
import { createStore } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../lib/backup/csv';
import { UndoError } from '../../lib/backup/undo';
import { HALT_TAGS, openDatabase, type Checkin, type Mood, type Reflection, type TandemDatabase } from '../../lib/db/schema';
import { openSheet } from '../../lib/import/sheet';
import { createKeyValueStore } from '../../lib/kv';
import { FIELDS } from '../../lib/rules/fields';
import { isInvisible, normalizeText } from '../../lib/rules/text';
import { TIME_MAX, TIME_MIN } from '../../lib/rules/time';
import { createAppServices } from '../../lib/services';
import { anyOffset, anyTextUpTo, ZONES } from './arbitraries';
import { checkin, reflection, T0 } from './backup-sample';
import { frozenClock } from './helpers';

// Tandem's own CSV comes back through "Import from another app" (issue 15) exactly, and a
// second import meets what the first added; the last import, of any kind, can be undone.

const NOW = T0 + 60 * 86_400_000;
let n = 0;
const open: TandemDatabase[] = [];
function device(now = NOW) {
  const clock = frozenClock(now, 'Europe/Madrid');
  const db = openDatabase(`import-sheets-${n}`, () => clock.now());
  open.push(db);
  const store = createKeyValueStore(db, createStore(`import-sheets-kv-${n++}`, 'values'), clock);
  return { db, clock, services: createAppServices({ db, store, clock, reminders: null, storage: undefined }) };
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const bytes = (text: string) => new TextEncoder().encode(text);
/** What the CSV carries of a record: everything but its version stamps and its derived day. */
const carried = <R extends { createdAt: number; updatedAt: number; day: string }>({ createdAt: _c, updatedAt: _u, day: _d, ...rest }: R) => rest;

const stored = (max: number, rule: (typeof FIELDS)[keyof typeof FIELDS]) => anyTextUpTo(max).map((t) => normalizeText(t, rule));
const entries = (rule: (typeof FIELDS)[keyof typeof FIELDS], min: number) =>
  fc.array(stored(rule.max, rule), { maxLength: 4 }).map((l) => l.filter((t) => !isInvisible(t))).filter((l) => l.length >= min);
const instant = fc.integer({ min: TIME_MIN, max: TIME_MAX });
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const moodArb = fc.constantFrom<Mood>(1, 2, 3, 4, 5);

const anyCheckin = fc
  .record({ id, at: instant, utcOffset: anyOffset, timeZone: fc.constantFrom(...ZONES), mood: moodArb, win: stored(280, FIELDS.win), note: stored(2000, FIELDS.checkinNote), tags: fc.subarray([...HALT_TAGS]) })
  .map((c): Checkin => ({ ...c, day: '2026-01-01', createdAt: c.at, updatedAt: c.at, deletedAt: null }));
const strength = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null });
const anyReflection = fc
  .record({
    id,
    at: instant,
    utcOffset: anyOffset,
    timeZone: fc.constantFrom(...ZONES),
    kind: fc.constantFrom('near-miss' as const, 'setback' as const),
    triggers: entries(FIELDS.trigger, 1),
    strength,
    strengthAfter: strength,
    steps: entries(FIELDS.step, 0),
    helped: stored(2000, FIELDS.reflectionText),
    nextTime: stored(2000, FIELDS.reflectionText),
    moodNow: fc.option(moodArb, { nil: null }),
    urgeSurfMinutes: fc.option(fc.integer({ min: 0, max: 1440 }), { nil: null }),
  })
  .map((r): Reflection => ({ ...r, day: '2026-01-01', createdAt: r.at, updatedAt: r.at, deletedAt: null }));

describe('Tandem’s own CSV, imported back', () => {
  it('reads back exactly what it carries (property: export → import is identity on every carried field)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(anyCheckin, { selector: (c) => c.id, minLength: 1, maxLength: 6 }),
        fc.uniqueArray(anyReflection, { selector: (r) => r.id, maxLength: 4 }),
        (checkins, reflections) => {
          const sheet = openSheet(bytes(toCsv(checkins, reflections)), TIME_MAX);
          if (sheet.kind !== 'tandem') throw new Error('not read as Tandem’s CSV');
          expect(sheet.backup.refused.count).toBe(0);
          const byId = <T extends { id: string }>(l: readonly T[]) => [...l].sort((a, b) => (a.id < b.id ? -1 : 1));
          expect(byId(sheet.backup.tables.checkins).map(carried)).toEqual(byId(checkins).map(carried));
          expect(byId(sheet.backup.tables.reflections).map(carried)).toEqual(byId(reflections).map(carried));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('adds to another device, and a second import (or one on the device it came from) changes nothing', async () => {
    const from = device();
    const records = [checkin(0, { note: 'Line one\n"two", three' }), checkin(1, { win: '=SUM(A1)' }), checkin(2, { updatedAt: T0 + 5 * 86_400_000 })];
    await from.db.checkins.bulkPut(records);
    await from.db.reflections.bulkPut([reflection(0, { urgeSurfMinutes: 12, triggers: ['lonely; payday', 'rain'] })]);
    const file = await from.services.backup.spreadsheet();
    const sheet = await from.services.backup.openSheet(bytes(file.text));
    if (sheet.kind !== 'tandem') throw new Error('not read as Tandem’s CSV');
    expect(await from.services.backup.preview(sheet.backup, 'sheet')).toMatchObject({ new: 0, updated: 0, unchanged: 4 });

    const to = device();
    expect(await to.services.backup.apply(sheet.backup, 'sheet')).toMatchObject({ new: 4, updated: 0, deleted: 0 });
    const again = await to.services.backup.openSheet(bytes((await to.services.backup.spreadsheet()).text));
    if (again.kind !== 'tandem') throw new Error('not read as Tandem’s CSV');
    expect(await to.services.backup.apply(again.backup, 'sheet')).toMatchObject({ new: 0, updated: 0, unchanged: 4 });
    expect((await to.services.backup.spreadsheet()).text).toBe(file.text);
  });

  it('names a row that breaks a rule by its line, and adds the others', () => {
    const text = toCsv([checkin(0), checkin(1)], []).replace(',1,Small win number 0', ',9,Small win number 0');
    const sheet = openSheet(bytes(text), NOW);
    if (sheet.kind !== 'tandem') throw new Error('not read as Tandem’s CSV');
    expect(sheet.backup.tables.checkins).toHaveLength(1);
    expect(sheet.backup.refused.first).toMatchObject([{ table: 'checkins', index: 2, detail: { field: 'mood', rule: 'mood' } }]);
  });
});

const DAYLIO = [
  'full_date,date,weekday,time,mood,activities,note_title,note',
  '2026-03-01,March 1,Sunday,9:00 AM,rad,tired | work,,Fine',
  '2026-03-02,March 2,Monday,21:30,awful,,,"Rough, really"',
  '2026-03-03,March 3,Tuesday,13:00,sleepy,,,',
].join('\n');
const PLACED: ReadonlyMap<string, Mood> = new Map([['rad', 5], ['awful', 1]]);

async function daylio(d: ReturnType<typeof device>) {
  const sheet = await d.services.backup.openSheet(bytes(DAYLIO));
  if (sheet.kind !== 'daylio') throw new Error('not read as Daylio');
  return d.services.backup.fromDaylio(sheet.read, PLACED, 'Activities');
}

describe('importing Daylio, twice, and undoing', () => {
  it('adds the placed rows once: a second import of the same file changes nothing', async () => {
    const d = device();
    const { backup, unplaced } = await daylio(d);
    expect(unplaced).toEqual(new Map([['sleepy', 1]]));
    expect(await d.services.backup.apply(backup, 'sheet')).toMatchObject({ new: 2, updated: 0 });
    const before = await d.db.checkins.toArray();
    expect(await d.services.backup.apply((await daylio(d)).backup, 'sheet')).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    expect(await d.db.checkins.toArray()).toEqual(before);
    expect((await d.db.dayStats.toArray()).map((s) => s.day)).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('undo removes what it added (as deletions), then importing again brings it back', async () => {
    const d = device();
    await d.services.checkins.add({ mood: 3 });
    d.clock.set(NOW + 60_000);
    await d.services.backup.apply((await daylio(d)).backup, 'sheet');
    expect(await d.services.backup.undoable()).toMatchObject({ records: 2 });
    d.clock.set(NOW + 120_000);
    expect(await d.services.backup.undoImport()).toEqual({ removed: 2, restored: 0, settings: false });
    const all = await d.db.checkins.toArray();
    expect(all.filter((c) => c.deletedAt === null)).toHaveLength(1);
    expect(all.filter((c) => c.deletedAt !== null).every((c) => c.id.startsWith('daylio-') && c.deletedAt === NOW + 120_000)).toBe(true);
    expect((await d.db.dayStats.toArray()).map((s) => s.day)).toEqual([all.find((c) => c.deletedAt === null)!.day]);
    expect(await d.services.backup.undoable()).toBeNull();
    await expect(d.services.backup.undoImport()).rejects.toEqual(new UndoError('nothing'));
    d.clock.set(NOW + 180_000);
    expect(await d.services.backup.apply((await daylio(d)).backup, 'sheet')).toMatchObject({ new: 0, updated: 2 });
    expect((await d.db.checkins.toArray()).filter((c) => c.deletedAt === null)).toHaveLength(3);
  });

  it('undo of a backup puts back what it changed, and is no longer offered once something changed since', async () => {
    const from = device();
    await from.db.checkins.bulkPut([checkin(0, { mood: 5, updatedAt: T0 + 86_400_000 }), checkin(1)]);
    const backup = await from.services.backup.open({ kind: 'file', bytes: bytes(await new Promise<string>((ok) => void from.services.backup.saveBackup(null, (f) => ok(f.text)))) });
    const to = device();
    const mine = checkin(0, { mood: 2 });
    await to.db.checkins.put(mine);
    expect(await to.services.backup.apply(backup)).toMatchObject({ new: 1, updated: 1 });
    expect(await to.services.backup.undoImport()).toEqual({ removed: 1, restored: 1, settings: false });
    const back = await to.db.checkins.get(mine.id);
    expect(carried(back!)).toEqual(carried(mine));
    expect(back!.updatedAt).toBeGreaterThan(T0 + 86_400_000);

    // Again, then a check-in made after it: the import is part of the history now.
    await to.services.backup.apply(backup);
    to.clock.set(NOW + 3_600_000);
    expect(await to.services.backup.apply(backup)).toMatchObject({ new: 0, updated: 0 });
    expect(await to.services.backup.undoable()).not.toBeNull();
    await to.services.checkins.add({ mood: 4 });
    expect(await to.services.backup.undoable()).toBeNull();
    const snapshot = await to.db.checkins.toArray();
    await expect(to.services.backup.undoImport()).rejects.toEqual(new UndoError('changedSince'));
    expect(await to.db.checkins.toArray()).toEqual(snapshot);
  });

  it('undo of a backup whose newer settings moved the day start puts the settings and every day back', async () => {
    const from = device(NOW - 3_600_000);
    await from.services.settings.save({ ...(await from.services.settings.read()), dayStartHour: 0, intervalMinutes: 60 });
    const file = await new Promise<string>((ok) => void from.services.backup.saveBackup(null, (f) => ok(f.text)));
    const to = device();
    // 02:30 local on 10 March: the day before under a 4 o'clock start, that day under midnight.
    const late = checkin(0, { at: Date.UTC(2026, 2, 10, 1, 30), day: '2026-03-09', utcOffset: 60 });
    await to.db.checkins.put(late);
    const settingsBefore = await to.services.settings.read();
    const summary = await to.services.backup.apply(await to.services.backup.open({ kind: 'file', bytes: bytes(file) }));
    expect(summary.settings).toBe('replaced');
    expect((await to.db.checkins.get(late.id))!.day).toBe('2026-03-10');
    expect(await to.services.backup.undoImport()).toEqual({ removed: 0, restored: 0, settings: true });
    expect(await to.services.settings.read()).toEqual(settingsBefore);
    expect(await to.db.checkins.get(late.id)).toEqual(late);
    expect((await to.db.dayStats.toArray()).map((s) => s.day)).toEqual(['2026-03-09']);
  });

  it('a Daylio note past 2,000 characters is never cut: its row is left out and named by line', async () => {
    const d = device();
    const long = 'x'.repeat(2001);
    const sheet = await d.services.backup.openSheet(bytes(`${DAYLIO}\n2026-03-04,March 4,Wednesday,10:00,rad,,,${long}`));
    if (sheet.kind !== 'daylio') throw new Error('not read as Daylio');
    const { backup } = await d.services.backup.fromDaylio(sheet.read, PLACED, 'Activities');
    expect(backup.tables.checkins).toHaveLength(2);
    expect(backup.refused.first).toMatchObject([{ table: 'checkins', index: 5, detail: { field: 'note', rule: 'tooLong', max: 2000 } }]);
  });
});
