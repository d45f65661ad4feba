import { addDays, dayNumber, type DayKey } from './days';
import type { DayStat, HaltTag, Reflection } from './db/schema';
import { HALT_TAGS } from './db/halt';
import { labelKey } from './text';

// Everything the insights view shows, as numbers and facts (never words: the catalogue words
// them in the person's language), computed from the per-day aggregates (one row per day,
// so ten years are a few thousand rows) and the reflections. Pure, so the same numbers can be
// tested, benchmarked and shared.

export const WINDOWS = [7, 30, 90, 365] as const;
export type WindowDays = (typeof WINDOWS)[number];

/** The fewest days in each group before a comparison is put into words. */
export const MIN_DAYS = 5;
/** The fewest check-ins in a part of the day, and outside it, before it is called lowest. */
export const MIN_CHECKINS = 10;
/** The fewest uses with a before-and-after strength before a coping step gets a sentence. */
export const MIN_STEP_USES = 3;

const mean = (sum: number, n: number) => (n === 0 ? null : sum / n);

export function windowStart(today: DayKey, windowDays: number): DayKey {
  return addDays(today, -(windowDays - 1));
}

export function inWindow<T extends { day: DayKey }>(items: readonly T[], today: DayKey, windowDays: number): T[] {
  const from = windowStart(today, windowDays);
  return items.filter((i) => i.day >= from && i.day <= today);
}

export interface DayPoint {
  day: DayKey;
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
}

/** One point per calendar day of the window, empty days included so charts show the gaps. */
export function moodSeries(stats: readonly DayStat[], today: DayKey, windowDays: number): DayPoint[] {
  const byDay = new Map(inWindow(stats, today, windowDays).map((s) => [s.day, s]));
  const points: DayPoint[] = [];
  for (let i = windowDays - 1; i >= 0; i--) {
    const day = addDays(today, -i);
    const s = byDay.get(day);
    points.push(
      s
        ? { day, count: s.count, mean: s.moodSum / s.count, min: s.moodMin, max: s.moodMax }
        : { day, count: 0, mean: null, min: null, max: null },
    );
  }
  return points;
}

export interface CravingPoint {
  day: DayKey;
  /** Strongest pull reported that day, 0–10. */
  strength: number;
  reflections: number;
}

export function cravingSeries(reflections: readonly Reflection[], today: DayKey, windowDays: number): CravingPoint[] {
  const byDay = new Map<DayKey, CravingPoint>();
  for (const r of inWindow(reflections, today, windowDays)) {
    if (r.deletedAt !== null || r.strength === null) continue;
    const p = byDay.get(r.day);
    if (p) {
      p.strength = Math.max(p.strength, r.strength);
      p.reflections++;
    } else byDay.set(r.day, { day: r.day, strength: r.strength, reflections: 1 });
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

export interface HourPoint {
  hour: number;
  count: number;
  mean: number | null;
}

export function timeOfDay(stats: readonly DayStat[]): HourPoint[] {
  const sum = new Array<number>(24).fill(0);
  const count = new Array<number>(24).fill(0);
  for (const s of stats) {
    for (let h = 0; h < 24; h++) {
      sum[h]! += s.hourSum[h] ?? 0;
      count[h]! += s.hourCount[h] ?? 0;
    }
  }
  return sum.map((total, hour) => ({ hour, count: count[hour]!, mean: mean(total, count[hour]!) }));
}

export interface TriggerCount {
  label: string;
  /** Reflections that named it. */
  reflections: number;
  /** Check-ins tagged with it (HALT tags only). */
  checkins: number;
}

export function triggerFrequency(stats: readonly DayStat[], reflections: readonly Reflection[]): TriggerCount[] {
  const counts = new Map<string, TriggerCount>();
  const entry = (label: string) => {
    const key = labelKey(label);
    let e = counts.get(key);
    if (!e) counts.set(key, (e = { label, reflections: 0, checkins: 0 }));
    return e;
  };
  for (const s of stats) {
    for (const tag of HALT_TAGS) if (s.tags[tag]) entry(tag).checkins += s.tags[tag]!;
  }
  for (const r of reflections) {
    if (r.deletedAt !== null) continue;
    for (const t of r.triggers) entry(t).reflections++;
  }
  return [...counts.values()]
    .filter((c) => c.reflections + c.checkins > 0)
    .sort((a, b) => b.reflections + b.checkins - (a.reflections + a.checkins) || a.label.localeCompare(b.label));
}

export interface StepEffect {
  step: string;
  /** Reflections that used it. */
  uses: number;
  /** Uses with a strength before and after. */
  measured: number;
  /** Mean drop in strength (before − after) over the measured uses, or null. */
  meanDrop: number | null;
  /** Measured often enough (MIN_STEP_USES) to be ranked against the others. */
  comparable: boolean;
}

/**
 * Coping steps measured often enough, ranked by how much the pull dropped after them; then the
 * rest by how often they were used, unranked, since one lucky evening proves nothing.
 */
export function copingEffectiveness(reflections: readonly Reflection[]): StepEffect[] {
  const steps = new Map<string, StepEffect & { dropSum: number }>();
  for (const r of reflections) {
    if (r.deletedAt !== null) continue;
    const measured = r.strength !== null && r.strengthAfter !== null;
    for (const step of r.steps) {
      const key = labelKey(step);
      let e = steps.get(key);
      if (!e) steps.set(key, (e = { step, uses: 0, measured: 0, meanDrop: null, comparable: false, dropSum: 0 }));
      e.uses++;
      if (measured) {
        e.measured++;
        e.dropSum += r.strength! - r.strengthAfter!;
      }
    }
  }
  return [...steps.values()]
    .map(({ dropSum, ...e }) => ({ ...e, meanDrop: mean(dropSum, e.measured), comparable: e.measured >= MIN_STEP_USES }))
    .sort(
      (a, b) =>
        Number(b.comparable) - Number(a.comparable) ||
        (a.comparable ? b.meanDrop! - a.meanDrop! : 0) ||
        b.uses - a.uses ||
        a.step.localeCompare(b.step),
    );
}

/** The four parts of the day a pattern can name, by the hours where the check-ins were written. */
export const DAY_PARTS = [
  { part: 'night', from: 0, to: 6 },
  { part: 'morning', from: 6, to: 12 },
  { part: 'afternoon', from: 12, to: 18 },
  { part: 'evening', from: 18, to: 24 },
] as const;
export type DayPart = (typeof DAY_PARTS)[number]['part'];

/** Mean mood on the days with something, and on the rest, with the days behind each side. */
export interface MoodComparison {
  with: number;
  without: number;
  days: { with: number; without: number };
}

/**
 * A pattern, as facts: the catalogue (components/i18n, section insights) puts it into words.
 * Means are unrounded; the words round them.
 */
export type InsightFact =
  | ({ kind: 'tagLowersMood' | 'tagRaisesMood'; tag: HaltTag } & MoodComparison)
  /** Days with a reflection (a hard moment got through, or a setback) against the rest. */
  | ({ kind: 'hardDaysLowerMood' | 'hardDaysRaiseMood' } & MoodComparison)
  | { kind: 'lowestPartOfDay'; part: DayPart; mean: number; otherMean: number; checkins: { part: number; other: number } }
  /** A coping step measured often enough (MIN_STEP_USES) after which the pull dropped. */
  | { kind: 'stepLowersPull'; step: string; drop: number; measured: number };

export type InsightKind = InsightFact['kind'];

/** A fact with an id that stays the same while the pattern holds (a list key). */
export type Insight = InsightFact & { id: string };

/**
 * Patterns that the data can honestly support: a comparison is only made when each side has
 * enough days (or check-ins) behind it, and only reported when the difference is at least 0.3.
 */
export function plainInsights(stats: readonly DayStat[], reflections: readonly Reflection[]): Insight[] {
  const insights: Insight[] = [];
  const dayMean = (s: DayStat) => s.moodSum / s.count;
  const avg = (list: readonly DayStat[]) => list.reduce((t, s) => t + dayMean(s), 0) / list.length;

  const compare = (yes: DayStat[], no: DayStat[]): MoodComparison | null => {
    if (yes.length < MIN_DAYS || no.length < MIN_DAYS) return null;
    const a = avg(yes);
    const b = avg(no);
    if (Math.abs(a - b) < 0.3) return null;
    return { with: a, without: b, days: { with: yes.length, without: no.length } };
  };

  for (const tag of HALT_TAGS) {
    const c = compare(...partition(stats, (s) => (s.tags[tag] ?? 0) > 0));
    if (c) insights.push({ id: `tag-${tag}`, kind: c.with < c.without ? 'tagLowersMood' : 'tagRaisesMood', tag, ...c });
  }

  const hardDays = new Set(reflections.filter((r) => r.deletedAt === null).map((r) => r.day));
  {
    const c = compare(...partition(stats, (s) => hardDays.has(s.day)));
    if (c) insights.push({ id: 'hard-days', kind: c.with < c.without ? 'hardDaysLowerMood' : 'hardDaysRaiseMood', ...c });
  }

  const hours = timeOfDay(stats);
  const total = hours.reduce((t, h) => t + h.count, 0);
  const totalSum = hours.reduce((t, h) => t + (h.mean ?? 0) * h.count, 0);
  let lowest: { part: DayPart; mean: number; n: number; otherMean: number; other: number } | null = null;
  for (const { part, from, to } of DAY_PARTS) {
    const slice = hours.slice(from, to);
    const n = slice.reduce((t, h) => t + h.count, 0);
    const other = total - n;
    if (n < MIN_CHECKINS || other < MIN_CHECKINS) continue;
    const sum = slice.reduce((t, h) => t + (h.mean ?? 0) * h.count, 0);
    const m = sum / n;
    if (!lowest || m < lowest.mean) lowest = { part, mean: m, n, otherMean: (totalSum - sum) / other, other };
  }
  if (lowest && lowest.otherMean - lowest.mean >= 0.3) {
    insights.push({
      id: 'time-of-day',
      kind: 'lowestPartOfDay',
      part: lowest.part,
      mean: lowest.mean,
      otherMean: lowest.otherMean,
      checkins: { part: lowest.n, other: lowest.other },
    });
  }

  let steps = 0;
  for (const e of copingEffectiveness(reflections)) {
    if (!e.comparable || e.meanDrop === null || e.meanDrop <= 0) continue;
    insights.push({ id: `step-${labelKey(e.step)}`, kind: 'stepLowersPull', step: e.step, drop: e.meanDrop, measured: e.measured });
    if (++steps >= 3) break;
  }
  return insights;
}

/**
 * The one thing a pattern offers to do, as a fact (the view words and wires it): write steps
 * for the situation it names (a HALT tag, a part of the day). Null where nothing fits: a day
 * that goes better, a step that already helps (the sentence says to keep using it).
 */
export type PatternAction = { kind: 'planForTag'; tag: HaltTag } | { kind: 'planForPart'; part: DayPart };

export function patternAction(i: InsightFact): PatternAction | null {
  switch (i.kind) {
    case 'tagLowersMood':
      return { kind: 'planForTag', tag: i.tag };
    case 'lowestPartOfDay':
      return { kind: 'planForPart', part: i.part };
    case 'tagRaisesMood':
    case 'hardDaysLowerMood':
    case 'hardDaysRaiseMood':
    case 'stepLowersPull':
      return null;
  }
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

/** What the mood chart shows, as facts for its text summary (screen readers, the text alternative). */
export interface MoodSummary {
  /** Days of the period with at least one check-in. */
  daysCheckedIn: number;
  periodDays: number;
  checkins: number;
  /** Mean of the daily means; null when no day has a check-in. */
  average: number | null;
  /** First half of the checked-in days against the second; only with 2 × MIN_DAYS of them. */
  trend: { kind: 'steady' } | { kind: 'rose' | 'dipped'; from: number; to: number } | null;
}

export function moodSummary(points: readonly DayPoint[]): MoodSummary {
  const days = points.filter((p) => p.mean !== null);
  const checkins = days.reduce((t, p) => t + p.count, 0);
  const base = { daysCheckedIn: days.length, periodDays: points.length, checkins };
  if (days.length === 0) return { ...base, average: null, trend: null };
  const average = days.reduce((t, p) => t + p.mean!, 0) / days.length;
  let trend: MoodSummary['trend'] = null;
  if (days.length >= 2 * MIN_DAYS) {
    const half = Math.floor(days.length / 2);
    const from = days.slice(0, half).reduce((t, p) => t + p.mean!, 0) / half;
    const to = days.slice(half).reduce((t, p) => t + p.mean!, 0) / (days.length - half);
    trend = Math.abs(to - from) < 0.2 ? { kind: 'steady' } : { kind: to > from ? 'rose' : 'dipped', from, to };
  }
  return { ...base, average, trend };
}

/**
 * The hour of the day with the lowest mean mood, named only with enough check-ins in that hour
 * and outside it (MIN_CHECKINS each), as the patterns are; null otherwise.
 */
export function lowestHour(hours: readonly HourPoint[]): HourPoint | null {
  const total = hours.reduce((t, h) => t + h.count, 0);
  let lowest: HourPoint | null = null;
  for (const h of hours) {
    if (h.count < MIN_CHECKINS || total - h.count < MIN_CHECKINS) continue;
    if (!lowest || h.mean! < lowest.mean!) lowest = h;
  }
  return lowest;
}

/** Seconds since the epoch at UTC midnight of a day: uPlot's x axis, free of the device zone. */
export function dayToSeconds(day: DayKey): number {
  return dayNumber(day) * 86_400;
}
