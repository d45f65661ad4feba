import type { KeptMentee } from './menteeList';
import type { Snapshot } from './model';
import { moodReading, MOOD_CHANGE, snapshotSummary } from './summary';

// The mentor's list at a glance: for each person, facts the viewer words in one or two short
// lines, so that ten people fit one phone screen.

const DAY = 86_400_000;
/** The least change in the WHO-5 score (0–100) worth calling a change: its manual's 10 points. */
export const WELLBEING_CHANGE = 10;

export interface Glance {
  /** Whole days since the newest snapshot was made (0: today). */
  daysSince: number;
  streak: number;
  /** The trend of the last week against the week before (or the snapshot before); null: not enough days. */
  mood: 'up' | 'down' | 'steady' | 'none' | null;
  /** Average mood (1–5) over the last 7 days, when mood was shared and there is one. */
  moodAverage: number | null;
  /** Absent when no wellbeing score was shared. */
  wellbeing?: { latest: number; trend: 'up' | 'down' | 'steady' | null };
}

function lastScore(snapshot: Snapshot | undefined): number | null {
  const scores = snapshot?.wellbeing ?? [];
  return scores.length === 0 ? null : scores[scores.length - 1]!.score;
}

export function glance(kept: Pick<KeptMentee, 'snapshot' | 'previous'>, now: number): Glance {
  const { snapshot, previous } = kept;
  const summary = snapshotSummary(snapshot);
  let mood: Glance['mood'] = summary.mood === undefined ? 'none' : summary.mood.change === 'same' ? 'steady' : summary.mood.change;
  const moodAverage = summary.mood?.thisWeek ?? null;
  // A 7-day link has no week before in it: the snapshot kept before stands in for it.
  const before = previous ? moodReading(previous).lastWeek : null;
  if (mood === null && moodAverage !== null && before !== null) {
    mood = Math.abs(moodAverage - before) < MOOD_CHANGE - 1e-9 ? 'steady' : moodAverage > before ? 'up' : 'down';
  }
  const out: Glance = { daysSince: Math.max(0, Math.floor((now - snapshot.createdAt) / DAY)), streak: snapshot.streak.current, mood, moodAverage };
  const scores = snapshot.wellbeing ?? [];
  const latest = lastScore(snapshot);
  if (latest !== null) {
    const earlier = scores.length >= 2 ? scores[scores.length - 2]!.score : lastScore(previous);
    const trend =
      earlier === null ? null : Math.abs(latest - earlier) < WELLBEING_CHANGE ? 'steady' : latest > earlier ? 'up' : 'down';
    out.wellbeing = { latest, trend };
  }
  return out;
}

/** Least recently heard from first; the same moment by name, so the order never flickers. */
export function byLeastRecent(a: KeptMentee, b: KeptMentee): number {
  return a.snapshot.createdAt - b.snapshot.createdAt || a.name.localeCompare(b.name);
}
