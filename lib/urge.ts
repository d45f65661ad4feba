// The urge-surfing timer, as a fact kept per device (lib/kv.ts 'urge-timer') and pure rules over
// it ("check in with me tomorrow morning" is lib/tomorrow.ts). The page
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
