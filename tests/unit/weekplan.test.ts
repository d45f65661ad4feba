import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDay, dayKey, dayNumber, instantAt, type DayKey, type Weekday } from '../../lib/days';
import { currentSlot, decidePrompt, type PromptDecision, type PromptInput, type ScheduleSettings } from '../../lib/schedule';
import { DEFAULT_SETTINGS, validateSettings, weekPlanFrom, windowSpan, type AwayRange, type TimeWindow, type WeekPlan } from '../../lib/settings';

// The week plan (windows per weekday) and away ranges, over DST changes in both hemispheres and
// every day-start hour. Every instant is built from a wall time in an explicit zone.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const h = (hours: number, minutes = 0) => hours * 60 + minutes;
const win = (start: number, end: number, overnight = false): TimeWindow => ({ start, end, overnight });

/** A plan from weekday → windows (the rest empty). */
function plan(days: Partial<Record<Weekday, TimeWindow[]>>): WeekPlan {
  return [0, 1, 2, 3, 4, 5, 6].map((d) => (days[d as Weekday] ?? []).map((w) => ({ ...w })));
}

function settings(patch: Partial<ScheduleSettings>): ScheduleSettings {
  return { ...DEFAULT_SETTINGS, ...patch };
}

function decide(now: number, timeZone: string, s: ScheduleSettings, patch: Partial<PromptInput> = {}): PromptDecision {
  return decidePrompt({ now, timeZone, settings: s, lastCheckinAt: null, snoozedUntil: null, pausedDay: null, idle: false, notifiedKey: null, ...patch });
}

const BERLIN = 'Europe/Berlin';
// 2026-06-15 is a Monday; no DST change near it in Berlin.
const MON = '2026-06-15';
const TUE = '2026-06-16';
const WED = '2026-06-17';
const FRI = '2026-06-19';
const SAT = '2026-06-20';
const SUN = '2026-06-21';
const at = (day: DayKey, hours: number, minutes = 0, zone = BERLIN) => instantAt(day, h(hours, minutes), zone);

describe('a week plan with different hours on different days', () => {
  // A part-time rota: Monday 09–17, Tuesday a split shift, Saturday a night shift into Sunday.
  const rota = settings({
    weekPlan: plan({ 1: [win(h(9), h(17))], 2: [win(h(7), h(11)), win(h(16), h(20))], 6: [win(h(22), h(6), true)] }),
    intervalMinutes: 120,
    dayStartHour: 4,
  });

  it('is due inside that day’s windows only', () => {
    expect(decide(at(MON, 10), BERLIN, rota).due).toBe(true);
    // Tuesday 10:00 is inside Tuesday's first window; Tuesday 13:00 is between its two.
    expect(decide(at(TUE, 10), BERLIN, rota).due).toBe(true);
    expect(decide(at(TUE, 13), BERLIN, rota)).toMatchObject({ due: false, reason: 'outside-window', nextAt: at(TUE, 16) });
    expect(decide(at(TUE, 16), BERLIN, rota).due).toBe(true);
    // Monday's hours do not apply on Wednesday, which has none.
    expect(decide(at(WED, 10), BERLIN, rota)).toMatchObject({ due: false, reason: 'outside-window', nextAt: at(SAT, 22) });
  });

  it('runs Saturday’s night shift into Sunday, then waits for Monday', () => {
    expect(decide(at(SAT, 23), BERLIN, rota)).toMatchObject({ due: true, slot: at(SAT, 22), nextAt: at(SUN, 0) });
    expect(decide(at(SUN, 5, 59), BERLIN, rota)).toMatchObject({ due: true, slot: at(SUN, 4) });
    expect(decide(at(SUN, 6), BERLIN, rota)).toMatchObject({ due: false, nextAt: at('2026-06-22', 9) });
  });

  it('the old single set of windows means the same plan on each reminder day', () => {
    const legacy = settings({ weekPlan: weekPlanFrom([1, 2, 3, 4, 5], [win(h(9), h(17))]) });
    expect(legacy.weekPlan).toEqual(DEFAULT_SETTINGS.weekPlan);
    expect(legacy.weekPlan[0]).toEqual([]);
    expect(legacy.weekPlan[6]).toEqual([]);
    expect(legacy.weekPlan[3]).toEqual([win(h(9), h(17))]);
  });
});

describe('away ranges', () => {
  const weekdays = settings({ dayStartHour: 4 }); // Mon–Fri 09–17 every 120 minutes

  it('silences every window of the days away, and says which range', () => {
    const away: AwayRange[] = [{ from: MON, to: WED }];
    const d = decide(at(TUE, 11), BERLIN, { ...weekdays, away });
    expect(d).toMatchObject({ due: false, reason: 'away', away: away[0], promptKey: null, notify: false });
    // The first slot after the range: Thursday 09:00, announced by the end of the range (Thursday 04:00).
    expect(d.nextAt).toBe(at('2026-06-18', 4));
    expect(decide(at('2026-06-18', 4), BERLIN, { ...weekdays, away }).nextAt).toBe(at('2026-06-18', 9));
    expect(decide(at('2026-06-18', 9), BERLIN, { ...weekdays, away })).toMatchObject({ due: true, away: null });
  });

  it('is reported between windows too, and not before or after the range', () => {
    const away: AwayRange[] = [{ from: WED, to: WED }];
    expect(decide(at(WED, 20), BERLIN, { ...weekdays, away }).reason).toBe('away');
    expect(decide(at(TUE, 20), BERLIN, { ...weekdays, away }).reason).toBe('outside-window');
    // With the day starting at 04:00, Thursday 03:00 is still Wednesday.
    expect(decide(at('2026-06-18', 3), BERLIN, { ...weekdays, away }).reason).toBe('away');
    expect(decide(at('2026-06-18', 4), BERLIN, { ...weekdays, away }).reason).toBe('outside-window');
  });

  it('comes before a pause, a snooze and an answered slot', () => {
    const away: AwayRange[] = [{ from: MON, to: MON }];
    const d = decide(at(MON, 10), BERLIN, { ...weekdays, away }, { pausedDay: MON, snoozedUntil: at(MON, 11), lastCheckinAt: at(MON, 9, 30) });
    expect(d.reason).toBe('away');
  });

  it('a window belongs to the person’s day it starts in (day-start hour)', () => {
    // Saturday 01:00–03:00 is still Friday's night for a day that starts at 04:00.
    const late = { weekPlan: plan({ 6: [win(h(1), h(3))] }), away: [{ from: FRI, to: FRI }] };
    expect(decide(at(SAT, 2), BERLIN, settings({ ...late, dayStartHour: 4 })).reason).toBe('away');
    expect(decide(at(SAT, 2), BERLIN, settings({ ...late, dayStartHour: 0 })).due).toBe(true);
  });

  it('an overnight window that starts on a day away stays quiet after midnight', () => {
    const nights = settings({ weekPlan: plan({ 5: [win(h(22), h(6), true)], 6: [win(h(22), h(6), true)] }), away: [{ from: FRI, to: FRI }], dayStartHour: 4 });
    const d = decide(at(SAT, 5), BERLIN, nights);
    expect(d).toMatchObject({ due: false, reason: 'away', away: { from: FRI, to: FRI } });
    expect(d.nextAt).toBe(at(SAT, 6));
    // Saturday's own night shift is not away.
    expect(decide(at(SAT, 22), BERLIN, nights).due).toBe(true);
  });

  it('a holiday longer than the lookahead still ends with an alarm at its end', () => {
    const away: AwayRange[] = [{ from: '2026-06-01', to: '2026-07-31' }];
    const d = decide(at(MON, 10), BERLIN, { ...weekdays, away });
    expect(d.reason).toBe('away');
    expect(d.nextAt).toBe(at('2026-08-01', 4));
  });

  it('a range in the past or the future changes nothing today', () => {
    const away: AwayRange[] = [{ from: '2026-05-01', to: '2026-05-03' }, { from: '2026-12-24', to: '2026-12-31' }];
    expect(decide(at(MON, 10), BERLIN, { ...weekdays, away })).toMatchObject({ due: true, away: null });
  });

  it('a range starting tomorrow is announced: the decision may change when it starts', () => {
    // Friday evening, away from Saturday: no window before, but Saturday 04:00 is a change.
    const away: AwayRange[] = [{ from: SAT, to: SUN }];
    expect(decide(at(FRI, 18), BERLIN, { ...weekdays, away }).nextAt).toBe(at(SAT, 4));
  });
});

describe('DST nights in both hemispheres', () => {
  it.each([
    // [zone, the day of the change, what happens]
    ['Europe/Berlin', '2026-03-29', 'spring forward 02:00 → 03:00'],
    ['Europe/Berlin', '2026-10-25', 'fall back 03:00 → 02:00'],
    ['America/New_York', '2026-03-08', 'spring forward 02:00 → 03:00'],
    ['America/New_York', '2026-11-01', 'fall back 02:00 → 01:00'],
    ['Australia/Sydney', '2026-10-04', 'spring forward 02:00 → 03:00 (southern spring)'],
    ['Australia/Sydney', '2026-04-05', 'fall back 03:00 → 02:00 (southern autumn)'],
    ['America/Santiago', '2026-09-06', 'spring forward at midnight: the day starts at 01:00'],
    ['America/Santiago', '2026-04-05', 'fall back at midnight: 23:00 → 23:59 twice'],
    ['America/Sao_Paulo', '2018-11-04', 'spring forward at midnight (Brazil still had DST)'],
    ['America/Sao_Paulo', '2019-02-17', 'fall back at midnight'],
  ] as const)('%s on %s (%s): a night shift on that day alone is due exactly while it runs', (zone, day, _what) => {
    const weekday = new Date(dayNumber(day) * DAY).getUTCDay() as Weekday;
    const before = addDays(day, -1);
    const beforeDay = new Date(dayNumber(before) * DAY).getUTCDay() as Weekday;
    // The night before the change runs through it; the day of the change has a morning window.
    const s = settings({
      weekPlan: plan({ [beforeDay]: [win(h(21), h(5), true)], [weekday]: [win(h(8), h(12))] }),
      intervalMinutes: 60,
      dayStartHour: 4,
    });
    const nightStart = instantAt(before, h(21), zone);
    const nightEnd = instantAt(day, h(5), zone);
    const morningStart = instantAt(day, h(8), zone);
    const morningEnd = instantAt(day, h(12), zone);
    for (let now = nightStart - HOUR; now < morningEnd + HOUR; now += 5 * MINUTE) {
      const d = decide(now, zone, s);
      const inside = (now >= nightStart && now < nightEnd) || (now >= morningStart && now < morningEnd);
      expect(d.due, new Date(now).toISOString()).toBe(inside);
      expect(d.nextAt!, new Date(now).toISOString()).toBeGreaterThan(now);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const DST_NIGHTS: [string, number][] = [
  ['Europe/Berlin', Date.UTC(2026, 2, 29, 1)],
  ['Europe/Berlin', Date.UTC(2026, 9, 25, 1)],
  ['America/New_York', Date.UTC(2026, 2, 8, 7)],
  ['America/New_York', Date.UTC(2026, 10, 1, 6)],
  ['America/Santiago', Date.UTC(2026, 3, 5, 3)],
  ['America/Santiago', Date.UTC(2026, 8, 6, 4)],
  ['America/Sao_Paulo', Date.UTC(2018, 10, 4, 3)],
  ['America/Sao_Paulo', Date.UTC(2019, 1, 17, 2)],
  ['Australia/Sydney', Date.UTC(2026, 3, 4, 16)],
  ['Australia/Sydney', Date.UTC(2026, 9, 3, 16)],
];

const whereAndWhen = fc
  .tuple(fc.constantFrom(...DST_NIGHTS), fc.integer({ min: -36 * 60, max: 36 * 60 }))
  .map(([[timeZone, transition], minutes]) => ({ timeZone, now: transition + minutes * MINUTE }));

/** A day's windows on the quarter hour: up to two in the day, and maybe a night shift at its end. */
const dayArb: fc.Arbitrary<TimeWindow[]> = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 4 }),
    night: fc.option(fc.record({ start: fc.integer({ min: 72, max: 95 }), end: fc.integer({ min: 0, max: 32 }) })),
  })
  .map(({ cuts, night }) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const windows: TimeWindow[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) windows.push(win(sorted[i]! * 15, sorted[i + 1]! * 15));
    const lastEnd = windows.at(-1)?.end ?? 0;
    if (night && night.start * 15 >= lastEnd) windows.push(win(night.start * 15, night.end * 15, true));
    return windows;
  });

const settingsArb = (away: fc.Arbitrary<AwayRange[]>) =>
  fc
    .record({
      weekPlan: fc.array(dayArb, { minLength: 7, maxLength: 7 }),
      away,
      intervalMinutes: fc.constantFrom(15, 30, 45, 60, 90, 120, 240),
      dayStartHour: fc.integer({ min: 0, max: 12 }),
    })
    .map((s): ScheduleSettings => ({ ...DEFAULT_SETTINGS, ...s }))
    .filter((s) => validateSettings({ ...DEFAULT_SETTINGS, ...s }).length === 0);

/** Away ranges around the DST nights above (days as offsets from the night's day). */
const awayNear = (anchor: DayKey) =>
  fc.array(
    fc.record({ from: fc.integer({ min: -5, max: 5 }), length: fc.integer({ min: 1, max: 20 }) }).map(({ from, length }) => ({
      from: addDays(anchor, from),
      to: addDays(anchor, from + length - 1),
    })),
    { maxLength: 3 },
  );

const caseArb = whereAndWhen.chain(({ timeZone, now }) =>
  settingsArb(awayNear(calendarDay(now, timeZone))).map((s) => ({ timeZone, now, settings: s })),
);

/**
 * The oracle: the windows of today and yesterday (by calendar day), each from the instant its
 * start reads on the wall clock to the instant its end does, and silenced when the person's
 * day it starts in (day-start hour) is in an away range.
 */
function oracle(now: number, timeZone: string, s: ScheduleSettings): { inside: boolean; silenced: boolean } {
  const today = calendarDay(now, timeZone);
  let inside = false;
  let silenced = false;
  for (const base of [today, addDays(today, -1)]) {
    const weekday = new Date(dayNumber(base) * DAY).getUTCDay() as Weekday;
    for (const w of s.weekPlan[weekday]!) {
      const [start, end] = windowSpan(w);
      if (now < instantAt(base, start, timeZone) || now >= instantAt(base, end, timeZone)) continue;
      const owner = start < s.dayStartHour * 60 ? addDays(base, -1) : base;
      if (s.away.some((r) => r.from <= owner && owner <= r.to)) silenced = true;
      else inside = true;
    }
  }
  return { inside, silenced };
}

describe('week plan properties over DST nights, day-start hours, overnight windows and away ranges', () => {
  it('is due exactly inside a window of a day not away, and never on a day away', () => {
    fc.assert(
      fc.property(caseArb, ({ timeZone, now, settings: s }) => {
        const d = decide(now, timeZone, s);
        const { inside, silenced } = oracle(now, timeZone, s);
        const todayAway = s.away.some((r) => r.from <= dayKey(now, timeZone, s.dayStartHour) && dayKey(now, timeZone, s.dayStartHour) <= r.to);
        expect(d.due).toBe(inside && !todayAway);
        if (todayAway || silenced) expect(d.reason).toBe('away');
        if (d.reason === 'away') expect(d.away).not.toBeNull();
        else expect(d.away).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('always sets a next look after now, and nothing changes before it', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), ({ timeZone, now, settings: s }, fraction) => {
        const d = decide(now, timeZone, s);
        expect(d.nextAt).not.toBeNull();
        expect(d.nextAt!).toBeGreaterThan(now);
        const later = now + Math.floor((d.nextAt! - now) * fraction);
        const l = decide(later, timeZone, s);
        expect(l.slot).toBe(d.slot);
        expect(l.due).toBe(d.due);
        expect(currentSlot(later, timeZone, s)?.at ?? null).toBe(d.slot);
      }),
      { numRuns: 300 },
    );
  });

  it('an away range only ever takes prompts away', () => {
    fc.assert(
      fc.property(caseArb, ({ timeZone, now, settings: s }) => {
        const withAway = decide(now, timeZone, s);
        const without = decide(now, timeZone, { ...s, away: [] });
        if (withAway.due) expect(without).toMatchObject({ due: true, slot: withAway.slot });
        // Without a range the decision names none.
        expect(without.away).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('following the single alarm from one nextAt to the next meets every slot of two days', () => {
    fc.assert(
      fc.property(caseArb, ({ timeZone, now, settings: s }) => {
        // Walk the alarm chain; at each stop note the slot. Then check by minutes that every
        // slot that really began in that span was seen at one of the stops.
        const end = now + 2 * DAY;
        const seen = new Set<number>();
        let t = now;
        let steps = 0;
        while (t < end && steps++ < 500) {
          const d = decide(t, timeZone, s);
          if (d.due && d.slot !== null) seen.add(d.slot);
          t = d.nextAt!;
        }
        for (let m = now; m < end; m += 15 * MINUTE) {
          const d = decide(m, timeZone, s);
          if (d.due && d.slot !== null && d.slot >= now) expect(seen.has(d.slot), new Date(m).toISOString()).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
    // Two days walked minute by quarter hour, 25 times: slow beside the others when the zone suites run together.
  }, 30_000);
});
