import { addDays, dayKey, instantAt, weekdayOf } from './days';
import { isInstant } from './rules/time';
import type { Settings } from './settings';

// "Check in with me tomorrow morning": a one-off reminder after a hard moment, kept per device
// (lib/kv.ts 'checkin-tomorrow'), and the pure rules over it: when it is, and whether it is due.
// Apart from the urge timer (lib/urge.ts): the web app's check-in view reads it as it opens.

export interface TomorrowReminder {
  /** When to reach out. */
  at: number;
  /** The notification for it has been shown (it is shown once). */
  notified: boolean;
}

/** How long after its time the reminder stays (badge on, card shown) unless a check-in answers it. */
export const TOMORROW_KEEP_MS = 10 * 3600_000;
const DEFAULT_MORNING = 9 * 60;
const NOON = 12 * 60;

export function isTomorrowReminder(value: unknown): value is TomorrowReminder {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return isInstant(r.at) && typeof r.notified === 'boolean';
}

/**
 * Next morning's first reminder window start, or 09:00: "next" is the day after the person's
 * day now (their day starts at the day-start hour, so at 01:00 it is still yesterday, and the
 * morning meant is this one). A window counts as a morning one if it starts before noon.
 */
export function tomorrowMorning(now: number, timeZone: string, settings: Pick<Settings, 'weekPlan' | 'dayStartHour'>): number {
  const day = addDays(dayKey(now, timeZone, settings.dayStartHour), 1);
  const earliest = settings.dayStartHour * 60;
  const starts = (settings.weekPlan[weekdayOf(day)] ?? []).map((w) => w.start).filter((s) => s >= earliest && s < NOON);
  const minute = starts.length > 0 ? Math.min(...starts) : Math.max(DEFAULT_MORNING, earliest);
  return instantAt(day, minute, timeZone);
}

export type TomorrowState = 'waiting' | 'due' | 'over';

/** Waiting for its time, due (until a check-in after its time, or TOMORROW_KEEP_MS), or over. */
export function tomorrowState(stored: unknown, now: number, lastCheckinAt: number | null): TomorrowState {
  if (!isTomorrowReminder(stored)) return 'over';
  if (now < stored.at) return 'waiting';
  if (now >= stored.at + TOMORROW_KEEP_MS) return 'over';
  if (lastCheckinAt !== null && lastCheckinAt >= stored.at) return 'over';
  return 'due';
}
