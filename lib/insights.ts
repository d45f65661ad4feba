import { addDays, dayNumber, type DayKey } from './days';
import { HALT_TAGS, type DayStat, type HaltTag, type Reflection } from './db/schema';
import { labelKey } from './text';

// Everything the insights view shows, computed from the per-day aggregates (one row per day,
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

const round1 = (n: number) => Math.round(n * 10) / 10;
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

const PARTS = [
  { name: 'at night (midnight to 6 am)', from: 0, to: 6 },
  { name: 'in the morning (6 am to noon)', from: 6, to: 12 },
  { name: 'in the afternoon (noon to 6 pm)', from: 12, to: 18 },
  { name: 'in the evening (6 pm to midnight)', from: 18, to: 24 },
];

const TAG_WORD: Record<HaltTag, string> = { hungry: 'Hungry', angry: 'Angry', lonely: 'Lonely', tired: 'Tired' };

export interface Insight {
  id: string;
  text: string;
}

function fmt(n: number): string {
  return round1(n).toFixed(1);
}

/**
 * Plain-language patterns that the data can honestly support: a comparison is only put into
 * words when each side has enough days (or check-ins) behind it.
 */
export function plainInsights(stats: readonly DayStat[], reflections: readonly Reflection[]): Insight[] {
  const insights: Insight[] = [];
  const dayMean = (s: DayStat) => s.moodSum / s.count;
  const avg = (list: readonly DayStat[]) => list.reduce((t, s) => t + dayMean(s), 0) / list.length;

  const compare = (id: string, yes: DayStat[], no: DayStat[], what: string) => {
    if (yes.length < MIN_DAYS || no.length < MIN_DAYS) return;
    const a = avg(yes);
    const b = avg(no);
    if (Math.abs(a - b) < 0.3) return;
    insights.push({
      id,
      text: `${what} your mood averages ${fmt(a)}, against ${fmt(b)} otherwise (${yes.length} vs ${no.length} days).`,
    });
  };

  for (const tag of HALT_TAGS) {
    const [yes, no] = partition(stats, (s) => (s.tags[tag] ?? 0) > 0);
    compare(`tag-${tag}`, yes, no, `On days tagged ${TAG_WORD[tag]}`);
  }

  const hardDays = new Set(reflections.filter((r) => r.deletedAt === null).map((r) => r.day));
  {
    const [yes, no] = partition(stats, (s) => hardDays.has(s.day));
    compare('hard-days', yes, no, 'On days with a hard moment or a setback');
  }

  const hours = timeOfDay(stats);
  const total = hours.reduce((t, h) => t + h.count, 0);
  const totalSum = hours.reduce((t, h) => t + (h.mean ?? 0) * h.count, 0);
  let lowest: { name: string; mean: number; n: number; otherMean: number; other: number } | null = null;
  for (const part of PARTS) {
    const slice = hours.slice(part.from, part.to);
    const n = slice.reduce((t, h) => t + h.count, 0);
    const other = total - n;
    if (n < MIN_CHECKINS || other < MIN_CHECKINS) continue;
    const sum = slice.reduce((t, h) => t + (h.mean ?? 0) * h.count, 0);
    const m = sum / n;
    if (!lowest || m < lowest.mean) lowest = { name: part.name, mean: m, n, otherMean: (totalSum - sum) / other, other };
  }
  if (lowest && lowest.otherMean - lowest.mean >= 0.3) {
    insights.push({
      id: 'time-of-day',
      text: `Your mood is lowest ${lowest.name}: ${fmt(lowest.mean)} on average, against ${fmt(lowest.otherMean)} at other times (${lowest.n} vs ${lowest.other} check-ins).`,
    });
  }

  for (const e of copingEffectiveness(reflections)) {
    if (!e.comparable || e.meanDrop === null || e.meanDrop <= 0) continue;
    insights.push({
      id: `step-${labelKey(e.step)}`,
      text: `After “${e.step}” the pull dropped by ${fmt(e.meanDrop)} points on average (${e.measured} times measured).`,
    });
    if (insights.filter((i) => i.id.startsWith('step-')).length >= 3) break;
  }
  return insights;
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

/** A one-sentence summary of the mood chart, for screen readers and the text alternative. */
export function describeMood(points: readonly DayPoint[]): string {
  const days = points.filter((p) => p.mean !== null);
  if (days.length === 0) return 'No check-ins in this period yet.';
  const avgMood = days.reduce((t, p) => t + p.mean!, 0) / days.length;
  const half = Math.floor(days.length / 2);
  let trend = '';
  if (days.length >= 2 * MIN_DAYS) {
    const first = days.slice(0, half).reduce((t, p) => t + p.mean!, 0) / half;
    const second = days.slice(half).reduce((t, p) => t + p.mean!, 0) / (days.length - half);
    const diff = second - first;
    trend =
      Math.abs(diff) < 0.2
        ? ' Mood has been steady.'
        : diff > 0
          ? ` Mood has risen, from ${fmt(first)} to ${fmt(second)}.`
          : ` Mood has dipped, from ${fmt(first)} to ${fmt(second)}.`;
  }
  const checkins = days.reduce((t, p) => t + p.count, 0);
  return `Checked in on ${days.length} of ${points.length} days (${checkins} check-ins). Average mood ${fmt(avgMood)} out of 5.${trend}`;
}

/** Seconds since the epoch at UTC midnight of a day: uPlot's x axis, free of the device zone. */
export function dayToSeconds(day: DayKey): number {
  return dayNumber(day) * 86_400;
}
