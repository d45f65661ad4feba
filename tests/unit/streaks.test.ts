import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayKeyFromNumber, dayNumber, weekdayOfNumber, type DayKey, type Weekday } from '../../lib/days';
import { celebrateMilestone, computeStreak, milestoneToCelebrate, streakLabel, summarizeStreaks } from '../../lib/streaks';

// A fixed fortnight in June 2026: the 15th is a Monday.
const MON = '2026-06-15';
const TUE = '2026-06-16';
const WED = '2026-06-17';
const THU = '2026-06-18';
const FRI = '2026-06-19';
const SAT = '2026-06-20';
const SUN = '2026-06-21';
const NEXT_MON = '2026-06-22';
const NEXT_TUE = '2026-06-23';

const MON_FRI: Weekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

function streak(checkinDays: Iterable<DayKey>, today: DayKey, workingDays: readonly Weekday[] = MON_FRI) {
  return computeStreak({ checkinDays, today, workingDays });
}

describe('computeStreak', () => {
  it('is zero and not at risk before the first check-in', () => {
    expect(streak([], WED)).toEqual({ current: 0, checkedInToday: false, atRisk: false });
  });

  it('starts at one with a check-in today', () => {
    expect(streak([WED], WED)).toEqual({ current: 1, checkedInToday: true, atRisk: false });
  });

  it('counts consecutive working days with check-ins', () => {
    expect(streak([MON, TUE, WED], WED)).toEqual({ current: 3, checkedInToday: true, atRisk: false });
  });

  it('keeps the run alive but at risk while today has no check-in yet', () => {
    expect(streak([MON, TUE, WED], THU)).toEqual({ current: 3, checkedInToday: false, atRisk: true });
  });

  it('goes on from the at-risk run once today is checked in', () => {
    expect(streak([MON, TUE, WED, THU], THU)).toEqual({ current: 4, checkedInToday: true, atRisk: false });
  });

  it('is broken by a working day without a check-in', () => {
    expect(streak([MON, WED, THU], THU).current).toBe(2);
    expect(streak([MON, TUE, THU], THU).current).toBe(1);
  });

  it('is lost (zero, not at risk) when yesterday was a missed working day', () => {
    expect(streak([MON, TUE], THU)).toEqual({ current: 0, checkedInToday: false, atRisk: false });
  });

  it('is not broken by a weekend off', () => {
    expect(streak([THU, FRI, NEXT_MON], NEXT_MON).current).toBe(3);
    expect(streak([THU, FRI], NEXT_MON)).toEqual({ current: 2, checkedInToday: false, atRisk: true });
    expect(streak([THU, FRI], SUN)).toMatchObject({ current: 2, checkedInToday: false });
    // …and a day off is not "at risk": nothing is owed on a day off.
    expect(streak([THU, FRI], SAT)).toEqual({ current: 2, checkedInToday: false, atRisk: false });
  });

  it('counts check-ins on days off', () => {
    expect(streak([FRI, SAT, SUN, NEXT_MON], NEXT_MON).current).toBe(4);
    expect(streak([FRI, SUN, NEXT_MON], NEXT_MON).current).toBe(3);
    expect(streak([SAT], SAT).current).toBe(1);
  });

  it('is broken by a missed weekend day when every day is a working day', () => {
    expect(streak([THU, FRI, SAT, NEXT_MON], NEXT_MON, EVERY_DAY).current).toBe(1);
    expect(streak([THU, FRI, SAT, SUN, NEXT_MON], NEXT_MON, EVERY_DAY).current).toBe(5);
  });

  it('fits a part-time week: only the chosen days can break it', () => {
    const monWedFri: Weekday[] = [1, 3, 5];
    expect(streak([MON, WED, FRI, NEXT_MON], NEXT_MON, monWedFri).current).toBe(4);
    expect(streak([MON, FRI, NEXT_MON], NEXT_MON, monWedFri).current).toBe(2);
    // A Tuesday check-in counts although Tuesday is a day off.
    expect(streak([MON, TUE, WED, FRI], NEXT_MON, monWedFri)).toMatchObject({ current: 4, atRisk: true });
    // Missing the next Monday (a working day) ends it by Tuesday.
    expect(streak([MON, WED, FRI], NEXT_TUE, monWedFri).current).toBe(0);
  });

  it('counts a day once however many check-ins it has', () => {
    expect(streak([WED, WED, THU, WED, THU, THU], THU).current).toBe(2);
  });

  it('does not depend on the order of the check-ins', () => {
    expect(streak([THU, MON, WED, TUE], THU).current).toBe(4);
  });

  it('accepts any iterable of day keys', () => {
    function* days() {
      yield MON;
      yield TUE;
    }
    expect(streak(new Set([MON, TUE]), TUE).current).toBe(2);
    expect(streak(days(), TUE).current).toBe(2);
  });

  it('ignores check-ins dated after today for today’s streak', () => {
    // A clock set back or a trip west can leave a check-in dated tomorrow.
    expect(streak([MON, TUE, THU], WED)).toEqual({ current: 2, checkedInToday: false, atRisk: true });
    expect(streak([THU, FRI], WED)).toEqual({ current: 0, checkedInToday: false, atRisk: false });
  });

  it('runs across month and year ends', () => {
    const days: DayKey[] = [];
    for (let d = '2025-12-20'; d <= '2026-01-05'; d = addDays(d, 1)) days.push(d);
    // 20–31 December (12 days) and 1–5 January (5 days).
    expect(streak(days, '2026-01-05', EVERY_DAY).current).toBe(12 + 5);
  });

  it('does not count check-ins from before the break', () => {
    expect(streak([MON, TUE, THU, FRI, SAT, SUN, NEXT_MON], NEXT_MON, EVERY_DAY).current).toBe(5);
  });
});

describe('away ranges in the streak', () => {
  // 2026-06-08 is a Monday; Monday to Friday are working days.
  const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
  const away = [{ from: '2026-06-15', to: '2026-06-19' }];

  it('a week away breaks nothing: the run goes on from before it', () => {
    const days = ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12', '2026-06-22'];
    expect(computeStreak({ checkinDays: days, today: '2026-06-22', workingDays: WEEKDAYS, away })).toMatchObject({ current: 6 });
    // Without the range, the empty week ends the run.
    expect(computeStreak({ checkinDays: days, today: '2026-06-22', workingDays: WEEKDAYS })).toMatchObject({ current: 1 });
    expect(summarizeStreaks({ checkinDays: days, today: '2026-06-22', workingDays: WEEKDAYS, away }).best).toBe(6);
  });

  it('a day away is never at risk, and a check-in on it still counts', () => {
    expect(computeStreak({ checkinDays: ['2026-06-12'], today: '2026-06-15', workingDays: WEEKDAYS, away })).toMatchObject({ current: 1, atRisk: false });
    expect(computeStreak({ checkinDays: ['2026-06-12', '2026-06-16'], today: '2026-06-16', workingDays: WEEKDAYS, away })).toMatchObject({ current: 2 });
  });

  it('adding an away range never shortens a streak', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2030-12-31') }),
        fc.array(fc.integer({ min: -40, max: 0 }), { maxLength: 30 }),
        fc.subarray<Weekday>([0, 1, 2, 3, 4, 5, 6]),
        fc.integer({ min: -40, max: 0 }),
        fc.integer({ min: 0, max: 20 }),
        (today, offsets, workingDays, from, length) => {
          const input = { checkinDays: offsets.map((o) => dayKeyFromNumber(today + o)), today: dayKeyFromNumber(today), workingDays };
          const range = { from: dayKeyFromNumber(today + from), to: dayKeyFromNumber(today + from + length) };
          const without = summarizeStreaks(input);
          const withAway = summarizeStreaks({ ...input, away: [range] });
          expect(withAway.current).toBeGreaterThanOrEqual(without.current);
          expect(withAway.best).toBeGreaterThanOrEqual(without.best);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('streakLabel', () => {
  it('names the number of days', () => {
    expect(streakLabel(1)).toBe('1-day streak');
    expect(streakLabel(12)).toBe('12-day streak');
  });
});

describe('computeStreak properties', () => {
  const TODAY_MIN = dayNumber('2020-01-01');
  const TODAY_MAX = dayNumber('2030-12-31');

  // Check-in days as offsets from today: mostly the past few weeks, a few in the future.
  const scenario = fc.record({
    today: fc.integer({ min: TODAY_MIN, max: TODAY_MAX }),
    offsets: fc.array(fc.integer({ min: -40, max: 3 }), { maxLength: 40 }),
    workingDays: fc.subarray<Weekday>([0, 1, 2, 3, 4, 5, 6]),
  });

  function run(today: number, offsets: readonly number[], workingDays: readonly Weekday[]) {
    return computeStreak({
      checkinDays: offsets.map((o) => dayKeyFromNumber(today + o)),
      today: dayKeyFromNumber(today),
      workingDays,
    });
  }

  it('never goes down when a check-in day is added', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: -40, max: 3 }), ({ today, offsets, workingDays }, extra) => {
        const before = run(today, offsets, workingDays).current;
        const after = run(today, [...offsets, extra], workingDays).current;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('is never broken by a day off: missing a check-in on a non-working day costs at most that day', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: -40, max: -1 }), ({ today, offsets, workingDays }, dayOff) => {
        fc.pre(!workingDays.includes(weekdayOfNumber(today + dayOff)));
        const withIt = run(today, [...offsets, dayOff], workingDays).current;
        const without = run(today, offsets.filter((o) => o !== dayOff), workingDays).current;
        expect(without).toBeGreaterThanOrEqual(withIt - 1);
      }),
    );
  });

  it('never goes up when a check-in day is removed', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ today, offsets, workingDays }, pick) => {
        fc.pre(offsets.length > 0);
        const removed = offsets[pick % offsets.length]!;
        const before = run(today, offsets, workingDays).current;
        const after = run(today, offsets.filter((o) => o !== removed), workingDays).current;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('is at most the number of distinct check-in days up to today', () => {
    fc.assert(
      fc.property(scenario, ({ today, offsets, workingDays }) => {
        const s = run(today, offsets, workingDays);
        const distinctPast = new Set(offsets.filter((o) => o <= 0)).size;
        expect(s.current).toBeGreaterThanOrEqual(0);
        expect(s.current).toBeLessThanOrEqual(distinctPast);
      }),
    );
  });

  it('reports today and the risk consistently', () => {
    fc.assert(
      fc.property(scenario, ({ today, offsets, workingDays }) => {
        const s = run(today, offsets, workingDays);
        expect(s.checkedInToday).toBe(offsets.includes(0));
        const todayIsWorking = (workingDays as readonly number[]).includes(weekdayOfNumber(today));
        expect(s.atRisk).toBe(!s.checkedInToday && s.current > 0 && todayIsWorking);
        if (s.checkedInToday) expect(s.current).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('equals the check-in days after the last missed working day before today', () => {
    // An independent statement of the rule: find the latest working day before today with no
    // check-in; every check-in day after it, up to and including today, is in the streak.
    fc.assert(
      fc.property(scenario, ({ today, offsets, workingDays }) => {
        const checked = new Set(offsets.filter((o) => o <= 0));
        const working = new Set<number>(workingDays);
        const earliest = Math.min(0, ...checked);
        let lastMiss = earliest - 1;
        for (let o = -1; o >= earliest; o--) {
          const weekday = new Date((today + o) * 86_400_000).getUTCDay();
          if (working.has(weekday) && !checked.has(o)) {
            lastMiss = o;
            break;
          }
        }
        const expected = [...checked].filter((o) => o > lastMiss).length;
        expect(run(today, offsets, workingDays).current).toBe(expected);
      }),
    );
  });
});

describe('best streak, week and month, milestones', () => {
  const weekdays: Weekday[] = [1, 2, 3, 4, 5];
  const summary = (days: DayKey[], today: DayKey, workingDays: Weekday[] = weekdays) =>
    summarizeStreaks({ checkinDays: days, today, workingDays });

  it('remembers the longest run after a break', () => {
    // 2026-06-01 is a Monday: a full week, a missed Monday, then two days.
    const run = ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05'];
    const s = summary([...run, '2026-06-09', '2026-06-10'], '2026-06-10');
    expect(s.current).toBe(2);
    expect(s.best).toBe(5);
  });

  it('counts a weekend with check-ins into the run, and skips an empty one', () => {
    const s = summary(['2026-06-04', '2026-06-05', '2026-06-06', '2026-06-08'], '2026-06-08');
    expect(s).toMatchObject({ current: 4, best: 4 });
    expect(summary(['2026-06-05', '2026-06-08'], '2026-06-08')).toMatchObject({ current: 2, best: 2 });
  });

  it('counts days this week from Monday and this calendar month', () => {
    const s = summary(['2026-05-29', '2026-05-31', '2026-06-01', '2026-06-02', '2026-06-02', '2026-06-04'], '2026-06-04');
    expect(s.thisWeek).toBe(3); // Mon 1st, Tue 2nd, Thu 4th
    expect(s.thisMonth).toBe(3);
    // A Sunday belongs to the week that began the Monday before.
    expect(summary(['2026-06-01', '2026-06-07'], '2026-06-07').thisWeek).toBe(2);
  });

  it('celebrates each milestone once, the highest reached first, never the smaller ones afterwards', () => {
    expect(milestoneToCelebrate(6, [])).toBeNull();
    expect(milestoneToCelebrate(7, [])).toBe(7);
    expect(milestoneToCelebrate(8, [7])).toBeNull();
    expect(milestoneToCelebrate(31, [])).toBe(30);
    const after = celebrateMilestone(30, []);
    expect(after).toEqual([7, 30]);
    expect(milestoneToCelebrate(40, after)).toBeNull();
    expect(milestoneToCelebrate(90, after)).toBe(90);
    // A streak that breaks and climbs back is not celebrated twice.
    expect(milestoneToCelebrate(7, celebrateMilestone(7, []))).toBeNull();
  });

  it('keeps the invariants on random histories', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2030-12-31') }),
        fc.array(fc.integer({ min: -400, max: 0 }), { maxLength: 200 }),
        fc.subarray<Weekday>([0, 1, 2, 3, 4, 5, 6]),
        fc.integer({ min: -400, max: 0 }),
        (today, offsets, workingDays, extra) => {
          const key = dayKeyFromNumber(today);
          const days = offsets.map((o) => dayKeyFromNumber(today + o));
          const s = summarizeStreaks({ checkinDays: days, today: key, workingDays });
          const plain = computeStreak({ checkinDays: days, today: key, workingDays });
          expect(s.current).toBe(plain.current);
          expect(s.best).toBeGreaterThanOrEqual(s.current);
          expect(s.thisWeek).toBeLessThanOrEqual(7);
          expect(s.thisWeek).toBeLessThanOrEqual(s.thisMonth + 6);
          // Adding a day never lowers the best streak; removing every copy never raises it.
          const added = summarizeStreaks({ checkinDays: [...days, dayKeyFromNumber(today + extra)], today: key, workingDays });
          expect(added.best).toBeGreaterThanOrEqual(s.best);
          const removedKey = dayKeyFromNumber(today + extra);
          const removed = summarizeStreaks({ checkinDays: days.filter((d) => d !== removedKey), today: key, workingDays });
          expect(removed.best).toBeLessThanOrEqual(s.best);
        },
      ),
    );
  });
});
