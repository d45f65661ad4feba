import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCheckinService } from '../../lib/checkins';
import { dayKey, dayKeyAtOffset, type Weekday } from '../../lib/days';
import { computeDayStat } from '../../lib/db/dayStats';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { createReflectionService } from '../../lib/reflections';
import { summarizeStreaks } from '../../lib/streaks';
import { frozenClock } from './helpers';

// Streak invariants over whole histories written through the real services: random
// instants around DST changes, random zones per write (travel), random day-start hours.

const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'America/Sao_Paulo', 'Australia/Sydney', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC'];
// Two weeks either side of the 2026 spring-forward and fall-back dates in both hemispheres.
const SPANS = [Date.UTC(2026, 2, 20), Date.UTC(2026, 3, 1), Date.UTC(2026, 8, 20), Date.UTC(2026, 9, 20)];
const HOUR = 3600_000;

const write = fc.record({
  span: fc.constantFrom(...SPANS),
  hours: fc.integer({ min: 0, max: 28 * 24 }),
  zone: fc.constantFrom(...ZONES),
  mood: fc.integer({ min: 1, max: 5 }),
});
const history = fc.record({
  writes: fc.array(write, { minLength: 1, maxLength: 25 }),
  dayStartHour: fc.integer({ min: 0, max: 12 }),
  workingDays: fc.subarray<Weekday>([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
  deviceZone: fc.constantFrom(...ZONES),
  otherZone: fc.constantFrom(...ZONES),
});

let db: TandemDatabase;
let n = 0;
beforeEach(() => {
  db = openDatabase(`buckets-${n++}`);
});
afterEach(async () => {
  await db.delete();
});


async function seed(writes: { span: number; hours: number; zone: string; mood: number }[], dayStartHour: number) {
  const clock = frozenClock(0, 'UTC');
  const deps = { db, clock, dayStartHour: async () => dayStartHour };
  const checkins = createCheckinService(deps);
  const ids: string[] = [];
  for (const w of writes) {
    clock.set(w.span + w.hours * HOUR, w.zone);
    ids.push((await checkins.add({ mood: w.mood })).id);
  }
  return { clock, checkins, reflections: createReflectionService(deps), ids };
}

describe('day buckets and streaks over random histories', () => {
  it('keeps per-day aggregates equal to a fresh computation after adds, edits and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.array(fc.nat(), { maxLength: 6 }), async (h, deletions) => {
        await db.checkins.clear();
        await db.dayStats.clear();
        const { checkins, ids } = await seed(h.writes, h.dayStartHour);
        for (const d of deletions) await checkins.remove(ids[d % ids.length]!).catch(() => undefined);
        await checkins.update(ids[0]!, { mood: 5 }).catch(() => undefined);
        const all = await db.checkins.toArray();
        const days = [...new Set(all.map((c) => c.day))];
        const expected = days.map((d) => computeDayStat(d, all)).filter((s) => s !== null);
        const stored = await db.dayStats.toArray();
        expect(stored.sort((a, b) => (a.day < b.day ? -1 : 1))).toEqual(expected.sort((a, b) => (a.day < b.day ? -1 : 1)));
      }),
      { numRuns: 30 },
    );
  });

  it('a device time-zone change never changes a stored day or any streak; reflections never do either', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.integer({ min: 1, max: 20 }), async (h, laterHours) => {
        await db.checkins.clear();
        await db.dayStats.clear();
        await db.reflections.clear();
        const { clock, checkins, reflections } = await seed(h.writes, h.dayStartHour);
        const last = Math.max(...h.writes.map((w) => w.span + w.hours * HOUR));
        const now = last + laterHours * HOUR;
        const summary = async (zone: string) =>
          summarizeStreaks({
            checkinDays: await checkins.checkinDays(),
            today: dayKey(now, zone, h.dayStartHour),
            workingDays: h.workingDays,
          });
        const days = new Map((await db.checkins.toArray()).map((c) => [c.id, c.day]));
        clock.set(now, h.deviceZone);
        const before = await summary(h.deviceZone);
        expect(before.best).toBeGreaterThanOrEqual(before.current);

        // The device moves to another zone and writes there: nothing already stored moves.
        clock.set(now, h.otherZone);
        const added = await checkins.add({ mood: 3 });
        for (const c of await db.checkins.toArray()) {
          if (c.id !== added.id) expect(c.day).toBe(days.get(c.id));
        }
        await checkins.remove(added.id);
        // Where the person's calendar day is the same in both zones, so is every streak figure.
        if (dayKey(now, h.otherZone, h.dayStartHour) === dayKey(now, h.deviceZone, h.dayStartHour)) {
          expect(await summary(h.otherZone)).toEqual(before);
        }
        expect(await summary(h.deviceZone)).toEqual(before);

        await reflections.add({ kind: 'setback', triggers: ['tired'], strength: 10 });
        await reflections.add({ kind: 'near-miss', triggers: ['lonely'], at: now - 2 * HOUR });
        expect(await summary(h.deviceZone)).toEqual(before);
      }),
      { numRuns: 30 },
    );
  });

  it('changing the day-start hour and back re-buckets every record and its aggregates consistently', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.integer({ min: 0, max: 12 }), async (h, otherHour) => {
        await db.checkins.clear();
        await db.dayStats.clear();
        await db.reflections.clear();
        const { clock, checkins, reflections } = await seed(h.writes, h.dayStartHour);
        clock.set(Math.max(...h.writes.map((w) => w.span + w.hours * HOUR)) + HOUR);
        await reflections.add({ kind: 'near-miss', triggers: ['tired'], at: h.writes[0]!.span + h.writes[0]!.hours * HOUR });
        const snapshot = async () => ({
          checkins: (await db.checkins.toArray()).map((c) => [c.id, c.day, c.updatedAt]),
          reflections: (await db.reflections.toArray()).map((r) => [r.id, r.day, r.updatedAt]),
          stats: await db.dayStats.toArray(),
        });
        const before = await snapshot();
        await checkins.rebucket(otherHour);
        const all = await db.checkins.toArray();
        for (const c of all) expect(c.day).toBe(dayKeyAtOffset(c.at, c.utcOffset, otherHour));
        const expected = [...new Set(all.map((c) => c.day))].map((d) => computeDayStat(d, all)!);
        expect((await db.dayStats.toArray()).sort((a, b) => (a.day < b.day ? -1 : 1))).toEqual(expected.sort((a, b) => (a.day < b.day ? -1 : 1)));
        await checkins.rebucket(h.dayStartHour);
        const after = await snapshot();
        expect(after.checkins).toEqual(before.checkins);
        expect(after.reflections).toEqual(before.reflections);
        expect(after.stats.sort((a, b) => (a.day < b.day ? -1 : 1))).toEqual(before.stats.sort((a, b) => (a.day < b.day ? -1 : 1)));
      }),
      { numRuns: 25 },
    );
  });

  it('never double-counts a day: two check-ins written from two zones on one day count once', async () => {
    const at = Date.UTC(2026, 5, 17, 8);
    const { checkins } = await seed(
      [
        { span: at, hours: 0, zone: 'Europe/Berlin', mood: 3 },
        { span: at, hours: 2, zone: 'Europe/London', mood: 4 },
      ],
      4,
    );
    expect(await checkins.checkinDays()).toEqual(['2026-06-17']);
  });
});

describe('repairing the aggregates', () => {
  it('rebuilds them when check-ins exist without any, and leaves a consistent store alone', async () => {
    const { repairDayStats } = await import('../../lib/db/dayStats');
    const { checkins } = await seed([{ span: Date.UTC(2026, 5, 17, 8), hours: 0, zone: 'UTC', mood: 3 }], 4);
    expect(await repairDayStats(db)).toBe(false);
    await db.dayStats.clear();
    expect(await checkins.checkinDays()).toEqual([]);
    expect(await repairDayStats(db)).toBe(true);
    expect(await checkins.checkinDays()).toEqual(['2026-06-17']);
  });
});
