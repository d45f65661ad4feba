import type { Weekday } from '../../lib/days';
import { COUNTRIES } from '../../lib/emergency';
import type { WelcomeProgress } from '../../lib/kv';
import { weekPlanFrom, type Settings, type TimeWindow } from '../../lib/settings';

// The welcome's rules, kept apart from its screens so they can be tested without a page.

/** The steps, in order; 'end' follows the last one. */
export const STEPS = ['hours', 'dayEnd', 'person', 'country', 'situation', 'value'] as const;
export type StepId = (typeof STEPS)[number];
export type Place = StepId | 'end';

export const FIRST: StepId = STEPS[0];

export function nextPlace(step: StepId): Place {
  const i = STEPS.indexOf(step);
  return STEPS[i + 1] ?? 'end';
}

/** A stored step read back: an unknown one (from another version) starts again at the first. */
export function placeOf(progress: WelcomeProgress | undefined): Place {
  const step = progress?.step;
  if (step === 'end') return 'end';
  return (STEPS as readonly string[]).includes(step ?? '') ? (step as StepId) : FIRST;
}

/** Every day, the whole day: for a person whose hours change. */
export const ANY_TIME: Pick<Settings, 'weekPlan'> = {
  weekPlan: weekPlanFrom([0, 1, 2, 3, 4, 5, 6], [{ start: 0, end: 1440, overnight: false }]),
};

export function isAnyTime(s: Pick<Settings, 'weekPlan'>): boolean {
  return s.weekPlan.length === 7 && s.weekPlan.every((day) => day.length === 1 && day[0]!.start === 0 && day[0]!.end === 1440 && !day[0]!.overnight);
}

const sameWindows = (a: readonly TimeWindow[], b: readonly TimeWindow[]) =>
  a.length === b.length && a.every((w, i) => w.start === b[i]!.start && w.end === b[i]!.end && w.overnight === b[i]!.overnight);

/**
 * The reminder days and their windows when every reminder day has the same ones (what the
 * step can show as one set of days and times); null when the days differ (a week plan).
 */
export function uniformPlan(s: Pick<Settings, 'weekPlan'>): { days: Weekday[]; windows: TimeWindow[] } | null {
  const days = WEEK.filter((d) => (s.weekPlan[d]?.length ?? 0) > 0);
  const first = days[0] === undefined ? [] : s.weekPlan[days[0]]!;
  return days.every((d) => sameWindows(s.weekPlan[d]!, first)) ? { days, windows: first.map((w) => ({ ...w })) } : null;
}

/** The first window of the week (Monday first), which the step shows. */
export function firstWindow(s: Pick<Settings, 'weekPlan'>): TimeWindow | undefined {
  for (const d of WEEK) {
    const w = s.weekPlan[d]?.[0];
    if (w) return w;
  }
  return undefined;
}

/**
 * One window from the two times the person chose (minutes after midnight): an end of 00:00 is
 * midnight at the end of the day, and an end before the start runs into the next day (a night shift).
 */
export function windowFrom(start: number, end: number): TimeWindow {
  if (end === 0) return { start, end: 1440, overnight: false };
  return end < start ? { start, end, overnight: true } : { start, end, overnight: false };
}

/** The week as the welcome lists it, Monday first. */
export const WEEK: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/**
 * The settings after the hours step, as a week plan: the days chosen get the window, the others
 * none. When the times were left alone, a day chosen keeps the windows it has (the step shows
 * one window; a person with a split shift or a plan per day keeps it by leaving the times), and
 * a day newly chosen gets the windows shown.
 */
export function hoursSettings(
  base: Settings,
  choice: { kind: 'set'; days: readonly Weekday[]; start: number; end: number; timesChanged: boolean } | { kind: 'change' },
): Settings {
  if (choice.kind === 'change') return { ...base, weekPlan: ANY_TIME.weekPlan.map((day) => day.map((w) => ({ ...w }))) };
  const chosen = windowFrom(choice.start, choice.end);
  const shownDay = WEEK.find((d) => (base.weekPlan[d]?.length ?? 0) > 0);
  const shown = shownDay === undefined ? [] : base.weekPlan[shownDay]!;
  const keep = !choice.timesChanged && shown.length > 0;
  const weekPlan = [0, 1, 2, 3, 4, 5, 6].map((d): TimeWindow[] => {
    if (!choice.days.includes(d as Weekday)) return [];
    const own = base.weekPlan[d] ?? [];
    return (keep ? (own.length > 0 ? own : shown) : [chosen]).map((w) => ({ ...w }));
  });
  return { ...base, weekPlan };
}

export const MAX_STEPS = 3;

/**
 * Picks a suggested coping step, or puts it back: it goes into the first empty field (none when
 * all are filled), and picked again it leaves its field. The fields stay editable.
 */
export function toggleSuggestion(steps: readonly string[], suggestion: string): string[] {
  const at = steps.findIndex((s) => s.trim() === suggestion);
  if (at >= 0) return steps.map((s, i) => (i === at ? '' : s));
  const empty = steps.findIndex((s) => s.trim() === '');
  if (empty < 0) return [...steps];
  return steps.map((s, i) => (i === empty ? suggestion : s));
}

/** The countries with a known emergency number, sorted by their name in the page's language. */
export function sortedCountries(name: (code: string) => string, locale: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(locale);
  return COUNTRIES.map((code) => ({ code, name: name(code) })).sort((a, b) => collator.compare(a.name, b.name));
}
