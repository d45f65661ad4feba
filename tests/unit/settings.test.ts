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
  windowSpan,
  withDefaults,
  type Settings,
  type SettingsProblem,
  type TimeWindow,
} from '../../lib/settings';

const h = (hours: number, minutes = 0) => hours * 60 + minutes;

function settings(patch: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...patch };
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
    expect(DEFAULT_SETTINGS.workingDays).toEqual([1, 2, 3, 4, 5]);
    expect(DEFAULT_SETTINGS.windows).toEqual([win(h(9), h(17))]);
    expect(DEFAULT_SETTINGS.intervalMinutes).toBe(120);
    expect(DEFAULT_SETTINGS.dayStartHour).toBe(4);
    expect(DEFAULT_SETTINGS.notificationText).toBe(DEFAULT_NOTIFICATION_TEXT);
    // Empty: the catalogue's default text, in the page's language.
    expect(DEFAULT_NOTIFICATION_TEXT).toBe('');
  });

  it.each<[string, Partial<Settings>]>([
    ['a whole day 00:00–24:00', { windows: [win(0, 1440)] }],
    ['a night shift 22:00–06:00', { windows: [win(h(22), h(6), true)] }],
    ['a night shift ending at midnight the next day 22:00–00:00 (overnight, end 0)', { windows: [win(h(22), 0, true)] }],
    ['an overnight window of exactly 24 hours, 22:00–22:00 the next day', { windows: [win(h(22), h(22), true)] }],
    ['a split day 08:00–12:00 and 13:00–17:00', { windows: [win(h(8), h(12)), win(h(13), h(17))] }],
    ['back-to-back windows 08:00–12:00 and 12:00–17:00', { windows: [win(h(8), h(12)), win(h(12), h(17))] }],
    ['a night shift followed by a day window starting when it ends', { windows: [win(h(22), h(6), true), win(h(6), h(10))] }],
    ['a day window ending when a night shift starts', { windows: [win(h(14), h(22)), win(h(22), h(6), true)] }],
    ['a single working day', { workingDays: [0] }],
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
  it.each<[string, Partial<Settings>, SettingsProblem['field']]>([
    ['no working days', { workingDays: [] }, 'workingDays'],
    ['a day that is not a weekday', { workingDays: [1, 7 as never] }, 'workingDays'],
    ['no windows', { windows: [] }, 'windows'],
    ['an end before the start without “ends the next day”', { windows: [win(h(17), h(9))] }, 'windows'],
    ['an end at the start', { windows: [win(h(9), h(9))] }, 'windows'],
    ['an overnight window longer than 24 hours', { windows: [win(h(9), h(17), true)] }, 'windows'],
    ['an overnight window to 24:00 the next day', { windows: [win(h(22), 1440, true)] }, 'windows'],
    ['an overnight window one minute longer than 24 hours', { windows: [win(h(22), h(22, 1), true)] }, 'windows'],
    ['a start of 24:00', { windows: [win(1440, 1440)] }, 'windows'],
    ['a negative start', { windows: [win(-60, h(9))] }, 'windows'],
    ['an end after 24:00', { windows: [win(h(9), 1441)] }, 'windows'],
    ['a start that is not a whole minute', { windows: [win(540.5, h(17))] }, 'windows'],
    ['a missing time', { windows: [win(Number.NaN, h(17))] }, 'windows'],
    ['overlapping day windows', { windows: [win(h(8), h(12)), win(h(11), h(13))] }, 'windows'],
    ['a window inside another', { windows: [win(h(8), h(17)), win(h(10), h(11))] }, 'windows'],
    ['the same window twice', { windows: [win(h(9), h(17)), win(h(9), h(17))] }, 'windows'],
    [
      'a night shift overlapping the next morning',
      { windows: [win(h(22), h(6), true), win(h(5), h(9))] },
      'windows',
    ],
    [
      'a morning window overlapping the night shift listed after it',
      { windows: [win(h(5), h(9)), win(h(22), h(6), true)] },
      'windows',
    ],
    ['two overlapping night shifts', { windows: [win(h(20), h(2), true), win(h(23), h(1), true)] }, 'windows'],
    [
      'a whole day plus a night shift',
      { windows: [win(0, 1440), win(h(23), h(1), true)] },
      'windows',
    ],
    [
      'an overlap between the first and third of three windows',
      { windows: [win(h(6), h(8)), win(h(12), h(13)), win(h(7), h(9))] },
      'windows',
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
    expect(fields(problems)).toEqual([field]);
    expect(problems[0]!.code).toMatch(/^settings\./);
    // Each problem has its words, in English and in Spanish.
    expect(say(problems[0]!).trim().length).toBeGreaterThan(0);
    expect(say(problems[0]!, spanish(createFmt('es'))).trim().length).toBeGreaterThan(0);
  });

  it('ignores surrounding spaces when measuring the text', () => {
    expect(validateSettings(settings({ notificationText: `  ${'a'.repeat(MAX_NOTIFICATION_TEXT)}  ` }))).toEqual([]);
  });

  it('names the windows as facts, worded with the language’s own times', () => {
    const [overlap] = validateSettings(settings({ windows: [win(h(22), h(6), true), win(h(5), h(9))] }));
    expect(overlap).toEqual({ field: 'windows', code: 'settings.windowsOverlap', a: { start: h(22), end: h(6) }, b: { start: h(5), end: h(9) } });
    expect(say(overlap!)).toBe('The windows 10:00 PM – 06:00 AM and 05:00 AM – 09:00 AM overlap. Change one so they don’t.');
    expect(say(overlap!, spanish(createFmt('es')))).toContain('22:00–06:00');
    const [backwards] = validateSettings(settings({ windows: [win(h(17), h(9))] }));
    expect(backwards).toEqual({ field: 'windows', code: 'settings.windowBackwards', start: h(17), end: h(9) });
    expect(say(backwards!)).toContain('05:00 PM – 09:00 AM the end is before the start');
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
      new Set(['workingDays', 'windows', 'intervalMinutes', 'notificationText', 'dayStartHour']),
    );
  });

  it('does not also report an overlap for a window that is already invalid', () => {
    const problems = validateSettings(settings({ windows: [win(h(17), h(9)), win(h(8), h(18))] }));
    expect(fields(problems)).toEqual(['windows']);
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

  it('keeps what is stored and fills the gaps of an older version', () => {
    const stored: Partial<Settings> = {
      workingDays: [0, 6],
      windows: [win(h(22), h(6), true)],
      intervalMinutes: 60,
    };
    expect(withDefaults(stored)).toEqual({
      workingDays: [0, 6],
      windows: [win(h(22), h(6), true)],
      intervalMinutes: 60,
      notifications: DEFAULT_SETTINGS.notifications,
      notificationText: DEFAULT_SETTINGS.notificationText,
      dayStartHour: DEFAULT_SETTINGS.dayStartHour,
    });
  });

  it('keeps a complete valid stored object unchanged', () => {
    const stored: Settings = {
      workingDays: [1, 3, 5],
      windows: [win(h(8), h(12)), win(h(13), h(17))],
      intervalMinutes: 45,
      notifications: true,
      notificationText: 'Quick check-in?',
      dayStartHour: 6,
    };
    expect(withDefaults(stored)).toEqual(stored);
  });

  it('falls back to the defaults entirely when the stored settings are not valid', () => {
    // Mixing a bad stored value with defaults could produce a schedule nobody chose.
    expect(withDefaults({ workingDays: [2], intervalMinutes: 5 })).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ windows: [win(h(17), h(9))] })).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ workingDays: [] })).toEqual(DEFAULT_SETTINGS);
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
    const stored = { windows: null, intervalMinutes: 60 } as unknown as Partial<Settings>;
    expect(withDefaults(stored)).toEqual({ ...DEFAULT_SETTINGS, intervalMinutes: 60 });
  });

  it('falls back to the defaults when a field has the wrong shape', () => {
    expect(withDefaults({ windows: 'nine to five' } as unknown as Partial<Settings>)).toEqual(DEFAULT_SETTINGS);
  });

  it('never hands out the defaults’ own arrays', () => {
    const s = withDefaults(undefined);
    s.workingDays.push(6);
    s.windows[0]!.start = 0;
    expect(DEFAULT_SETTINGS.workingDays).toEqual([1, 2, 3, 4, 5]);
    expect(DEFAULT_SETTINGS.windows[0]!.start).toBe(540);
  });
});
