import { addDays, dayNumber, weekdayOf, type DayKey } from '../days';
import { labelKey } from '../text';
import type { Snapshot } from './model';

// Plain readings of a snapshot for the viewer: which day is which, averages, and
// what changed between two snapshots of the same person. No DOM here, so all of it is tested.

export function firstDay(snapshot: Snapshot): DayKey {
  return addDays(snapshot.lastDay, -(snapshot.period - 1));
}

export function dayOf(snapshot: Snapshot, index: number): DayKey {
  return addDays(firstDay(snapshot), index);
}

export function daysCheckedIn(snapshot: Snapshot): number {
  return snapshot.checkins.filter((c) => c > 0).length;
}

/** Average of the daily average moods (1–5) over days [from, to) of the period, or null. */
export function averageMood(snapshot: Snapshot, from = 0, to: number = snapshot.period): number | null {
  if (!snapshot.mood) return null;
  const days = snapshot.mood.slice(Math.max(0, from), Math.max(0, to)).filter((m) => m > 0);
  if (days.length === 0) return null;
  return Math.round(days.reduce((a, b) => a + b, 0) / days.length) / 10;
}

export interface MoodReading {
  overall: number | null;
  lastWeek: number | null;
  weekBefore: number | null;
}

export function moodReading(snapshot: Snapshot): MoodReading {
  const p = snapshot.period;
  return {
    overall: averageMood(snapshot),
    lastWeek: averageMood(snapshot, p - 7, p),
    weekBefore: p >= 14 ? averageMood(snapshot, p - 14, p - 7) : null,
  };
}

/** Blank cells before the first day, so that a Monday-first calendar lines up. */
export function leadingBlanks(snapshot: Snapshot): number {
  return (weekdayOf(firstDay(snapshot)) + 6) % 7;
}

/** The least difference in weekly mood (on the 1–5 scale) that the summary calls a change. */
export const MOOD_CHANGE = 0.3;

/**
 * What the mentor's page says first, as facts (share.summary in the catalogue words them).
 * A snapshot holds check-ins per day, never their times: the last check-in is a day.
 */
export interface SnapshotSummary {
  /** The last day of the period with a check-in, and how many days before the link was made; null: none in the period. */
  lastCheckIn: { day: DayKey; daysBefore: number } | null;
  streak: { current: number; best: number };
  /**
   * Average mood over the last 7 days of the period against the 7 before (1–5, one decimal);
   * absent when mood was not shared. `thisWeek` null: no check-in in the last 7 days;
   * `lastWeek` null: no check-in the week before, or a 7-day period.
   */
  mood?: { thisWeek: number | null; lastWeek: number | null; change: 'up' | 'down' | 'same' | null };
  nearMisses: number;
  setbacks: number;
  /**
   * The triggers named most often in the shared reflections (ties all named, in the order first
   * seen, at most three) and how many reflections named each; absent when the texts were not
   * shared or none names a trigger.
   */
  pulled?: { triggers: string[]; times: number };
}

export function snapshotSummary(snapshot: Snapshot): SnapshotSummary {
  let last = -1;
  snapshot.checkins.forEach((c, i) => {
    if (c > 0) last = i;
  });
  const summary: SnapshotSummary = {
    lastCheckIn: last < 0 ? null : { day: dayOf(snapshot, last), daysBefore: snapshot.checkins.length - 1 - last },
    streak: { ...snapshot.streak },
    nearMisses: snapshot.reflections.nearMisses,
    setbacks: snapshot.reflections.setbacks,
  };
  if (snapshot.mood) {
    const { lastWeek: thisWeek, weekBefore: lastWeek } = moodReading(snapshot);
    const change =
      thisWeek === null || lastWeek === null
        ? null
        : Math.abs(thisWeek - lastWeek) < MOOD_CHANGE - 1e-9
          ? 'same'
          : thisWeek > lastWeek
            ? 'up'
            : 'down';
    summary.mood = { thisWeek, lastWeek, change };
  }
  const items = snapshot.reflections.items;
  if (items) {
    const counts = new Map<string, { label: string; times: number }>();
    for (const item of items) {
      // A reflection names each trigger once, however it was spelled.
      const seen = new Set<string>();
      for (const t of item.triggers) {
        const key = labelKey(t);
        if (key === '' || seen.has(key)) continue;
        seen.add(key);
        const entry = counts.get(key);
        if (entry) entry.times++;
        else counts.set(key, { label: t, times: 1 });
      }
    }
    const most = Math.max(0, ...[...counts.values()].map((e) => e.times));
    if (most > 0) {
      summary.pulled = {
        triggers: [...counts.values()].filter((e) => e.times === most).slice(0, 3).map((e) => e.label),
        times: most,
      };
    }
  }
  return summary;
}

/**
 * One thing that changed between two snapshots of a person, as a fact the viewer words in the
 * mentor's language (share.changes in the catalogue).
 */
export type ChangeFact =
  /** The current streak moved from one length to another. */
  | { kind: 'streak'; from: number; to: number }
  /** The current streak is as long as before. */
  | { kind: 'streakSame'; days: number }
  /** A longer best streak than before. */
  | { kind: 'bestStreak'; days: number }
  /** Days checked in among the days since the snapshot before. */
  | { kind: 'checkedIn'; days: number; of: number }
  /** Average mood over the last 7 days, before and now (1–5, one decimal). */
  | { kind: 'mood'; from: number; to: number }
  /** New micro-wins (0: none). */
  | { kind: 'wins'; count: number }
  /** A sentence an older version kept that is none of the above, kept as it was. */
  | { kind: 'text'; text: string };

/**
 * What changed from the snapshot a mentor kept before to the newer one.
 * Days are compared by date, so two links whose periods overlap only partly still line up.
 */
export function changesSince(previous: Snapshot, next: Snapshot): ChangeFact[] {
  const changes: ChangeFact[] = [];
  if (next.streak.current !== previous.streak.current) {
    changes.push({ kind: 'streak', from: previous.streak.current, to: next.streak.current });
  } else {
    changes.push({ kind: 'streakSame', days: next.streak.current });
  }
  if (next.streak.best > previous.streak.best) changes.push({ kind: 'bestStreak', days: next.streak.best });

  const previousEnd = dayNumber(previous.lastDay);
  const newDays = next.checkins.filter((c, i) => c > 0 && dayNumber(dayOf(next, i)) > previousEnd).length;
  const span = dayNumber(next.lastDay) - previousEnd;
  if (span > 0) changes.push({ kind: 'checkedIn', days: newDays, of: Math.min(span, next.period) });

  const before = averageMood(previous, previous.period - 7);
  const after = averageMood(next, next.period - 7);
  if (before !== null && after !== null) changes.push({ kind: 'mood', from: before, to: after });

  if (next.wins) {
    const seen = new Set((previous.wins ?? []).map((w) => `${dayOf(previous, w.day)}|${w.text}`));
    const fresh = next.wins.filter((w) => !seen.has(`${dayOf(next, w.day)}|${w.text}`)).length;
    changes.push({ kind: 'wins', count: fresh });
  }
  return changes;
}

// The English sentences every release before this one kept in the mentor's list (the list
// lives on the mentor's device, so old rows stay until their link expires). `days?` covers the
// first release's "1 days".
const WHOLE = '(\\d{1,6})';
const MOOD = '([1-5](?:\\.\\d)?)';
const SENTENCES: readonly [RegExp, (n: number[]) => ChangeFact][] = [
  [new RegExp(`^Current streak: ${WHOLE} → ${WHOLE} days?\\.$`), ([from, to]) => ({ kind: 'streak', from: from!, to: to! })],
  [new RegExp(`^Current streak unchanged: ${WHOLE} days?\\.$`), ([days]) => ({ kind: 'streakSame', days: days! })],
  [new RegExp(`^New best streak: ${WHOLE} days?\\.$`), ([days]) => ({ kind: 'bestStreak', days: days! })],
  [
    new RegExp(`^Checked in on ${WHOLE} of the ${WHOLE} days? since the last snapshot\\.$`),
    ([days, of]) => ({ kind: 'checkedIn', days: days!, of: of! }),
  ],
  [new RegExp(`^Average mood over the last 7 days: ${MOOD} → ${MOOD} \\(of 5\\)\\.$`), ([from, to]) => ({ kind: 'mood', from: from!, to: to! })],
  [/^No new micro-wins\.$/, () => ({ kind: 'wins', count: 0 })],
  [new RegExp(`^${WHOLE} new micro-wins?\\.$`), ([count]) => ({ kind: 'wins', count: count! })],
];

/** The fact an older version's sentence stated, or the sentence itself when it is none of them. */
export function changeFromText(text: string): ChangeFact {
  for (const [pattern, fact] of SENTENCES) {
    const m = pattern.exec(text);
    if (m) return fact(m.slice(1).map(Number));
  }
  return { kind: 'text', text };
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Whether a value is exactly one ChangeFact, as this version keeps them. */
export function isChangeFact(value: unknown): value is ChangeFact {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const r = value as Record<string, unknown>;
  const has = (...keys: string[]) => Object.keys(r).length === keys.length + 1 && keys.every((k) => num(r[k]));
  switch (r.kind) {
    case 'streak':
    case 'mood':
      return has('from', 'to');
    case 'streakSame':
    case 'bestStreak':
      return has('days');
    case 'checkedIn':
      return has('days', 'of');
    case 'wins':
      return has('count');
    case 'text':
      return Object.keys(r).length === 2 && typeof r.text === 'string';
    default:
      return false;
  }
}

/**
 * A kept row's changes as facts: older sentences matched, facts kept, anything else left out;
 * null (the first snapshot kept) when the row holds no list.
 */
export function changesFromStored(value: unknown): ChangeFact[] | null {
  if (!Array.isArray(value)) return null;
  return value.flatMap((entry: unknown): ChangeFact[] => {
    if (typeof entry === 'string') return [changeFromText(entry)];
    return isChangeFact(entry) ? [entry] : [];
  });
}
