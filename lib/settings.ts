import { addDays, dayNumber, type DayKey, type Weekday } from './days';
import { FIELDS } from './rules/fields';
import { isInvisible, normalizeText, textLength } from './rules/text';
import { DAY_MAX, DAY_MIN } from './rules/time';

// The person's settings and the rules that keep them sane. Times are minutes after local
// midnight so that the schedule can be computed without parsing; the UI converts to HH:MM.

export interface TimeWindow {
  start: number; // 0–1439
  end: number; // 0–1440
  /** The window runs past midnight into the next calendar day (night shifts). */
  overnight: boolean;
}

/**
 * The reminder windows of each weekday, indexed like Weekday (0 is Sunday): a day with no
 * window has no reminders. A window belongs to the calendar day it starts on.
 */
export type WeekPlan = TimeWindow[][];

/** A holiday: no reminders and nothing due on the days from `from` to `to`, both included. */
export interface AwayRange {
  from: DayKey;
  to: DayKey;
}

export interface Settings {
  weekPlan: WeekPlan;
  /** Away ranges, in the order the person added them (past ones are kept until removed). */
  away: AwayRange[];
  intervalMinutes: number;
  /** System notifications in addition to the toolbar badge (the browser may still ask). */
  notifications: boolean;
  notificationText: string;
  /** A check-in before this hour belongs to the previous day. */
  dayStartHour: number;
}

/** What settings before the week plan held instead of `weekPlan` (one set of windows for every reminder day). */
export interface LegacyWindows {
  workingDays: Weekday[];
  windows: TimeWindow[];
}

export const MIN_INTERVAL = 15;
export const MAX_INTERVAL = 720;
export const MAX_NOTIFICATION_TEXT = FIELDS.notificationText.max;
/** Windows a single day may have (a split shift has two or three; more is a typo). */
export const MAX_WINDOWS_PER_DAY = 8;
export const MAX_AWAY_RANGES = 30;

/** The weekdays, Sunday first, as the plan indexes them. */
export const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/**
 * The stored notification text when the person has not written their own: empty, meaning "the
 * default text in the page's language" (the catalogue's words.main.notificationDefault).
 */
export const DEFAULT_NOTIFICATION_TEXT = '';

/** The English default that older versions stored as the text itself: read as the default, so it follows the language. */
export const LEGACY_NOTIFICATION_TEXT = 'Time for a quick check-in. It takes five seconds.';

/** One set of windows on every one of `days` (what settings before the week plan meant). */
export function weekPlanFrom(days: readonly number[], windows: readonly TimeWindow[]): WeekPlan {
  return WEEKDAYS.map((d) => (days.includes(d) ? windows.map((w) => ({ ...w })) : []));
}

export const DEFAULT_SETTINGS: Settings = {
  weekPlan: weekPlanFrom([1, 2, 3, 4, 5], [{ start: 9 * 60, end: 17 * 60, overnight: false }]),
  away: [],
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

/** Where a window is in the plan: its weekday and its place in that day's list (from 0). */
export type WindowPlace = { day: Weekday; index: number };

/** What is wrong with settings, as a code and the values a sentence needs (worded by the settings catalogue). */
export type SettingsProblem =
  | { field: 'weekPlan'; code: 'settings.badDay' | 'settings.noWindows' }
  | { field: 'weekPlan'; code: 'settings.tooManyWindows'; day: Weekday; max: number }
  | ({ field: 'weekPlan'; code: 'settings.windowIncomplete' } & Partial<WindowPlace>)
  | ({ field: 'weekPlan'; code: 'settings.windowEmpty' | 'settings.windowBackwards' | 'settings.windowTooLong' } & WindowTimes & WindowPlace)
  | ({ field: 'weekPlan'; code: 'settings.windowsOverlap'; a: WindowTimes & { day: Weekday }; b: WindowTimes & { day: Weekday } } & WindowPlace)
  | { field: 'away'; code: 'settings.awayIncomplete'; index: number }
  | { field: 'away'; code: 'settings.awayBackwards'; index: number; from: DayKey; to: DayKey }
  | { field: 'away'; code: 'settings.awayTooMany'; max: number }
  | { field: 'intervalMinutes'; code: 'settings.interval'; min: number; max: number }
  | { field: 'notificationText'; code: 'settings.notificationEmpty' }
  | { field: 'notificationText'; code: 'settings.notificationTooLong'; max: number }
  | { field: 'dayStartHour'; code: 'settings.dayStart'; min: number; max: number };

export type SettingsProblemCode = SettingsProblem['code'];

/** The window's span in minutes after the midnight of the day it starts on. */
export function windowSpan(w: TimeWindow): [number, number] {
  return [w.start, w.overnight ? w.end + 1440 : w.end];
}

/** The weekdays that have at least one window: the days reminders (and streaks) count. */
export function reminderDays(s: Pick<Settings, 'weekPlan'>): Weekday[] {
  return WEEKDAYS.filter((d) => (s.weekPlan[d]?.length ?? 0) > 0);
}

const times = (w: TimeWindow): WindowTimes => ({ start: w.start, end: w.end });

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day within the range any record can fall on (2024-02-30 is not one). */
export function isCalendarDay(key: unknown): key is DayKey {
  if (typeof key !== 'string' || !DAY_KEY.test(key) || key < DAY_MIN || key > DAY_MAX) return false;
  return addDays(key, 0) === key;
}

/** The away range that holds `day`, if any (the first one, when ranges overlap). */
export function awayRangeOn(day: DayKey, away: readonly AwayRange[]): AwayRange | null {
  return away.find((r) => r.from <= day && day <= r.to) ?? null;
}

/** How many days an away range covers, both ends included. */
export function awayLength(r: AwayRange): number {
  return dayNumber(r.to) - dayNumber(r.from) + 1;
}

function windowProblem(w: TimeWindow, place: WindowPlace): SettingsProblem | null {
  const valid = (m: number, max: number) => Number.isInteger(m) && m >= 0 && m <= max;
  if (typeof w !== 'object' || w === null || typeof w.overnight !== 'boolean' || !valid(w.start, 1439) || !valid(w.end, 1440)) {
    return { field: 'weekPlan', code: 'settings.windowIncomplete', ...place };
  }
  if (!w.overnight && w.start === w.end) return { field: 'weekPlan', code: 'settings.windowEmpty', ...times(w), ...place };
  if (!w.overnight && w.end < w.start) return { field: 'weekPlan', code: 'settings.windowBackwards', ...times(w), ...place };
  if (w.overnight && w.end > w.start) return { field: 'weekPlan', code: 'settings.windowTooLong', ...times(w), ...place };
  return null;
}

export function validateWeekPlan(plan: WeekPlan): SettingsProblem[] {
  if (!Array.isArray(plan) || plan.length !== 7 || !plan.every(Array.isArray)) return [{ field: 'weekPlan', code: 'settings.badDay' }];
  const problems: SettingsProblem[] = [];
  for (const day of WEEKDAYS) {
    const windows = plan[day]!;
    if (windows.length > MAX_WINDOWS_PER_DAY) problems.push({ field: 'weekPlan', code: 'settings.tooManyWindows', day, max: MAX_WINDOWS_PER_DAY });
    windows.forEach((w, index) => {
      const problem = windowProblem(w, { day, index });
      if (problem) problems.push(problem);
    });
  }
  if (problems.length > 0) return problems;
  if (plan.every((windows) => windows.length === 0)) return [{ field: 'weekPlan', code: 'settings.noWindows' }];
  const overlap = findOverlap(plan);
  return overlap ? [overlap] : [];
}

/**
 * The first two windows that overlap: on the same day, or a window running past midnight into
 * the next day's (Saturday's night shift reaches into Sunday).
 */
function findOverlap(plan: WeekPlan): SettingsProblem | null {
  for (const day of WEEKDAYS) {
    const next = ((day + 1) % 7) as Weekday;
    const today = plan[day]!;
    const pairs: [TimeWindow, number, TimeWindow, number, Weekday, number][] = [];
    for (let i = 0; i < today.length; i++) {
      for (let j = i + 1; j < today.length; j++) pairs.push([today[i]!, i, today[j]!, j, day, 0]);
      if (!today[i]!.overnight) continue;
      plan[next]!.forEach((w, j) => pairs.push([today[i]!, i, w, j, next, 1440]));
    }
    for (const [a, , b, j, bDay, shift] of pairs) {
      const [as, ae] = windowSpan(a);
      const [bs, be] = windowSpan(b);
      if (as < be + shift && bs + shift < ae) {
        return { field: 'weekPlan', code: 'settings.windowsOverlap', a: { ...times(a), day }, b: { ...times(b), day: bDay }, day: bDay, index: j };
      }
    }
  }
  return null;
}

export function validateAway(away: readonly AwayRange[]): SettingsProblem[] {
  if (!Array.isArray(away)) return [{ field: 'away', code: 'settings.awayIncomplete', index: 0 }];
  const problems: SettingsProblem[] = [];
  if (away.length > MAX_AWAY_RANGES) problems.push({ field: 'away', code: 'settings.awayTooMany', max: MAX_AWAY_RANGES });
  away.forEach((r, index) => {
    if (typeof r !== 'object' || r === null || !isCalendarDay(r.from) || !isCalendarDay(r.to)) {
      problems.push({ field: 'away', code: 'settings.awayIncomplete', index });
    } else if (r.to < r.from) {
      problems.push({ field: 'away', code: 'settings.awayBackwards', index, from: r.from, to: r.to });
    }
  });
  return problems;
}

export function validateSettings(s: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [...validateWeekPlan(s.weekPlan), ...validateAway(s.away)];

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

/** Stored settings of any version: a week plan, or (before it) one set of windows for the reminder days. */
export type StoredSettings = Partial<Settings> & Partial<LegacyWindows>;

/**
 * The week plan stored settings mean. Settings from before the week plan had one set of
 * windows for every reminder day: each reminder day gets that set (a missing half takes the
 * old default), and the days without reminders stay empty.
 */
export function readWeekPlan(stored: StoredSettings | undefined | null): WeekPlan {
  if (stored?.weekPlan != null) return stored.weekPlan;
  if (stored?.workingDays == null && stored?.windows == null) return DEFAULT_SETTINGS.weekPlan;
  const days = stored.workingDays ?? [1, 2, 3, 4, 5];
  const windows = stored.windows ?? [{ start: 9 * 60, end: 17 * 60, overnight: false }];
  // An old "no days" or "no windows" was refused; so is the empty plan it would make.
  if (!Array.isArray(days) || !Array.isArray(windows)) throw new TypeError('not a list');
  return weekPlanFrom(days, windows);
}

/** A deep copy, so that no caller shares arrays with another (or with DEFAULT_SETTINGS). */
export function copySettings(s: Settings): Settings {
  return {
    ...s,
    weekPlan: s.weekPlan.map((day) => day.map((w) => ({ ...w }))),
    away: s.away.map((r) => ({ ...r })),
  };
}

/**
 * Settings from whatever was stored (an older version, a hand-edited backup): missing or
 * null fields take the default, and anything invalid falls back to the defaults as a whole.
 * Settings from before the week plan are read as one (readWeekPlan). The result never shares
 * arrays with DEFAULT_SETTINGS.
 */
export function withDefaults(stored: StoredSettings | undefined | null): Settings {
  const pick = <K extends keyof Settings>(key: K): Settings[K] => (stored as Partial<Settings> | null | undefined)?.[key] ?? DEFAULT_SETTINGS[key];
  try {
    const merged: Settings = {
      weekPlan: readWeekPlan(stored),
      away: pick('away'),
      intervalMinutes: pick('intervalMinutes'),
      notifications: pick('notifications') === true,
      notificationText: readNotificationText(pick('notificationText')),
      dayStartHour: pick('dayStartHour'),
    };
    if (validateSettings(merged).length === 0) return copySettings(merged);
  } catch {
    // A malformed field (a string where a list belongs) is as good as none.
  }
  return copySettings(DEFAULT_SETTINGS);
}

/** A stored notification text: the old English default is read as the default, which follows the language. */
export function readNotificationText(text: string): string {
  return typeof text === 'string' && normalizeText(text) === LEGACY_NOTIFICATION_TEXT ? DEFAULT_NOTIFICATION_TEXT : text;
}
