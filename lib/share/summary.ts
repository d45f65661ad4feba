import { addDays, dayNumber, weekdayOf, type DayKey } from '../days';
import type { Snapshot } from './model';

// Plain readings of a snapshot for the viewer: which day is which, averages in words, and
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What changed from the snapshot a mentor kept before to the newer one, in plain sentences.
 * Days are compared by date, so two links whose periods overlap only partly still line up.
 */
export function changesSince(previous: Snapshot, next: Snapshot): string[] {
  const changes: string[] = [];
  if (next.streak.current !== previous.streak.current) {
    changes.push(`Current streak: ${previous.streak.current} → ${next.streak.current} days.`);
  } else {
    changes.push(`Current streak unchanged: ${plural(next.streak.current, 'day', 'days')}.`);
  }
  if (next.streak.best > previous.streak.best) changes.push(`New best streak: ${plural(next.streak.best, 'day', 'days')}.`);

  const previousEnd = dayNumber(previous.lastDay);
  const newDays = next.checkins.filter((c, i) => c > 0 && dayNumber(dayOf(next, i)) > previousEnd).length;
  const span = dayNumber(next.lastDay) - previousEnd;
  if (span > 0) changes.push(`Checked in on ${newDays} of the ${plural(Math.min(span, next.period), 'day', 'days')} since the last snapshot.`);

  const before = averageMood(previous, previous.period - 7);
  const after = averageMood(next, next.period - 7);
  if (before !== null && after !== null) changes.push(`Average mood over the last 7 days: ${before} → ${after} (of 5).`);

  if (next.wins) {
    const seen = new Set((previous.wins ?? []).map((w) => `${dayOf(previous, w.day)}|${w.text}`));
    const fresh = next.wins.filter((w) => !seen.has(`${dayOf(next, w.day)}|${w.text}`)).length;
    changes.push(fresh === 0 ? 'No new micro-wins.' : `${plural(fresh, 'new micro-win', 'new micro-wins')}.`);
  }
  return changes;
}
