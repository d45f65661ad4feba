import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDay, instantAt, wallTime, type DayKey, type Weekday } from '../../lib/days';
import { currentSlot, decidePrompt, type PromptDecision, type PromptInput, type ScheduleSettings } from '../../lib/schedule';
import { DEFAULT_SETTINGS, validateSettings, weekPlanFrom, type Settings, type TimeWindow } from '../../lib/settings';

// Every instant is built from an explicit wall time in an explicit zone, never the machine's TZ.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const h = (hours: number, minutes = 0) => hours * 60 + minutes;

const TZ = 'Europe/Berlin';
// A June week in Berlin (no DST change near it): the 15th is a Monday.
const MON = '2026-06-15';
const TUE = '2026-06-16';
const THU = '2026-06-18';
const FRI = '2026-06-19';
const SAT = '2026-06-20';
const SUN = '2026-06-21';
const NEXT_MON = '2026-06-22';

/** The instant the wall clock in `zone` reads hours:minutes on `day`. */
function at(day: DayKey, hours: number, minutes = 0, zone = TZ): number {
  return instantAt(day, h(hours, minutes), zone);
}

function decide(now: number, patch: Partial<PromptInput> = {}): PromptDecision {
  return decidePrompt({
    now,
    timeZone: TZ,
    settings: DEFAULT_SETTINGS,
    lastCheckinAt: null,
    snoozedUntil: null,
    pausedDay: null,
    idle: false,
    notifiedKey: null,
    ...patch,
  });
}

/** The default settings, with `windows` (when given) on each of the default Monday-to-Friday days. */
function withSettings({ windows, ...patch }: Partial<ScheduleSettings> & { windows?: TimeWindow[] }): ScheduleSettings {
  return { ...DEFAULT_SETTINGS, ...(windows ? { weekPlan: weekPlanFrom([1, 2, 3, 4, 5], windows) } : {}), ...patch };
}

describe('decidePrompt with the default settings (Mon–Fri 09:00–17:00 every 120 min)', () => {
  it('is due at the 09:00 slot when nobody has checked in', () => {
    const d = decide(at(MON, 9));
    expect(d).toMatchObject({ due: true, reason: 'due', slot: at(MON, 9), notify: true, nextAt: at(MON, 11) });
    expect(d.promptKey).not.toBeNull();
  });

  it('is not due a minute before the window, and says when to look again', () => {
    expect(decide(at(MON, 8, 59))).toEqual({
      due: false,
      reason: 'outside-window',
      slot: null,
      promptKey: null,
      notify: false,
      nextAt: at(MON, 9),
      away: null,
    });
  });

  it.each([
    [9, 0, 9],
    [10, 59, 9],
    [11, 0, 11],
    [12, 30, 11],
    [13, 0, 13],
    [15, 0, 15],
    [16, 59, 15],
  ])('at %d:%d the current slot is %d:00', (hour, minute, slotHour) => {
    const d = decide(at(MON, hour, minute));
    expect(d.due).toBe(true);
    expect(d.slot).toBe(at(MON, slotHour));
    expect(currentSlot(at(MON, hour, minute), TZ, DEFAULT_SETTINGS)).toEqual({ at: at(MON, slotHour), windowEnd: at(MON, 17) });
  });

  it('keeps the last slot due until the window ends at 17:00, then stops', () => {
    expect(decide(at(MON, 15, 30)).nextAt).toBe(at(MON, 17));
    const after = decide(at(MON, 17));
    expect(after).toMatchObject({ due: false, reason: 'outside-window', slot: null, notify: false });
    expect(after.nextAt).toBe(at(TUE, 9));
  });

  it('gives each slot its own prompt key', () => {
    const keys = [9, 11, 13, 15].map((hour) => decide(at(MON, hour, 5)).promptKey);
    expect(new Set(keys).size).toBe(4);
    expect(decide(at(MON, 9, 5)).promptKey).toBe(decide(at(MON, 10, 55)).promptKey);
    expect(decide(at(MON, 9, 5)).promptKey).not.toBe(decide(at(TUE, 9, 5)).promptKey);
  });

  it.each([
    ['early morning', MON, 3, 0],
    ['evening', MON, 20, 0],
    ['Saturday mid-morning', SAT, 10, 0],
    ['Sunday noon', SUN, 12, 0],
  ])('is not due in the %s', (_label, day, hour, minute) => {
    const d = decide(at(day, hour, minute));
    expect(d).toMatchObject({ due: false, reason: 'outside-window', slot: null, promptKey: null, notify: false });
  });

  it('looks again on Monday at 09:00 from the weekend', () => {
    expect(decide(at(SAT, 10)).nextAt).toBe(at(NEXT_MON, 9));
    expect(decide(at(SUN, 23, 59)).nextAt).toBe(at(NEXT_MON, 9));
  });

  it('carries nextAt across midnight: after 17:00 on Friday the next slot is Monday 09:00', () => {
    expect(decide(at(FRI, 17)).nextAt).toBe(at(NEXT_MON, 9));
    expect(decide(at(FRI, 23, 30)).nextAt).toBe(at(NEXT_MON, 9));
    expect(decide(at(SAT, 0, 0)).nextAt).toBe(at(NEXT_MON, 9));
    expect(decide(at(THU, 20)).nextAt).toBe(at(FRI, 9));
  });
});

describe('answered slots', () => {
  it('is answered by a check-in after the slot began', () => {
    const d = decide(at(MON, 10), { lastCheckinAt: at(MON, 9, 10) });
    expect(d).toMatchObject({ due: false, reason: 'answered', slot: at(MON, 9), promptKey: null, notify: false });
    expect(d.nextAt).toBe(at(MON, 11));
  });

  it('is answered by a check-in up to half an interval (60 min) before the slot', () => {
    expect(decide(at(MON, 9, 5), { lastCheckinAt: at(MON, 8) }).reason).toBe('answered');
    expect(decide(at(MON, 9, 5), { lastCheckinAt: at(MON, 8, 1) }).reason).toBe('answered');
    expect(decide(at(MON, 11), { lastCheckinAt: at(MON, 10, 15) }).reason).toBe('answered');
  });

  it('is not answered by a check-in more than half an interval before the slot', () => {
    expect(decide(at(MON, 9, 5), { lastCheckinAt: at(MON, 7, 59) })).toMatchObject({ due: true, reason: 'due' });
  });

  it('does not let a check-in 90 minutes before the 11:00 slot answer it', () => {
    const d = decide(at(MON, 11, 5), { lastCheckinAt: at(MON, 9, 30) });
    expect(d).toMatchObject({ due: true, reason: 'due', slot: at(MON, 11), notify: true });
  });

  it('uses half of the configured interval as the grace period', () => {
    const every30 = withSettings({ intervalMinutes: 30 });
    // Slots at 09:00, 09:30, …; grace 15 minutes.
    expect(decide(at(MON, 9, 30), { settings: every30, lastCheckinAt: at(MON, 9, 15) }).reason).toBe('answered');
    expect(decide(at(MON, 9, 30), { settings: every30, lastCheckinAt: at(MON, 9, 14) }).reason).toBe('due');
  });

  it('does not let yesterday’s check-in answer today', () => {
    expect(decide(at(TUE, 9), { lastCheckinAt: at(MON, 16, 59) }).reason).toBe('due');
  });
});

describe('split windows 08:00–12:00 and 13:00–17:00', () => {
  const split = withSettings({
    windows: [
      { start: h(8), end: h(12), overnight: false },
      { start: h(13), end: h(17), overnight: false },
    ],
  });

  it('is due in the morning window until it ends at 12:00', () => {
    const d = decide(at(MON, 11, 59), { settings: split });
    expect(d).toMatchObject({ due: true, slot: at(MON, 10), nextAt: at(MON, 12) });
  });

  it('does not prompt at 12:30 and looks again at 13:00', () => {
    const d = decide(at(MON, 12, 30), { settings: split });
    expect(d).toMatchObject({ due: false, reason: 'outside-window', slot: null, nextAt: at(MON, 13) });
  });

  it('starts the afternoon with a slot at 13:00', () => {
    expect(decide(at(MON, 13), { settings: split })).toMatchObject({ due: true, slot: at(MON, 13), nextAt: at(MON, 15) });
  });
});

describe('an overnight window 22:00–06:00 on working days Mon–Fri', () => {
  const night = withSettings({ windows: [{ start: h(22), end: h(6), overnight: true }] });

  it('prompts at 02:00 on Saturday for the Friday night shift', () => {
    const d = decide(at(SAT, 2), { settings: night });
    expect(d).toMatchObject({ due: true, reason: 'due', slot: at(SAT, 2), nextAt: at(SAT, 4) });
  });

  it('starts the shift with a slot at 22:00 on Friday and runs through midnight', () => {
    expect(decide(at(FRI, 22), { settings: night })).toMatchObject({ due: true, slot: at(FRI, 22) });
    expect(decide(at(FRI, 23, 59), { settings: night })).toMatchObject({ due: true, slot: at(FRI, 22), nextAt: at(SAT, 0) });
    expect(decide(at(SAT, 0, 0), { settings: night })).toMatchObject({ due: true, slot: at(SAT, 0) });
  });

  it('ends the shift at 06:00 on Saturday and waits for Monday night', () => {
    expect(decide(at(SAT, 5, 59), { settings: night })).toMatchObject({ due: true, slot: at(SAT, 4), nextAt: at(SAT, 6) });
    const d = decide(at(SAT, 6), { settings: night });
    expect(d).toMatchObject({ due: false, reason: 'outside-window', nextAt: at(NEXT_MON, 22) });
  });

  it('has no shift on Saturday or Sunday night', () => {
    expect(decide(at(SAT, 23), { settings: night }).reason).toBe('outside-window');
    // 02:00 on Monday belongs to Sunday night, which is not a working night.
    expect(decide(at(NEXT_MON, 2), { settings: night }).reason).toBe('outside-window');
    expect(decide(at(NEXT_MON, 2), { settings: night }).nextAt).toBe(at(NEXT_MON, 22));
  });

  it('pauses the rest of the night when paused on Friday evening (the day starts at 04:00)', () => {
    expect(decide(at(SAT, 2), { settings: night, pausedDay: FRI }).reason).toBe('paused');
  });
});

describe('snooze', () => {
  it('holds the prompt until the snooze ends, and looks again then', () => {
    const d = decide(at(MON, 9, 5), { snoozedUntil: at(MON, 9, 35) });
    expect(d).toMatchObject({ due: false, reason: 'snoozed', slot: at(MON, 9), promptKey: null, notify: false });
    expect(d.nextAt).toBe(at(MON, 9, 35));
  });

  it('prompts again once the snooze runs out in the same slot, even though the slot was notified', () => {
    const first = decide(at(MON, 9));
    expect(first.notify).toBe(true);
    const afterSnooze = decide(at(MON, 9, 35), { snoozedUntil: at(MON, 9, 35), notifiedKey: first.promptKey });
    expect(afterSnooze).toMatchObject({ due: true, reason: 'due', slot: at(MON, 9), notify: true });
    expect(afterSnooze.promptKey).not.toBe(first.promptKey);
    // …and only once.
    const again = decide(at(MON, 9, 50), { snoozedUntil: at(MON, 9, 35), notifiedKey: afterSnooze.promptKey });
    expect(again).toMatchObject({ due: true, notify: false });
  });

  it('does not carry an old snooze into the next slot', () => {
    const plain = decide(at(MON, 11, 5));
    const stale = decide(at(MON, 11, 5), { snoozedUntil: at(MON, 9, 35) });
    expect(stale.promptKey).toBe(plain.promptKey);
  });

  it('keeps the next slot as nextAt when the snooze lasts longer', () => {
    const d = decide(at(MON, 9, 5), { snoozedUntil: at(MON, 12) });
    expect(d.reason).toBe('snoozed');
    expect(d.nextAt).toBe(at(MON, 11));
    expect(decide(at(MON, 11), { snoozedUntil: at(MON, 12) }).reason).toBe('snoozed');
  });

  it('wakes at the snooze end even outside the window', () => {
    expect(decide(at(MON, 8), { snoozedUntil: at(MON, 8, 20) }).nextAt).toBe(at(MON, 8, 20));
  });

  it('lets a check-in during a snooze answer the slot', () => {
    expect(decide(at(MON, 9, 10), { snoozedUntil: at(MON, 9, 35), lastCheckinAt: at(MON, 9, 8) }).reason).toBe(
      'answered',
    );
  });
});

describe('pause today', () => {
  it('holds every prompt for the paused day', () => {
    for (const hour of [9, 11, 15]) {
      const d = decide(at(MON, hour, 1), { pausedDay: MON });
      expect(d).toMatchObject({ due: false, reason: 'paused', promptKey: null, notify: false });
    }
  });

  it('ends with the day: the next working day prompts again', () => {
    expect(decide(at(TUE, 9), { pausedDay: MON })).toMatchObject({ due: true, reason: 'due' });
  });

  it('still says when to look again', () => {
    expect(decide(at(MON, 9, 1), { pausedDay: MON }).nextAt).toBe(at(MON, 11));
  });
});

describe('notifications', () => {
  it('keeps the prompt due but holds the notification while the person is away', () => {
    expect(decide(at(MON, 9), { idle: true })).toMatchObject({ due: true, reason: 'due', notify: false });
  });

  it('notifies once per slot: not again when this prompt was already notified', () => {
    const first = decide(at(MON, 9));
    const later = decide(at(MON, 10), { notifiedKey: first.promptKey });
    expect(later).toMatchObject({ due: true, notify: false });
    expect(later.promptKey).toBe(first.promptKey);
  });

  it('notifies again for the next slot', () => {
    const first = decide(at(MON, 9));
    expect(decide(at(MON, 11), { notifiedKey: first.promptKey })).toMatchObject({ due: true, notify: true });
  });

  it('notifies when the person comes back to a slot not yet notified', () => {
    const away = decide(at(MON, 9), { idle: true });
    expect(decide(at(MON, 9, 30), { notifiedKey: null })).toMatchObject({ notify: true, promptKey: away.promptKey });
  });
});

describe('DST days with all days working and one window 00:00–24:00', () => {
  const LA = 'America/Los_Angeles';
  const allDay = (intervalMinutes: number): ScheduleSettings => ({
    weekPlan: weekPlanFrom([0, 1, 2, 3, 4, 5, 6], [{ start: 0, end: 1440, overnight: false }]),
    away: [],
    intervalMinutes,
    dayStartHour: 4,
  });

  const days: [string, DayKey][] = [
    [LA, '2026-03-08'],
    [LA, '2026-11-01'],
    ['Europe/Berlin', '2026-03-29'],
    ['Europe/Berlin', '2026-10-25'],
    ['Australia/Sydney', '2026-10-04'],
    ['Australia/Sydney', '2026-04-05'],
    ['Pacific/Auckland', '2026-09-27'],
    ['Pacific/Auckland', '2026-04-05'],
  ];

  describe.each([60, 30])('every %d minutes', (interval) => {
    it.each(days)('%s on %s: nextAt is always later, slots on the interval grid, never moving back', (zone, day) => {
      const settings = allDay(interval);
      const from = instantAt(day, 0, zone) - 2 * HOUR;
      const to = instantAt(addDays(day, 1), 0, zone) + 2 * HOUR;
      let previous: PromptDecision | null = null;
      for (let now = from; now <= to; now += 5 * MINUTE) {
        const label = `${zone} ${new Date(now).toISOString()}`;
        const d = decide(now, { timeZone: zone, settings });
        expect(d.due, label).toBe(true);
        expect(d.slot, label).not.toBeNull();
        expect(d.nextAt, label).not.toBeNull();
        const slot = d.slot!;
        const nextAt = d.nextAt!;
        expect(nextAt, label).toBeGreaterThan(now);
        expect(nextAt - now, label).toBeLessThanOrEqual(interval * MINUTE + HOUR);
        expect(slot, label).toBeLessThanOrEqual(now);
        for (const t of [slot, nextAt]) {
          const w = wallTime(t, zone);
          expect((w.hour * 60 + w.minute) % interval, label).toBe(0);
          expect(w.second, label).toBe(0);
        }
        if (previous) {
          // A slot once left is never current again: no second notification for it.
          expect(slot, label).toBeGreaterThanOrEqual(previous.slot!);
          // Nothing changes before the nextAt announced earlier.
          if (now < previous.nextAt!) expect(slot, label).toBe(previous.slot);
        }
        previous = d;
      }
    });
  });

  it.each([
    [LA, '2026-03-08', [0, 1, ...range(3, 23)]],
    [LA, '2026-11-01', range(0, 23)],
    ['Europe/Berlin', '2026-03-29', [0, 1, ...range(3, 23)]],
    ['Europe/Berlin', '2026-10-25', range(0, 23)],
    ['Australia/Sydney', '2026-10-04', [0, 1, ...range(3, 23)]],
    ['Australia/Sydney', '2026-04-05', range(0, 23)],
    ['Pacific/Auckland', '2026-09-27', [0, 1, ...range(3, 23)]],
    ['Pacific/Auckland', '2026-04-05', range(0, 23)],
  ])('%s on %s: following nextAt visits one slot per existing wall-clock hour', (zone, day, hours) => {
    const settings = allDay(60);
    const end = instantAt(addDays(day, 1), 0, zone);
    const seen: number[] = [];
    let now: number = instantAt(day, 0, zone);
    while (now < end) {
      const d = decide(now, { timeZone: zone, settings });
      expect(d.slot).toBe(now);
      expect(calendarDay(now, zone)).toBe(day);
      seen.push(wallTime(now, zone).hour);
      now = d.nextAt!;
    }
    expect(now).toBe(end);
    expect(seen).toEqual(hours);
  });

  it('a night shift with 30-minute slots across the LA fall-back never re-prompts an earlier slot', () => {
    const settings: ScheduleSettings = {
      weekPlan: weekPlanFrom([0, 1, 2, 3, 4, 5, 6], [{ start: h(22), end: h(6), overnight: true }]),
      away: [],
      intervalMinutes: 30,
      dayStartHour: 4,
    };
    // From 22:00 PDT on 31 October to 06:00 PST on 1 November: nine hours of real time.
    const from = instantAt('2026-10-31', h(22), LA);
    const to = instantAt('2026-11-01', h(6), LA);
    expect(to - from).toBe(9 * HOUR);
    let notifiedKey: string | null = null;
    const notifiedSlots: number[] = [];
    for (let now = from; now < to; now += 5 * MINUTE) {
      const d = decidePrompt({
        now,
        timeZone: LA,
        settings,
        lastCheckinAt: null,
        snoozedUntil: null,
        pausedDay: null,
        idle: false,
        notifiedKey,
      });
      expect(d.due, new Date(now).toISOString()).toBe(true);
      if (d.notify) {
        notifiedKey = d.promptKey;
        notifiedSlots.push(d.slot!);
      }
    }
    // Each slot notified once, in order, and no slot before one already notified.
    expect(notifiedSlots).toEqual([...new Set(notifiedSlots)].sort((a, b) => a - b));
    // 22:00 to 06:00 by the wall clock every 30 minutes, minus the repeated hour's second pass.
    expect(notifiedSlots).toHaveLength(16);
  });
});

describe('windows with slots inside the spring-forward gap (America/Los_Angeles, 2026-03-08)', () => {
  const LA = 'America/Los_Angeles';
  it.each([
    ['00:00–03:15', 45, { start: 0, end: h(3, 15), overnight: false }],
    ['02:00–03:45', 45, { start: h(2), end: h(3, 45), overnight: false }],
    ['01:30–05:00', 20, { start: h(1, 30), end: h(5), overnight: false }],
    ['22:00–04:00 overnight', 45, { start: h(22), end: h(4), overnight: true }],
  ] as [string, number, TimeWindow][])('%s every %d min: the slot changes only at the announced nextAt', (_label, interval, window) => {
    const settings: ScheduleSettings = {
      weekPlan: weekPlanFrom([0, 1, 2, 3, 4, 5, 6], [window]),
      away: [],
      intervalMinutes: interval,
      dayStartHour: 0,
    };
    const from = instantAt('2026-03-07', h(21), LA);
    const to = instantAt('2026-03-08', h(6), LA);
    let previous: PromptDecision | null = null;
    for (let now = from; now <= to; now += MINUTE) {
      const label = new Date(now).toISOString();
      const d = decide(now, { timeZone: LA, settings });
      expect(d.nextAt!, label).toBeGreaterThan(now);
      if (previous) {
        if (now < previous.nextAt!) expect(d.slot, label).toBe(previous.slot);
        if (previous.slot !== null && d.slot !== null) expect(d.slot, label).toBeGreaterThanOrEqual(previous.slot);
      }
      previous = d;
    }
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('decidePrompt properties', () => {
  const zones = [
    'UTC',
    'America/Los_Angeles',
    'America/New_York',
    'America/St_Johns',
    'America/Santiago',
    'America/Havana',
    'Europe/Berlin',
    'Europe/London',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Asia/Tehran',
    'Australia/Sydney',
    'Australia/Lord_Howe',
    'Pacific/Auckland',
    'Pacific/Chatham',
    'Pacific/Kiritimati',
  ];

  const windowArb: fc.Arbitrary<TimeWindow> = fc.oneof(
    fc
      .record({ start: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 1, max: 1440 }) })
      .filter(({ start, length }) => start + length <= 1440)
      .map(({ start, length }) => ({ start, end: start + length, overnight: false })),
    fc
      .record({ start: fc.integer({ min: 0, max: 1439 }), end: fc.integer({ min: 0, max: 1439 }) })
      .filter(({ start, end }) => end <= start)
      .map(({ start, end }) => ({ start, end, overnight: true })),
    // Windows on the quarter hour, as people set them, including ones around 01:00–04:00.
    fc
      .record({ start: fc.integer({ min: 0, max: 32 }), end: fc.integer({ min: 1, max: 96 }) })
      .filter(({ start, end }) => end > start)
      .map(({ start, end }) => ({ start: start * 15, end: end * 15, overnight: false })),
    fc
      .record({ start: fc.integer({ min: 72, max: 95 }), end: fc.integer({ min: 0, max: 24 }) })
      .map(({ start, end }) => ({ start: start * 15, end: end * 15, overnight: true })),
  );

  const settingsArb: fc.Arbitrary<Settings> = fc
    .record({
      workingDays: fc.subarray([0, 1, 2, 3, 4, 5, 6] as const, { minLength: 1 }),
      windows: fc.array(windowArb, { minLength: 1, maxLength: 3 }),
      intervalMinutes: fc.oneof(fc.integer({ min: 15, max: 720 }), fc.constantFrom(15, 20, 30, 45, 60, 90, 120)),
      dayStartHour: fc.integer({ min: 0, max: 12 }),
    })
    .map(({ workingDays, windows, ...s }) => ({ ...DEFAULT_SETTINGS, ...s, weekPlan: weekPlanFrom(workingDays, windows) }))
    .filter((s) => validateSettings(s).length === 0);

  const NOW_MIN = Date.UTC(2000, 0, 1);
  const NOW_MAX = Date.UTC(2037, 11, 31);

  // Approximate DST transitions in 2026 (a wrong guess only makes an ordinary instant), so
  // that half of the runs land within a day and a bit of a 23- or 25-hour day.
  const DST_NIGHTS: [string, number][] = [
    ['America/Los_Angeles', Date.UTC(2026, 2, 8, 10)],
    ['America/Los_Angeles', Date.UTC(2026, 10, 1, 9)],
    ['America/New_York', Date.UTC(2026, 2, 8, 7)],
    ['America/New_York', Date.UTC(2026, 10, 1, 6)],
    ['America/St_Johns', Date.UTC(2026, 2, 8, 5, 30)],
    ['America/Havana', Date.UTC(2026, 2, 8, 5)],
    ['America/Santiago', Date.UTC(2026, 3, 5, 3)],
    ['America/Santiago', Date.UTC(2026, 8, 6, 4)],
    ['Europe/Berlin', Date.UTC(2026, 2, 29, 1)],
    ['Europe/Berlin', Date.UTC(2026, 9, 25, 1)],
    ['Europe/London', Date.UTC(2026, 2, 29, 1)],
    ['Europe/London', Date.UTC(2026, 9, 25, 1)],
    ['Australia/Sydney', Date.UTC(2026, 3, 4, 16)],
    ['Australia/Sydney', Date.UTC(2026, 9, 3, 16)],
    ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)],
    ['Australia/Lord_Howe', Date.UTC(2026, 9, 3, 15, 30)],
    ['Pacific/Auckland', Date.UTC(2026, 3, 4, 14)],
    ['Pacific/Auckland', Date.UTC(2026, 8, 26, 14)],
    ['Pacific/Chatham', Date.UTC(2026, 3, 4, 14)],
    ['Pacific/Chatham', Date.UTC(2026, 8, 26, 14)],
  ];

  const whereAndWhen = fc.oneof(
    fc.record({ now: fc.integer({ min: NOW_MIN, max: NOW_MAX }), timeZone: fc.constantFrom(...zones) }),
    fc
      .tuple(fc.constantFrom(...DST_NIGHTS), fc.integer({ min: -30 * 60, max: 30 * 60 }))
      .map(([[timeZone, transition], minutes]) => ({ timeZone, now: transition + minutes * MINUTE })),
  );

  const inputArb = fc
    .record({
      whereAndWhen,
      settings: settingsArb,
      checkinAgo: fc.option(fc.integer({ min: -2 * HOUR, max: 3 * 24 * HOUR })),
      snoozeIn: fc.option(fc.integer({ min: -12 * HOUR, max: 12 * HOUR })),
      pausedOffset: fc.option(fc.integer({ min: -2, max: 2 })),
      idle: fc.boolean(),
      notifiedKey: fc.option(fc.string()),
    })
    .map(({ whereAndWhen: { now, timeZone }, settings, checkinAgo, snoozeIn, pausedOffset, idle, notifiedKey }): PromptInput => ({
      now,
      timeZone,
      settings,
      lastCheckinAt: checkinAgo === null ? null : now - checkinAgo,
      snoozedUntil: snoozeIn === null ? null : now + snoozeIn,
      pausedDay: pausedOffset === null ? null : addDays(calendarDay(now, timeZone), pausedOffset),
      idle,
      notifiedKey,
    }));

  it('never throws, always looks ahead, and is internally consistent', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = decidePrompt(input);
        // Valid settings always have a working day within a week.
        expect(d.nextAt).not.toBeNull();
        expect(d.nextAt!).toBeGreaterThan(input.now);
        expect(d.nextAt! - input.now).toBeLessThanOrEqual(8 * 24 * HOUR);
        if (d.slot !== null) expect(d.slot).toBeLessThanOrEqual(input.now);
        expect(d.due).toBe(d.reason === 'due');
        if (d.due) {
          expect(d.slot).not.toBeNull();
          expect(d.promptKey).not.toBeNull();
        } else {
          expect(d.promptKey).toBeNull();
          expect(d.notify).toBe(false);
        }
        if (d.notify) {
          expect(input.idle).toBe(false);
          expect(d.promptKey).not.toBe(input.notifiedKey);
        }
        if (d.reason === 'outside-window') expect(d.slot).toBeNull();
        // Between windows a chosen pause or snooze is still reported as such.
        if (d.slot === null) expect(['outside-window', 'paused', 'snoozed']).toContain(d.reason);
        expect(currentSlot(input.now, input.timeZone, input.settings)?.at ?? null).toBe(d.slot);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the same slot until nextAt', () => {
    fc.assert(
      fc.property(inputArb, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (input, fraction) => {
        const d = decidePrompt(input);
        const later = input.now + Math.floor((d.nextAt! - input.now) * fraction);
        expect(currentSlot(later, input.timeZone, input.settings)?.at ?? null).toBe(d.slot);
      }),
      { numRuns: 300 },
    );
  });

  it('matches plain minute arithmetic in UTC, where no day is longer or shorter', () => {
    const DAY = 24 * HOUR;
    fc.assert(
      fc.property(
        fc.integer({ min: NOW_MIN, max: NOW_MAX }),
        settingsArb,
        (now, settings) => {
          // The oracle: today's windows, then yesterday's windows reaching past midnight.
          const todayN = Math.floor(now / DAY);
          let expected: number | null = null;
          for (const baseN of [todayN, todayN - 1]) {
            const weekday = new Date(baseN * DAY).getUTCDay() as Weekday;
            const offset = Math.floor((now - baseN * DAY) / MINUTE);
            for (const w of settings.weekPlan[weekday]!) {
              const end = w.overnight ? w.end + 1440 : w.end;
              if (offset < w.start || offset >= end) continue;
              const slotMinute = w.start + Math.floor((offset - w.start) / settings.intervalMinutes) * settings.intervalMinutes;
              expected = baseN * DAY + slotMinute * MINUTE;
            }
          }
          const d = decidePrompt({
            now,
            timeZone: 'UTC',
            settings,
            lastCheckinAt: null,
            snoozedUntil: null,
            pausedDay: null,
            idle: false,
            notifiedKey: null,
          });
          expect(d.slot).toBe(expected);
          expect(d.due).toBe(expected !== null);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('pause and snooze between windows', () => {
  const split = withSettings({ windows: [{ start: 8 * 60, end: 12 * 60, overnight: false }, { start: 13 * 60, end: 17 * 60, overnight: false }] });
  const base = { timeZone: 'UTC', settings: split, lastCheckinAt: null, idle: false, notifiedKey: null };
  // 2026-03-02 is a Monday.
  const lunch = Date.UTC(2026, 2, 2, 12, 30);

  it('reports a pause chosen at lunch as a pause, and the afternoon stays quiet', () => {
    const paused = { ...base, snoozedUntil: null, pausedDay: '2026-03-02' };
    expect(decidePrompt({ ...paused, now: lunch }).reason).toBe('paused');
    expect(decidePrompt({ ...paused, now: Date.UTC(2026, 2, 2, 13) }).due).toBe(false);
  });

  it('reports a snooze that runs past the end of a window as a snooze', () => {
    const d = decidePrompt({ ...base, now: lunch, snoozedUntil: Date.UTC(2026, 2, 2, 12, 45), pausedDay: null });
    expect(d).toMatchObject({ reason: 'snoozed', due: false, nextAt: Date.UTC(2026, 2, 2, 12, 45) });
  });
});
