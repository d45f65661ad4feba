import type { KeptMentee } from './menteeList';
import type { Snapshot } from './model';
import { snapshotSummary } from './summary';

// The mentor's list at a glance: for each person, facts the viewer words in one or two short
// lines, so that ten people fit one phone screen.

const DAY = 86_400_000;
/** The least change in the WHO-5 score (0–100) worth calling a change: its manual's 10 points. */
export const WELLBEING_CHANGE = 10;

export interface Glance {
  /** Whole days since the newest snapshot was made (0: today). */
  daysSince: number;
  streak: number;
  mood: 'up' | 'down' | 'steady' | 'none' | null;
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
  const mood = summary.mood === undefined ? 'none' : summary.mood.change === 'same' ? 'steady' : summary.mood.change;
  const out: Glance = { daysSince: Math.max(0, Math.floor((now - snapshot.createdAt) / DAY)), streak: snapshot.streak.current, mood };
  const scores = snapshot.wellbeing ?? [];
  const latest = lastScore(snapshot);
  if (latest !== null) {
    const before = scores.length >= 2 ? scores[scores.length - 2]!.score : lastScore(previous);
    const trend =
      before === null ? null : Math.abs(latest - before) < WELLBEING_CHANGE ? 'steady' : latest > before ? 'up' : 'down';
    out.wellbeing = { latest, trend };
  }
  return out;
}

/** Least recently heard from first; the same moment by name, so the order never flickers. */
export function byLeastRecent(a: KeptMentee, b: KeptMentee): number {
  return a.snapshot.createdAt - b.snapshot.createdAt || a.name.localeCompare(b.name);
}
