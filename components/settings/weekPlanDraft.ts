import { formatClock, parseClock, type Weekday } from '../../lib/days';
import type { AwayRange, SettingsProblem, TimeWindow, WeekPlan } from '../../lib/settings';

// The week plan and the away ranges as the form edits them (text in the inputs, a key per row
// so that removing one row keeps the others' focus and values), and back.

/** The week as the form lists it, Monday first. */
export const FORM_WEEK: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];
/** "Copy Monday to all weekdays": Tuesday to Friday. */
export const WEEKDAYS_AFTER_MONDAY: readonly Weekday[] = [2, 3, 4, 5];

export interface WindowDraft {
  key: number;
  start: string;
  end: string;
  overnight: boolean;
}

/** Indexed like Weekday (0 is Sunday). */
export type WeekDraft = WindowDraft[][];

export interface AwayDraft {
  key: number;
  from: string;
  to: string;
}

let nextKey = 1;
export const newKey = () => nextKey++;

export function windowDraft(w: TimeWindow): WindowDraft {
  return { key: newKey(), start: formatClock(w.start), end: formatClock(w.end % 1440), overnight: w.overnight };
}

export const toWeekDraft = (plan: WeekPlan): WeekDraft => plan.map((day) => day.map(windowDraft));
export const toAwayDraft = (away: readonly AwayRange[]): AwayDraft[] => away.map((r) => ({ key: newKey(), from: r.from, to: r.to }));

/** A new window for a day: after the day's last one when there is room, else a morning. */
export function newWindow(day: readonly WindowDraft[]): WindowDraft {
  const last = day.at(-1);
  const lastEnd = last && !last.overnight ? parseClock(last.end) : null;
  if (lastEnd !== null && lastEnd > 0 && lastEnd <= 20 * 60) {
    return { key: newKey(), start: formatClock(lastEnd + 60), end: formatClock(Math.min(lastEnd + 240, 1440) % 1440), overnight: false };
  }
  return { key: newKey(), start: '09:00', end: '17:00', overnight: false };
}

/** Monday's windows on Tuesday to Friday (fresh keys: each row is its own). */
export function copyMonday(week: WeekDraft): WeekDraft {
  const monday = week[1] ?? [];
  return week.map((day, d) =>
    WEEKDAYS_AFTER_MONDAY.includes(d as Weekday) ? monday.map((w) => ({ ...w, key: newKey() })) : day,
  );
}

/** The plan the draft describes, and a problem for each window whose times are not filled in. */
export function fromWeekDraft(week: WeekDraft): { weekPlan: WeekPlan; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const weekPlan = week.map((day, d) =>
    day.map((w, index): TimeWindow => {
      const start = parseClock(w.start);
      let end = parseClock(w.end);
      if (start === null || end === null) problems.push({ field: 'weekPlan', code: 'settings.windowIncomplete', day: d as Weekday, index });
      // 00:00 as an end means midnight at the end of the day.
      if (end === 0 && !w.overnight) end = 1440;
      return { start: start ?? 0, end: end ?? 0, overnight: w.overnight };
    }),
  );
  return { weekPlan, problems };
}

/** The ranges as typed (a date input gives YYYY-MM-DD, or nothing); the rules judge them. */
export const fromAwayDraft = (away: readonly AwayDraft[]): AwayRange[] => away.map((r) => ({ from: r.from.trim(), to: r.to.trim() }));
