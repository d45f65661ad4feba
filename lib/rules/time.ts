import { addDays, dayKeyAtOffset, type DayKey } from '../days';

// The one rule for instants and stamps. Every stored instant (when a record happened, was
// made, changed or deleted; when a link expires) is a whole number of milliseconds from
// 2000-01-01T00:00Z to 2100-01-01T00:00Z. A device whose clock reads outside that range still
// saves: its reading is brought to the nearer end (CLOCK_* below), so a check-in is never
// refused for a wrong clock, and everything it stores can still be backed up and imported.

export const TIME_MIN = Date.UTC(2000, 0, 1);
export const TIME_MAX = Date.UTC(2100, 0, 1);

/** UTC offsets a record may carry, in minutes east of UTC (−14:00 to +14:00). */
export const OFFSET_MIN = -14 * 60;
export const OFFSET_MAX = 14 * 60;
/** The latest hour a day may start at (settings.dayStartHour). */
export const DAY_START_MAX = 12;

/** The earliest and latest day any valid instant, offset and day-start hour can fall on. */
export const DAY_MIN: DayKey = addDays(dayKeyAtOffset(TIME_MIN, OFFSET_MIN, 0), -1);
export const DAY_MAX: DayKey = dayKeyAtOffset(TIME_MAX, OFFSET_MAX, 0);

/** A stamp later than this past the receiving device's clock was made by a clock set wrong. */
export const FUTURE_SLACK = 86_400_000;

export function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= TIME_MIN && value <= TIME_MAX;
}

/** The clock's reading as a storable instant: within TIME_MIN..TIME_MAX, whole milliseconds. */
export function clampInstant(now: number): number {
  if (!Number.isFinite(now)) return TIME_MIN;
  return Math.min(TIME_MAX, Math.max(TIME_MIN, Math.floor(now)));
}

/**
 * The stamp for a change: now, but always later than the stamp it replaces, so a change made
 * here is never older than what it changed (a file from a clock ahead of ours can't undo it).
 * At TIME_MAX it can move no further and stays there.
 */
export function nextStamp(now: number, previous: number | null | undefined): number {
  const at = clampInstant(now);
  return previous === null || previous === undefined ? at : Math.min(TIME_MAX, Math.max(at, previous + 1));
}

/** Whether a received stamp is further ahead of this device's clock than any honest one. */
export function isFromTheFuture(stamp: number, now: number): boolean {
  return stamp > clampInstant(now) + FUTURE_SLACK;
}
