import type { Weekday } from './days';
import { FIELDS } from './rules/fields';
import { isInvisible, normalizeText, textLength } from './rules/text';

// The person's settings and the rules that keep them sane. Times are minutes after local
// midnight so that the schedule can be computed without parsing; the UI converts to HH:MM.

export interface TimeWindow {
  start: number; // 0–1439
  end: number; // 0–1440
  /** The window runs past midnight into the next calendar day (night shifts). */
  overnight: boolean;
}

export interface Settings {
  workingDays: Weekday[];
  windows: TimeWindow[];
  intervalMinutes: number;
  /** System notifications in addition to the toolbar badge (the browser may still ask). */
  notifications: boolean;
  notificationText: string;
  /** A check-in before this hour belongs to the previous day. */
  dayStartHour: number;
}

export const MIN_INTERVAL = 15;
export const MAX_INTERVAL = 720;
export const MAX_NOTIFICATION_TEXT = FIELDS.notificationText.max;

/**
 * The stored notification text when the person has not written their own: empty, meaning "the
 * default text in the page's language" (the catalogue's words.main.notificationDefault).
 */
export const DEFAULT_NOTIFICATION_TEXT = '';

/** The English default that older versions stored as the text itself: read as the default, so it follows the language. */
export const LEGACY_NOTIFICATION_TEXT = 'Time for a quick check-in. It takes five seconds.';

export const DEFAULT_SETTINGS: Settings = {
  workingDays: [1, 2, 3, 4, 5],
  windows: [{ start: 9 * 60, end: 17 * 60, overnight: false }],
  intervalMinutes: 120,
  notifications: false,
  notificationText: DEFAULT_NOTIFICATION_TEXT,
  dayStartHour: 4,
};

/** The lowest and highest hour a day may start at. */
export const DAY_START_MIN = 0;
export const DAY_START_MAX = 12;

/** A window as a problem names it: minutes after midnight (an end of 1440 is midnight at the end of the day). */
export type WindowTimes = {
  start: number;
  end: number;
};

/** What is wrong with settings, as a code and the values a sentence needs (worded by the settings catalogue). */
export type SettingsProblem =
  | { field: 'workingDays'; code: 'settings.noDays' | 'settings.badDay' }
  | { field: 'windows'; code: 'settings.noWindows' | 'settings.windowIncomplete' }
  | ({ field: 'windows'; code: 'settings.windowEmpty' | 'settings.windowBackwards' | 'settings.windowTooLong' } & WindowTimes)
  | { field: 'windows'; code: 'settings.windowsOverlap'; a: WindowTimes; b: WindowTimes }
  | { field: 'intervalMinutes'; code: 'settings.interval'; min: number; max: number }
  | { field: 'notificationText'; code: 'settings.notificationEmpty' }
  | { field: 'notificationText'; code: 'settings.notificationTooLong'; max: number }
  | { field: 'dayStartHour'; code: 'settings.dayStart'; min: number; max: number };

export type SettingsProblemCode = SettingsProblem['code'];

/** The window's span in minutes after the midnight of the day it starts on. */
export function windowSpan(w: TimeWindow): [number, number] {
  return [w.start, w.overnight ? w.end + 1440 : w.end];
}

const times = (w: TimeWindow): WindowTimes => ({ start: w.start, end: w.end });

export function validateSettings(s: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const days = new Set(s.workingDays);
  if (days.size === 0) problems.push({ field: 'workingDays', code: 'settings.noDays' });
  if ([...days].some((d) => !Number.isInteger(d) || d < 0 || d > 6)) problems.push({ field: 'workingDays', code: 'settings.badDay' });

  if (s.windows.length === 0) problems.push({ field: 'windows', code: 'settings.noWindows' });
  for (const w of s.windows) {
    const valid = (m: number, max: number) => Number.isInteger(m) && m >= 0 && m <= max;
    if (!valid(w.start, 1439) || !valid(w.end, 1440)) {
      problems.push({ field: 'windows', code: 'settings.windowIncomplete' });
    } else if (!w.overnight && w.start === w.end) {
      problems.push({ field: 'windows', code: 'settings.windowEmpty', ...times(w) });
    } else if (!w.overnight && w.end < w.start) {
      problems.push({ field: 'windows', code: 'settings.windowBackwards', ...times(w) });
    } else if (w.overnight && w.end > w.start) {
      problems.push({ field: 'windows', code: 'settings.windowTooLong', ...times(w) });
    }
  }
  if (!problems.some((p) => p.field === 'windows')) {
    const overlap = findOverlap(s.windows);
    if (overlap) problems.push({ field: 'windows', code: 'settings.windowsOverlap', a: times(overlap[0]), b: times(overlap[1]) });
  }

  if (!Number.isInteger(s.intervalMinutes) || s.intervalMinutes < MIN_INTERVAL || s.intervalMinutes > MAX_INTERVAL) {
    problems.push({ field: 'intervalMinutes', code: 'settings.interval', min: MIN_INTERVAL, max: MAX_INTERVAL });
  }

  // An empty text is the default text (in the page's language); one of only invisible
  // characters is not a text anyone could read.
  if (typeof s.notificationText !== 'string') {
    problems.push({ field: 'notificationText', code: 'settings.notificationEmpty' });
  } else {
    const text = normalizeText(s.notificationText);
    if (text !== '' && isInvisible(text)) {
      problems.push({ field: 'notificationText', code: 'settings.notificationEmpty' });
    } else if (textLength(text) > MAX_NOTIFICATION_TEXT) {
      problems.push({ field: 'notificationText', code: 'settings.notificationTooLong', max: MAX_NOTIFICATION_TEXT });
    }
  }

  if (!Number.isInteger(s.dayStartHour) || s.dayStartHour < DAY_START_MIN || s.dayStartHour > DAY_START_MAX) {
    problems.push({ field: 'dayStartHour', code: 'settings.dayStart', min: DAY_START_MIN, max: DAY_START_MAX });
  }
  return problems;
}

function findOverlap(windows: readonly TimeWindow[]): [TimeWindow, TimeWindow] | null {
  for (let i = 0; i < windows.length; i++) {
    for (let j = i + 1; j < windows.length; j++) {
      const a = windows[i]!;
      const b = windows[j]!;
      const [as, ae] = windowSpan(a);
      const [bs, be] = windowSpan(b);
      // An overnight window reaches into the next day, so compare with b shifted by a day too.
      for (const shift of [-1440, 0, 1440]) {
        if (as < be + shift && bs + shift < ae) return [a, b];
      }
    }
  }
  return null;
}

/**
 * Settings from whatever was stored (an older version, a hand-edited backup): missing or
 * null fields take the default, and anything invalid falls back to the defaults as a whole.
 * The result never shares arrays with DEFAULT_SETTINGS.
 */
export function withDefaults(stored: Partial<Settings> | undefined | null): Settings {
  const pick = <K extends keyof Settings>(key: K): Settings[K] => stored?.[key] ?? DEFAULT_SETTINGS[key];
  const copy = (s: Settings): Settings => ({
    ...s,
    workingDays: [...s.workingDays],
    windows: s.windows.map((w) => ({ ...w })),
  });
  try {
    const merged: Settings = {
      workingDays: pick('workingDays'),
      windows: pick('windows'),
      intervalMinutes: pick('intervalMinutes'),
      notifications: pick('notifications') === true,
      notificationText: readNotificationText(pick('notificationText')),
      dayStartHour: pick('dayStartHour'),
    };
    if (validateSettings(merged).length === 0) return copy(merged);
  } catch {
    // A malformed field (a string where a list belongs) is as good as none.
  }
  return copy(DEFAULT_SETTINGS);
}

/** A stored notification text: the old English default is read as the default, which follows the language. */
export function readNotificationText(text: string): string {
  return typeof text === 'string' && normalizeText(text) === LEGACY_NOTIFICATION_TEXT ? DEFAULT_NOTIFICATION_TEXT : text;
}
