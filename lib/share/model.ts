import type { DayKey } from '../days';
import type { ReflectionKind } from '../db/schema';

// What a mentor link carries: per-day aggregates of the chosen period and only the texts the
// person ticked, never raw records. The same shape is the JSON inside the link (see
// docs/share-link.md), so the preview, the codec and the viewer all read one thing. Kept apart
// from the builder so that the mentor's viewer loads none of the mentee's app code.

export const SHARE_PERIODS = [7, 30, 90] as const;
export type SharePeriod = (typeof SHARE_PERIODS)[number];

export const EXPIRY_DAYS = [1, 7, 14, 30, 90] as const;
export type ExpiryDays = (typeof EXPIRY_DAYS)[number];

export interface SnapshotWin {
  /** Index of its day in the period: 0 is the first day, period − 1 the last. */
  day: number;
  text: string;
}

export interface SnapshotReflection {
  day: number;
  kind: ReflectionKind;
  triggers: string[];
  helped: string;
  nextTime: string;
}

export interface SnapshotPlanEntry {
  trigger: string;
  steps: string[];
}

export interface Snapshot {
  /** The person's name as they want the mentor to see it. */
  name: string;
  createdAt: number;
  expiresAt: number;
  period: SharePeriod;
  /** The last day of the period (the person's today when the link was made). */
  lastDay: DayKey;
  streak: { current: number; best: number };
  /** Check-ins per day, oldest first, one entry per day of the period. */
  checkins: number[];
  /** Average mood per day ×10 (10–50), 0 on days without a check-in; absent when not shared. */
  mood?: number[];
  /** Micro-win texts, newest first; absent when not shared. */
  wins?: SnapshotWin[];
  /** Near misses and setbacks: always counted; their texts only when the person ticked them. */
  reflections: { nearMisses: number; setbacks: number; items?: SnapshotReflection[] };
  /** The relapse-prevention plan; absent when not shared. */
  plan?: SnapshotPlanEntry[];
  /** WHO-5 wellbeing scores (0–100) taken in the period, oldest first; absent when not shared (the default). */
  wellbeing?: SnapshotWellbeing[];
}

export interface SnapshotWellbeing {
  day: number;
  /** 0–100, a multiple of 4 (raw 0–25 × 4). */
  score: number;
}
