import { formatClock, type Weekday } from './days';
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

export const DEFAULT_NOTIFICATION_TEXT = 'Time for a quick check-in. It takes five seconds.';

export const DEFAULT_SETTINGS: Settings = {
  workingDays: [1, 2, 3, 4, 5],
  windows: [{ start: 9 * 60, end: 17 * 60, overnight: false }],
  intervalMinutes: 120,
  notifications: false,
  notificationText: DEFAULT_NOTIFICATION_TEXT,
  dayStartHour: 4,
};

export interface SettingsProblem {
  field: 'workingDays' | 'windows' | 'intervalMinutes' | 'notificationText' | 'dayStartHour';
  message: string;
}

/** The window's span in minutes after the midnight of the day it starts on. */
export function windowSpan(w: TimeWindow): [number, number] {
  return [w.start, w.overnight ? w.end + 1440 : w.end];
}

function label(w: TimeWindow): string {
  return `${formatClock(w.start)}–${formatClock(w.end % 1440)}`;
}

export function validateSettings(s: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const days = new Set(s.workingDays);
  if (days.size === 0) {
    problems.push({ field: 'workingDays', message: 'Pick at least one day for check-in reminders.' });
  }
  if ([...days].some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    problems.push({ field: 'workingDays', message: 'One of the days is not a day of the week.' });
  }

  if (s.windows.length === 0) {
    problems.push({ field: 'windows', message: 'Add at least one time window for reminders.' });
  }
  for (const w of s.windows) {
    const valid = (m: number, max: number) => Number.isInteger(m) && m >= 0 && m <= max;
    if (!valid(w.start, 1439) || !valid(w.end, 1440)) {
      problems.push({ field: 'windows', message: 'Each window needs a start and an end time.' });
    } else if (!w.overnight && w.start === w.end) {
      problems.push({
        field: 'windows',
        message: `The window ${label(w)} starts and ends at the same time.`,
      });
    } else if (!w.overnight && w.end < w.start) {
      problems.push({
        field: 'windows',
        message: `In ${label(w)} the end is before the start. If it runs past midnight, tick “Ends the next day”.`,
      });
    } else if (w.overnight && w.end > w.start) {
      problems.push({
        field: 'windows',
        message: `${label(w)} is marked “Ends the next day”, so it would be longer than 24 hours. Untick it, or set an earlier end.`,
      });
    }
  }
  if (!problems.some((p) => p.field === 'windows')) {
    const overlap = findOverlap(s.windows);
    if (overlap) {
      problems.push({
        field: 'windows',
        message: `The windows ${label(overlap[0])} and ${label(overlap[1])} overlap. Change one so they don't.`,
      });
    }
  }

  if (
    !Number.isInteger(s.intervalMinutes) ||
    s.intervalMinutes < MIN_INTERVAL ||
    s.intervalMinutes > MAX_INTERVAL
  ) {
    problems.push({
      field: 'intervalMinutes',
      message: `Choose a reminder interval between ${MIN_INTERVAL} and ${MAX_INTERVAL} minutes (whole minutes).`,
    });
  }

  const text = normalizeText(s.notificationText);
  if (isInvisible(text)) {
    problems.push({ field: 'notificationText', message: 'The notification text can’t be empty.' });
  } else if (textLength(text) > MAX_NOTIFICATION_TEXT) {
    problems.push({
      field: 'notificationText',
      message: `Keep the notification text to ${MAX_NOTIFICATION_TEXT} characters or fewer.`,
    });
  }

  if (!Number.isInteger(s.dayStartHour) || s.dayStartHour < 0 || s.dayStartHour > 12) {
    problems.push({ field: 'dayStartHour', message: 'The day can start between 00:00 and 12:00.' });
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
      notificationText: pick('notificationText'),
      dayStartHour: pick('dayStartHour'),
    };
    if (validateSettings(merged).length === 0) return copy(merged);
  } catch {
    // A malformed field (a string where a list belongs) is as good as none.
  }
  return copy(DEFAULT_SETTINGS);
}
