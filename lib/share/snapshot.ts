import { addDays, dayNumber, type DayKey, type Weekday } from '../days';
import type { DayStat, PlanEntry, Reflection } from '../db/schema';
import { acceptsAsIs, normalizeText } from '../rules/text';
import { summarizeStreaks } from '../streaks';
import type { AwayRange } from '../settings';
import { LIMITS } from './limits';
import type { ExpiryDays, SharePeriod, Snapshot, SnapshotPlanEntry, SnapshotReflection, SnapshotWin } from './model';
import { fragmentLength } from './plain';

// Builds a mentor link's snapshot from the person's records and choices (see model.ts).

export interface ShareChoices {
  name: string;
  period: SharePeriod;
  expiryDays: ExpiryDays;
  include: {
    mood: boolean;
    wins: boolean;
    reflectionTexts: boolean;
    plan: boolean;
    /** WHO-5 scores of the period: off unless the person ticks it. */
    wellbeing?: boolean;
  };
}

export const DEFAULT_CHOICES: ShareChoices = {
  name: '',
  period: 30,
  expiryDays: 14,
  include: { mood: true, wins: true, reflectionTexts: false, plan: false, wellbeing: false },
};

/**
 * How many bytes (UTF-8) of each kind of text one link may carry. A link has to fit in a
 * text message and a QR code, so the newest texts go in and older ones are left out, and the
 * preview says so.
 */
export const TEXT_BUDGET: Record<SharePeriod, { wins: number; reflections: number; plan: number }> = {
  7: { wins: 900, reflections: 900, plan: 600 },
  30: { wins: 900, reflections: 900, plan: 600 },
  90: { wins: 2000, reflections: 1600, plan: 800 },
};

/**
 * The most characters a link's fragment may have, whatever is ticked: leaves room for an app
 * URL of up to 88 characters (plus `viewer.html#`) within 2,000 (7 and 30 days) or 4,000 (90 days) for the whole
 * link. Texts that compress badly are the only way to reach it; the oldest go first.
 */
export const FRAGMENT_BUDGET: Record<SharePeriod, number> = { 7: 1900, 30: 1900, 90: 3900 };

export interface SnapshotSource {
  now: number;
  today: DayKey;
  workingDays: readonly Weekday[];
  /** Away ranges: days off for the streaks, like days that are not working days. */
  away?: readonly AwayRange[];
  /** Every day with a check-in, for the streaks (not only the period). */
  checkinDays: readonly DayKey[];
  /** Per-day aggregates; days outside the period are ignored. */
  dayStats: readonly DayStat[];
  /** Micro-wins with their day and time; outside the period ignored. */
  wins: readonly { day: DayKey; at: number; text: string }[];
  reflections: readonly Reflection[];
  plan: readonly PlanEntry[];
  /** Answered WHO-5 checks (score 0–100) with their day; outside the period ignored. */
  wellbeing?: readonly { day: DayKey; at: number; score: number }[];
}

export interface BuiltSnapshot {
  snapshot: Snapshot;
  /** Texts that did not fit in the link, by kind. */
  omitted: { wins: number; reflections: number; plan: number };
}

const encoder = new TextEncoder();
// The viewer's own test (lib/rules/text.ts), on texts normalised by the rule every record was
// stored under, so a link Tandem makes is never one its viewer refuses.
const fits = (text: string, max: number, min = 0) => acceptsAsIs(text, { max, required: min > 0 });
const line = (text: string) => normalizeText(text);
const para = (text: string) => normalizeText(text, { multiline: true });
const bytes = (text: string) => encoder.encode(text).length;

/**
 * Takes items in order (newest first) while the budget of bytes allows; one too large for what
 * is left is skipped, so a single long text does not keep out the shorter ones before it.
 */
function fitting<T>(items: readonly T[], budget: number, size: (item: T) => number): [T[], number] {
  const kept: T[] = [];
  let used = 0;
  for (const item of items) {
    const cost = size(item);
    if (used + cost > budget) continue;
    used += cost;
    kept.push(item);
  }
  return [kept, items.length - kept.length];
}

export function periodFirstDay(lastDay: DayKey, period: number): DayKey {
  return addDays(lastDay, -(period - 1));
}

type DayIndex = (day: DayKey) => number | null;

function pickReflections(live: readonly Reflection[], index: DayIndex, budget: number): [SnapshotReflection[], number] {
  const newest = [...live]
    .sort((a, b) => b.at - a.at)
    .map((r) => ({ ...r, triggers: r.triggers.map(line), helped: para(r.helped), nextTime: para(r.nextTime) }));
  const items = newest
    .filter(
      (r) =>
        r.triggers.length <= LIMITS.triggers &&
        r.triggers.every((t) => fits(t, LIMITS.trigger, 1)) &&
        fits(r.helped, LIMITS.reflectionText) &&
        fits(r.nextTime, LIMITS.reflectionText),
    )
    .slice(0, LIMITS.reflections)
    .map((r) => ({ day: index(r.day)!, kind: r.kind, triggers: r.triggers, helped: r.helped, nextTime: r.nextTime }));
  const [kept] = fitting(items, budget, (r) =>
    r.triggers.reduce((sum, t) => sum + bytes(t), bytes(r.helped) + bytes(r.nextTime)),
  );
  return [kept, newest.length - kept.length];
}

function pickWins(wins: SnapshotSource['wins'], index: DayIndex, budget: number): [SnapshotWin[], number] {
  const inPeriod = wins.map((w) => ({ ...w, text: line(w.text) })).filter((w) => w.text !== '' && index(w.day) !== null);
  const newest = inPeriod
    .filter((w) => fits(w.text, LIMITS.winText, 1))
    .sort((a, b) => b.at - a.at)
    .slice(0, LIMITS.wins)
    .map((w) => ({ day: index(w.day)!, text: w.text }));
  const [kept] = fitting(newest, budget, (w) => bytes(w.text));
  return [kept, inPeriod.length - kept.length];
}

function pickPlan(plan: readonly PlanEntry[], budget: number): [SnapshotPlanEntry[], number] {
  const live = plan
    .filter((p) => p.deletedAt === null)
    .map((p) => ({ ...p, trigger: line(p.trigger), steps: p.steps.map(line) }));
  const entries = live
    .filter(
      (p) =>
        fits(p.trigger, LIMITS.planText, 1) &&
        p.steps.length <= LIMITS.planSteps &&
        p.steps.every((step) => fits(step, LIMITS.planText, 1)),
    )
    .sort((a, b) => a.order - b.order)
    .slice(0, LIMITS.planEntries)
    .map((p) => ({ trigger: p.trigger, steps: p.steps }));
  const [kept] = fitting(entries, budget, (p) => p.steps.reduce((sum, s) => sum + bytes(s), bytes(p.trigger)));
  return [kept, live.length - kept.length];
}

export function buildSnapshot(source: SnapshotSource, choices: ShareChoices): BuiltSnapshot {
  const { period, include } = choices;
  const lastN = dayNumber(source.today);
  const firstN = lastN - (period - 1);
  const index: DayIndex = (day) => {
    const n = dayNumber(day);
    return n >= firstN && n <= lastN ? n - firstN : null;
  };

  const checkins = new Array<number>(period).fill(0);
  const mood = new Array<number>(period).fill(0);
  for (const stat of source.dayStats) {
    const i = index(stat.day);
    if (i === null || stat.count === 0) continue;
    checkins[i] = stat.count;
    mood[i] = Math.round((stat.moodSum / stat.count) * 10);
  }

  const streak = summarizeStreaks({
    checkinDays: source.checkinDays,
    today: source.today,
    workingDays: source.workingDays,
    away: source.away,
  });
  const live = source.reflections.filter((r) => r.deletedAt === null && index(r.day) !== null);
  const snapshot: Snapshot = {
    name: line(choices.name),
    createdAt: source.now,
    expiresAt: source.now + choices.expiryDays * 86_400_000,
    period,
    lastDay: source.today,
    streak: { current: streak.current, best: streak.best },
    checkins,
    reflections: {
      nearMisses: live.filter((r) => r.kind === 'near-miss').length,
      setbacks: live.filter((r) => r.kind === 'setback').length,
    },
  };
  const budget = TEXT_BUDGET[period];
  const omitted = { wins: 0, reflections: 0, plan: 0 };
  if (include.mood) snapshot.mood = mood;
  if (include.wins) [snapshot.wins, omitted.wins] = pickWins(source.wins, index, budget.wins);
  if (include.reflectionTexts) {
    [snapshot.reflections.items, omitted.reflections] = pickReflections(live, index, budget.reflections);
  }
  if (include.plan) [snapshot.plan, omitted.plan] = pickPlan(source.plan, budget.plan);
  if (include.wellbeing) {
    snapshot.wellbeing = (source.wellbeing ?? [])
      .filter((w) => index(w.day) !== null)
      .sort((a, b) => a.at - b.at)
      .slice(-LIMITS.wellbeing)
      .map((w) => ({ day: index(w.day)!, score: w.score }));
  }
  trimToBudget(snapshot, omitted);
  return { snapshot, omitted };
}

/** Drops the oldest text of the kind that weighs most until the link fits its budget. */
function trimToBudget(snapshot: Snapshot, omitted: BuiltSnapshot['omitted']): void {
  const budget = FRAGMENT_BUDGET[snapshot.period];
  while (fragmentLength(snapshot) > budget) {
    const weights = [
      { kind: 'wins' as const, list: snapshot.wins ?? [], size: bytes(JSON.stringify(snapshot.wins ?? [])) },
      {
        kind: 'reflections' as const,
        list: snapshot.reflections.items ?? [],
        size: bytes(JSON.stringify(snapshot.reflections.items ?? [])),
      },
      // The plan is in the person's order, not by date: its last entries go first.
      { kind: 'plan' as const, list: snapshot.plan ?? [], size: bytes(JSON.stringify(snapshot.plan ?? [])) },
    ].filter((w) => w.list.length > 0);
    const heaviest = weights.sort((a, b) => b.size - a.size)[0];
    if (!heaviest) return;
    heaviest.list.pop();
    omitted[heaviest.kind]++;
  }
}

// The share log's record of what a link held lives with its older forms in contents.ts.
export { describeContents } from './contents';
