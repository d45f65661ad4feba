import { addDays, dayKey, instantAt, weekdayOf } from './days';
import type { Settings } from './settings';

// The urge-surfing timer and the "check in with me tomorrow morning" reminder, as facts kept
// per device (lib/kv.ts 'urge-timer', 'checkin-tomorrow') and pure rules over them. The page
// that starts a timer stores when it started; everything else (the countdown on reopening, the
// toolbar badge, the end) is worked out from that, so closing the popup loses nothing.

/** The lengths the timer offers; the first is the crisis sheet's one-tap start. */
export const URGE_LENGTHS = [10, 15, 20] as const;
export const DEFAULT_URGE_MINUTES = URGE_LENGTHS[0];
const MAX_URGE_TIMER_MINUTES = 60;
/** After its end, a timer waits this long for the person to say how strong the urge is now. */
export const URGE_KEEP_MS = 3 * 3600_000;
/** The end is notified only this close to it (an alarm fired late, e.g. after a browser restart, stays quiet). */
export const URGE_NOTIFY_WINDOW_MS = 10 * 60_000;

export interface UrgeTimer {
  startedAt: number;
  minutes: number;
  /** How strong the urge was at the start (0 to 10), if the person said. */
  strengthBefore: number | null;
  /** Set when the person ended it early ("I'm through it"): the countdown stops there. */
  endedAt?: number | null;
}

export type UrgePhase =
  | { name: 'none' }
  | { name: 'running'; timer: UrgeTimer; endsAt: number }
  /** Over (run out, or ended early) and waiting for how strong the urge is now. */
  | { name: 'ended'; timer: UrgeTimer; endedAt: number; minutes: number; early: boolean };

const isInstant = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;
const isStrength = (n: unknown) => n === null || (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 10);

/** A stored value that is a usable timer (storage may hold anything an older version wrote). */
export function isUrgeTimer(value: unknown): value is UrgeTimer {
  if (!value || typeof value !== 'object') return false;
  const t = value as Record<string, unknown>;
  return (
    isInstant(t.startedAt) &&
    typeof t.minutes === 'number' &&
    Number.isInteger(t.minutes) &&
    t.minutes >= 1 &&
    t.minutes <= MAX_URGE_TIMER_MINUTES &&
    isStrength(t.strengthBefore ?? null) &&
    (t.endedAt === undefined || t.endedAt === null || isInstant(t.endedAt))
  );
}

export function newUrgeTimer(now: number, minutes: number, strengthBefore: number | null): UrgeTimer {
  return { startedAt: now, minutes, strengthBefore, endedAt: null };
}

export const urgeEndsAt = (t: UrgeTimer) => t.startedAt + t.minutes * 60_000;

/** Whole minutes surfed between the start and `at`, from 1 to the timer's length. */
export function minutesSurfed(t: UrgeTimer, at: number): number {
  return Math.min(t.minutes, Math.max(1, Math.round((at - t.startedAt) / 60_000)));
}

/** Where a stored timer stands at `now`; a timer long over, or not a timer, is none. */
export function urgePhase(stored: unknown, now: number): UrgePhase {
  if (!isUrgeTimer(stored)) return { name: 'none' };
  const t = stored;
  const endsAt = urgeEndsAt(t);
  const early = t.endedAt !== undefined && t.endedAt !== null && t.endedAt < endsAt;
  const endedAt = early ? t.endedAt! : endsAt;
  if (!early && now < endsAt) return { name: 'running', timer: t, endsAt };
  if (now - endedAt > URGE_KEEP_MS) return { name: 'none' };
  return { name: 'ended', timer: t, endedAt, minutes: minutesSurfed(t, endedAt), early };
}

/** Milliseconds left, never more than the timer's length (a clock set back before the start). */
export function msLeft(t: UrgeTimer, now: number): number {
  return Math.max(0, Math.min(t.minutes * 60_000, urgeEndsAt(t) - now));
}

/** Whole minutes left, rounded up (9:01 left is "10"), at least 1 while it runs. */
export function minutesLeft(t: UrgeTimer, now: number): number {
  return Math.max(1, Math.ceil(msLeft(t, now) / 60_000));
}

/** What the toolbar badge says about the timer: the minutes left, that it is over, or nothing. */
export type UrgeBadge = { kind: 'minutes'; minutes: number } | { kind: 'ended' };

export function urgeBadge(stored: unknown, now: number): UrgeBadge | null {
  const phase = urgePhase(stored, now);
  if (phase.name === 'running') return { kind: 'minutes', minutes: minutesLeft(phase.timer, now) };
  // Ended early, the person is looking at it: the badge has nothing to add.
  if (phase.name === 'ended' && !phase.early) return { kind: 'ended' };
  return null;
}

/**
 * The background's alarms for a timer: a tick every minute from the first minute boundary
 * after the start (so the badge counts down), and one at the end; once over, a last one when
 * the timer is forgotten (so the end mark goes). Nulls: no such alarm.
 */
export function urgeAlarmTimes(stored: unknown, now: number): { tickFrom: number | null; endAt: number | null } {
  const phase = urgePhase(stored, now);
  if (phase.name === 'running') return { tickFrom: phase.timer.startedAt + 60_000, endAt: phase.endsAt };
  if (phase.name === 'ended' && !phase.early) return { tickFrom: null, endAt: phase.endedAt + URGE_KEEP_MS + 1000 };
  return { tickFrom: null, endAt: null };
}

/** The end is just now (not an old alarm delivered late): worth a notification. */
export function urgeJustEnded(stored: unknown, now: number): boolean {
  const phase = urgePhase(stored, now);
  return phase.name === 'ended' && !phase.early && now - phase.endedAt <= URGE_NOTIFY_WINDOW_MS;
}

// "Check in with me tomorrow morning": a one-off reminder after a hard moment.

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
