import { describe, expect, it } from 'vitest';
import { messages } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';
import { createFmt } from '../../components/i18n/fmt';
import {
  DEFAULT_NOTIFICATION_TEXT,
  LEGACY_NOTIFICATION_TEXT,
  DEFAULT_SETTINGS,
  MAX_INTERVAL,
  MAX_NOTIFICATION_TEXT,
  MIN_INTERVAL,
  validateSettings,
  weekPlanFrom,
  windowSpan,
  withDefaults,
  type LegacyWindows,
  type Settings,
  type SettingsProblem,
  type StoredSettings,
  type TimeWindow,
} from '../../lib/settings';

const h = (hours: number, minutes = 0) => hours * 60 + minutes;

/** Patched settings; `workingDays` and `windows` (the form before the week plan) make one set of windows on each of those days. */
type Patch = Partial<Settings> & Partial<LegacyWindows>;
function settings({ workingDays, windows, ...patch }: Patch = {}): Settings {
  const legacy = workingDays || windows ? { weekPlan: weekPlanFrom(workingDays ?? [1, 2, 3, 4, 5], windows ?? [win(h(9), h(17))]) } : {};
  return { ...DEFAULT_SETTINGS, ...legacy, ...patch };
}

function win(start: number, end: number, overnight = false): TimeWindow {
  return { start, end, overnight };
}

const english = messages(createFmt('en'));

/** A problem as the English catalogue words it. */
function say(p: SettingsProblem, words = english): string {
  return (words.settings.problems as unknown as Record<string, (p: SettingsProblem) => string>)[p.code]!(p);
}

/** The fields with problems, in order. */
function fields(problems: SettingsProblem[]): SettingsProblem['field'][] {
  return problems.map((p) => p.field);
}

describe('validateSettings: valid settings', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual([]);
  });

  it('has the documented defaults: Mon–Fri 09:00–17:00 every 120 minutes, day starts at 04:00', () => {
    expect(DEFAULT_SETTINGS.weekPlan).toEqual([[], [win(h(9), h(17))], [win(h(9), h(17))], [win(h(9), h(17))], [win(h(9), h(17))], [win(h(9), h(17))], []]);
    expect(DEFAULT_SETTINGS.away).toEqual([]);
    expect(DEFAULT_SETTINGS.intervalMinutes).toBe(120);
    expect(DEFAULT_SETTINGS.dayStartHour).toBe(4);
    expect(DEFAULT_SETTINGS.notificationText).toBe(DEFAULT_NOTIFICATION_TEXT);
    // Empty: the catalogue's default text, in the page's language.
    expect(DEFAULT_NOTIFICATION_TEXT).toBe('');
  });

  it.each<[string, Patch]>([
    ['a whole day 00:00–24:00', { windows: [win(0, 1440)] }],
    ['a night shift 22:00–06:00', { windows: [win(h(22), h(6), true)] }],
    ['a night shift ending at midnight the next day 22:00–00:00 (overnight, end 0)', { windows: [win(h(22), 0, true)] }],
    ['an overnight window of exactly 24 hours, 22:00–22:00 the next day', { windows: [win(h(22), h(22), true)] }],
    ['a split day 08:00–12:00 and 13:00–17:00', { windows: [win(h(8), h(12)), win(h(13), h(17))] }],
    ['back-to-back windows 08:00–12:00 and 12:00–17:00', { windows: [win(h(8), h(12)), win(h(12), h(17))] }],
    ['a night shift followed by a day window starting when it ends', { windows: [win(h(22), h(6), true), win(h(6), h(10))] }],
    ['a day window ending when a night shift starts', { windows: [win(h(14), h(22)), win(h(22), h(6), true)] }],
    ['a single working day', { workingDays: [0] }],
    ['a different window on each day', { weekPlan: [[], [win(h(9), h(17))], [win(h(7), h(11)), win(h(16), h(20))], [win(h(22), h(6), true)], [win(h(6), h(8))], [], [win(0, 1440)]] }],
    ['Saturday’s night shift ending when Sunday’s window starts', { weekPlan: [[win(h(6), h(9))], [], [], [], [], [], [win(h(22), h(6), true)]] }],
    ['eight windows on one day', { weekPlan: [Array.from({ length: 8 }, (_, i) => win(h(i), h(i, 30))), [], [], [], [], [], []] }],
    ['an away range of one day', { away: [{ from: '2026-08-01', to: '2026-08-01' }] }],
    ['overlapping away ranges', { away: [{ from: '2026-08-01', to: '2026-08-10' }, { from: '2026-08-05', to: '2026-08-20' }] }],
    ['an away range over a new year', { away: [{ from: '2026-12-24', to: '2027-01-06' }] }],
    ['every day of the week', { workingDays: [0, 1, 2, 3, 4, 5, 6] }],
    ['the shortest interval', { intervalMinutes: MIN_INTERVAL }],
    ['the longest interval', { intervalMinutes: MAX_INTERVAL }],
    ['a one-character text', { notificationText: 'x' }],
    ['an empty text (the default text)', { notificationText: '' }],
    ['a blank text (the default text)', { notificationText: '   \n ' }],
    ['a text of invisible characters only (the default text)', { notificationText: '\u200b\u200d' }],
    ['a text of the maximum length', { notificationText: 'a'.repeat(MAX_NOTIFICATION_TEXT) }],
    ['a day starting at midnight', { dayStartHour: 0 }],
    ['a day starting at noon', { dayStartHour: 12 }],
  ])('accepts %s', (_label, patch) => {
    expect(validateSettings(settings(patch))).toEqual([]);
  });

  it('allows intervals from 15 to 720 minutes (both accepted above)', () => {
    expect(MIN_INTERVAL).toBe(15);
    expect(MAX_INTERVAL).toBe(720);
  });
});

describe('validateSettings: problems', () => {
  it.each<[string, Patch, SettingsProblem['field']]>([
    ['no working days', { workingDays: [] }, 'weekPlan'],
    ['a plan of six days', { weekPlan: DEFAULT_SETTINGS.weekPlan.slice(1) }, 'weekPlan'],
    ['a plan with a day that is not a list', { weekPlan: [...DEFAULT_SETTINGS.weekPlan.slice(1), null as never] }, 'weekPlan'],
    ['a window that is not a window', { weekPlan: [[null as never], [], [], [], [], [], []] }, 'weekPlan'],
    ['nine windows on one day', { weekPlan: [Array.from({ length: 9 }, (_, i) => win(h(i), h(i, 30))), [], [], [], [], [], []] }, 'weekPlan'],
    ['Saturday’s night shift running into Sunday morning’s window', { weekPlan: [[win(h(5), h(9))], [], [], [], [], [], [win(h(22), h(6), true)]] }, 'weekPlan'],
    ['an away range ending before it starts', { away: [{ from: '2026-08-10', to: '2026-08-01' }] }, 'away'],
    ['an away range with a day that is not a date', { away: [{ from: '2026-02-30', to: '2026-03-02' }] }, 'away'],
    ['an away range with a missing end', { away: [{ from: '2026-03-01', to: '' }] }, 'away'],
    ['an away range in the year 1900', { away: [{ from: '1900-01-01', to: '1900-01-02' }] }, 'away'],
    ['too many away ranges', { away: Array.from({ length: 31 }, () => ({ from: '2026-03-01', to: '2026-03-02' })) }, 'away'],
    ['no windows', { windows: [] }, 'weekPlan'],
    ['an end before the start without “ends the next day”', { windows: [win(h(17), h(9))] }, 'weekPlan'],
    ['an end at the start', { windows: [win(h(9), h(9))] }, 'weekPlan'],
    ['an overnight window longer than 24 hours', { windows: [win(h(9), h(17), true)] }, 'weekPlan'],
    ['an overnight window to 24:00 the next day', { windows: [win(h(22), 1440, true)] }, 'weekPlan'],
    ['an overnight window one minute longer than 24 hours', { windows: [win(h(22), h(22, 1), true)] }, 'weekPlan'],
    ['a start of 24:00', { windows: [win(1440, 1440)] }, 'weekPlan'],
    ['a negative start', { windows: [win(-60, h(9))] }, 'weekPlan'],
    ['an end after 24:00', { windows: [win(h(9), 1441)] }, 'weekPlan'],
    ['a start that is not a whole minute', { windows: [win(540.5, h(17))] }, 'weekPlan'],
    ['a missing time', { windows: [win(Number.NaN, h(17))] }, 'weekPlan'],
    ['overlapping day windows', { windows: [win(h(8), h(12)), win(h(11), h(13))] }, 'weekPlan'],
    ['a window inside another', { windows: [win(h(8), h(17)), win(h(10), h(11))] }, 'weekPlan'],
    ['the same window twice', { windows: [win(h(9), h(17)), win(h(9), h(17))] }, 'weekPlan'],
    [
      'a night shift overlapping the next morning',
      { windows: [win(h(22), h(6), true), win(h(5), h(9))] },
      'weekPlan',
    ],
    [
      'a morning window overlapping the night shift listed after it',
      { windows: [win(h(5), h(9)), win(h(22), h(6), true)] },
      'weekPlan',
    ],
    ['two overlapping night shifts', { windows: [win(h(20), h(2), true), win(h(23), h(1), true)] }, 'weekPlan'],
    [
      'a whole day plus a night shift',
      { windows: [win(0, 1440), win(h(23), h(1), true)] },
      'weekPlan',
    ],
    [
      'an overlap between the first and third of three windows',
      { windows: [win(h(6), h(8)), win(h(12), h(13)), win(h(7), h(9))] },
      'weekPlan',
    ],
    ['interval 0', { intervalMinutes: 0 }, 'intervalMinutes'],
    ['interval 10', { intervalMinutes: 10 }, 'intervalMinutes'],
    ['interval 14', { intervalMinutes: 14 }, 'intervalMinutes'],
    ['interval 721', { intervalMinutes: 721 }, 'intervalMinutes'],
    ['a non-integer interval', { intervalMinutes: 30.5 }, 'intervalMinutes'],
    ['a missing interval', { intervalMinutes: Number.NaN }, 'intervalMinutes'],
    ['a negative interval', { intervalMinutes: -30 }, 'intervalMinutes'],
    ['a notification text that is not text', { notificationText: 5 as never }, 'notificationText'],
    ['over-long notification text', { notificationText: 'a'.repeat(MAX_NOTIFICATION_TEXT + 1) }, 'notificationText'],
    ['a day start after noon', { dayStartHour: 13 }, 'dayStartHour'],
    ['a negative day start', { dayStartHour: -1 }, 'dayStartHour'],
    ['a day start that is not a whole hour', { dayStartHour: 4.5 }, 'dayStartHour'],
  ])('reports %s', (_label, patch, field) => {
    const problems = validateSettings(settings(patch));
    // One set of windows on five days is reported for each day it is on.
    expect([...new Set(fields(problems))]).toEqual([field]);
    expect(problems[0]!.code).toMatch(/^settings\./);
    // Each problem has its words, in English and in Spanish.
    expect(say(problems[0]!).trim().length).toBeGreaterThan(0);
    expect(say(problems[0]!, spanish(createFmt('es'))).trim().length).toBeGreaterThan(0);
  });

  it('ignores surrounding spaces when measuring the text', () => {
    expect(validateSettings(settings({ notificationText: `  ${'a'.repeat(MAX_NOTIFICATION_TEXT)}  ` }))).toEqual([]);
  });

  it('names the windows as facts, worded with the language’s own times', () => {
    const [overlap] = validateSettings(settings({ weekPlan: [[], [win(h(22), h(6), true)], [win(h(5), h(9))], [], [], [], []] }));
    expect(overlap).toEqual({
      field: 'weekPlan',
      code: 'settings.windowsOverlap',
      a: { start: h(22), end: h(6), day: 1 },
      b: { start: h(5), end: h(9), day: 2 },
      day: 2,
      index: 0,
    });
    expect(say(overlap!)).toBe('Monday’s window 10:00 PM – 06:00 AM and Tuesday’s window 05:00 AM – 09:00 AM overlap. Change one so they don’t.');
    expect(say(overlap!, spanish(createFmt('es')))).toContain('22:00–06:00');
    const [backwards] = validateSettings(settings({ weekPlan: [[], [], [], [win(h(8), h(9)), win(h(17), h(9))], [], [], []] }));
    expect(backwards).toEqual({ field: 'weekPlan', code: 'settings.windowBackwards', start: h(17), end: h(9), day: 3, index: 1 });
    expect(say(backwards!)).toContain('Wednesday, window 2 (05:00 PM – 09:00 AM): the end is before the start');
    const [away] = validateSettings(settings({ away: [{ from: '2026-08-01', to: '2026-08-02' }, { from: '2026-08-10', to: '2026-08-01' }] }));
    expect(away).toEqual({ field: 'away', code: 'settings.awayBackwards', index: 1, from: '2026-08-10', to: '2026-08-01' });
    expect(say(away!)).toContain('ends before it starts');
    const [interval] = validateSettings(settings({ intervalMinutes: 0 }));
    expect(interval).toEqual({ field: 'intervalMinutes', code: 'settings.interval', min: 15, max: 720 });
    expect(say(interval!)).toContain('Choose a reminder interval between 15 and 720');
    const [tooLong] = validateSettings(settings({ notificationText: 'a'.repeat(MAX_NOTIFICATION_TEXT + 1) }));
    expect(tooLong).toEqual({ field: 'notificationText', code: 'settings.notificationTooLong', max: MAX_NOTIFICATION_TEXT });
    expect(say(tooLong!)).toBe('Keep the notification text to 120 characters or fewer.');
  });

  it('reports every problem at once', () => {
    const problems = validateSettings(
      settings({ workingDays: [], windows: [], intervalMinutes: 5, notificationText: 'a'.repeat(MAX_NOTIFICATION_TEXT + 1), dayStartHour: 20 }),
    );
    expect(new Set(fields(problems))).toEqual(
      new Set(['weekPlan', 'intervalMinutes', 'notificationText', 'dayStartHour']),
    );
  });

  it('does not also report an overlap for a window that is already invalid', () => {
    const problems = validateSettings(settings({ windows: [win(h(17), h(9)), win(h(8), h(18))] }));
    expect(new Set(fields(problems))).toEqual(new Set(['weekPlan']));
    expect(problems[0]!.code).toBe('settings.windowBackwards');
  });
});

describe('windowSpan', () => {
  it('runs an overnight window into the next day', () => {
    expect(windowSpan(win(h(22), h(6), true))).toEqual([h(22), h(24) + h(6)]);
    expect(windowSpan(win(h(9), h(17)))).toEqual([h(9), h(17)]);
    expect(windowSpan(win(0, 1440))).toEqual([0, 1440]);
  });
});

describe('withDefaults', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(withDefaults(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults(null)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({})).toEqual(DEFAULT_SETTINGS);
  });

  it('reads the single set of windows of settings before the week plan as each reminder day’s plan', () => {
    const stored = {
      workingDays: [0, 6],
      windows: [win(h(22), h(6), true)],
      intervalMinutes: 60,
    } as StoredSettings;
    expect(withDefaults(stored)).toEqual({
      weekPlan: [[win(h(22), h(6), true)], [], [], [], [], [], [win(h(22), h(6), true)]],
      away: [],
      intervalMinutes: 60,
      notifications: DEFAULT_SETTINGS.notifications,
      notificationText: DEFAULT_SETTINGS.notificationText,
      dayStartHour: DEFAULT_SETTINGS.dayStartHour,
    });
  });

  it('keeps a complete valid stored object unchanged', () => {
    const stored: Settings = {
      weekPlan: [[], [win(h(8), h(12)), win(h(13), h(17))], [], [win(h(22), h(6), true)], [], [win(h(8), h(12))], []],
      away: [{ from: '2026-08-01', to: '2026-08-14' }],
      intervalMinutes: 45,
      notifications: true,
      notificationText: 'Quick check-in?',
      dayStartHour: 6,
    };
    expect(withDefaults(stored)).toEqual(stored);
  });

  it('falls back to the defaults entirely when the stored settings are not valid', () => {
    // Mixing a bad stored value with defaults could produce a schedule nobody chose.
    expect(withDefaults({ workingDays: [2], intervalMinutes: 5 } as StoredSettings)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ windows: [win(h(17), h(9))] } as StoredSettings)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ workingDays: [] } as StoredSettings)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ away: [{ from: '2026-08-10', to: '2026-08-01' }] })).toEqual(DEFAULT_SETTINGS);
  });

  it('an older version’s windows with only the days stored take the old default hours, and the other way round', () => {
    expect(withDefaults({ workingDays: [2, 4] } as StoredSettings).weekPlan).toEqual([[], [], [win(h(9), h(17))], [], [win(h(9), h(17))], [], []]);
    expect(withDefaults({ windows: [win(h(6), h(10))] } as StoredSettings).weekPlan).toEqual(weekPlanFrom([1, 2, 3, 4, 5], [win(h(6), h(10))]));
  });

  it('a week plan stored beside leftover old fields is read as the week plan', () => {
    const weekPlan = [[win(h(10), h(12))], [], [], [], [], [], []];
    expect(withDefaults({ weekPlan, workingDays: [1], windows: [win(h(9), h(17))] } as StoredSettings).weekPlan).toEqual(weekPlan);
  });

  it('always returns settings that pass validation', () => {
    for (const stored of [
      undefined,
      {},
      { intervalMinutes: 30 },
      { intervalMinutes: 0 },
      { notificationText: '' },
      { notificationText: 7 as never },
      { dayStartHour: 99 },
    ]) {
      expect(validateSettings(withDefaults(stored))).toEqual([]);
    }
  });
});

describe('the default notification text', () => {
  it('reads the English default older versions stored as the default, so it follows the language', () => {
    expect(withDefaults({ notificationText: LEGACY_NOTIFICATION_TEXT }).notificationText).toBe('');
    expect(withDefaults({ notificationText: `  ${LEGACY_NOTIFICATION_TEXT} ` }).notificationText).toBe('');
    // A text the person wrote is theirs, even one close to the old default.
    expect(withDefaults({ notificationText: 'Time for a quick check-in.' }).notificationText).toBe('Time for a quick check-in.');
  });
});

describe('withDefaults on damaged stored settings', () => {
  it('fills null and missing fields from the defaults', () => {
    const stored = { windows: null, weekPlan: null, away: null, intervalMinutes: 60 } as unknown as Partial<Settings>;
    expect(withDefaults(stored)).toEqual({ ...DEFAULT_SETTINGS, intervalMinutes: 60 });
  });

  it('falls back to the defaults when a field has the wrong shape', () => {
    expect(withDefaults({ windows: 'nine to five' } as unknown as Partial<Settings>)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ weekPlan: 'nine to five' } as unknown as Partial<Settings>)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ away: 'August' } as unknown as Partial<Settings>)).toEqual(DEFAULT_SETTINGS);
  });

  it('never hands out the defaults’ own arrays', () => {
    const s = withDefaults(undefined);
    s.weekPlan[6]!.push(win(0, 60));
    s.weekPlan[1]![0]!.start = 0;
    s.away.push({ from: '2026-01-01', to: '2026-01-02' });
    expect(DEFAULT_SETTINGS.weekPlan[6]).toEqual([]);
    expect(DEFAULT_SETTINGS.weekPlan[1]![0]!.start).toBe(540);
    expect(DEFAULT_SETTINGS.away).toEqual([]);
  });
});
