import {
  addDays,
  calendarDay,
  dayKey,
  instantAt,
  minuteOfDay,
  utcOffsetMinutes,
  weekdayOf,
  type DayKey,
} from './days';
import { windowSpan, type Settings } from './settings';

// "Is a check-in prompt due now, and when should we look again?" as one pure function.
//
// Prompts fall on slots: each working window, on each working day, has a slot at its start
// and then every `intervalMinutes` of wall-clock time until its end. A slot is answered by
// any check-in made from half an interval before it, so nobody is prompted right after
// checking in. An unanswered slot stays due (badge on) until its window ends or the next
// slot begins; each slot notifies at most once, and once more after a snooze runs out.

export type ScheduleSettings = Pick<
  Settings,
  'workingDays' | 'windows' | 'intervalMinutes' | 'dayStartHour'
>;

export interface PromptInput {
  now: number;
  timeZone: string;
  settings: ScheduleSettings;
  /** When the latest (not deleted) check-in was made, if any. */
  lastCheckinAt: number | null;
  snoozedUntil: number | null;
  /** The day key on which "pause today" was chosen. */
  pausedDay: DayKey | null;
  /** The machine is idle or locked: keep the badge, hold the notification. */
  away: boolean;
  /** The prompt key that last produced a notification. */
  notifiedKey: string | null;
}

export type PromptReason =
  | 'due'
  | 'outside-window'
  | 'answered'
  | 'snoozed'
  | 'paused';

export interface PromptDecision {
  due: boolean;
  reason: PromptReason;
  /** Start of the current slot, when inside a working window. */
  slot: number | null;
  /** Identifies this prompt for idempotent notification: one per slot, one per snooze. */
  promptKey: string | null;
  /** Show a notification now (due, person present, not yet notified for this key). */
  notify: boolean;
  /** The next instant the decision may change; null when no slot exists in the next week. */
  nextAt: number | null;
}

interface Slot {
  at: number;
  windowEnd: number;
}

const LOOKAHEAD_DAYS = 8;
const DAY_MS = 86_400_000;

function isWorkingDay(day: DayKey, s: ScheduleSettings): boolean {
  return s.workingDays.includes(weekdayOf(day));
}

/** The slot that `now` falls in, if `now` is inside a working window. */
export function currentSlot(now: number, timeZone: string, s: ScheduleSettings): Slot | null {
  const today = calendarDay(now, timeZone);
  const minute = minuteOfDay(now, timeZone);
  // Yesterday's overnight windows reach into today.
  for (const [base, offset] of [
    [today, minute],
    [addDays(today, -1), minute + 1440],
  ] as const) {
    if (!isWorkingDay(base, s)) continue;
    for (const w of s.windows) {
      const [start, end] = windowSpan(w);
      // Around a DST jump the wall clock can disagree with the instant; trust the instant.
      // In a repeated (fall-back) hour the wall-clock minute alone would point back to a
      // slot already passed, so the window and the slot are found by instants.
      const windowEnd = instantAt(base, end, timeZone);
      if (now >= windowEnd || now < instantAt(base, start, timeZone)) continue;
      const step = s.intervalMinutes;
      const lastSlot = start + Math.floor((end - 1 - start) / step) * step;
      // Start from the wall-clock guess, then settle on the latest slot that has begun.
      let m = Math.min(lastSlot, start + Math.max(0, Math.floor((offset - start) / step)) * step);
      while (m > start && instantAt(base, m, timeZone) > now) m -= step;
      while (m + step <= lastSlot && instantAt(base, m + step, timeZone) <= now) m += step;
      return { at: instantAt(base, m, timeZone), windowEnd };
    }
  }
  return null;
}

/** Every slot start and window end after `now`, soonest first, up to `LOOKAHEAD_DAYS`. */
function nextChange(now: number, timeZone: string, s: ScheduleSettings): number | null {
  const today = calendarDay(now, timeZone);
  let best: number | null = null;
  for (let d = -1; d <= LOOKAHEAD_DAYS; d++) {
    const base = addDays(today, d);
    if (!isWorkingDay(base, s)) continue;
    for (const w of s.windows) {
      const [start, end] = windowSpan(w);
      const windowEnd = instantAt(base, end, timeZone);
      if (windowEnd <= now) continue;
      // A slot skipped by spring-forward lands after the jump, later than the slots just past
      // it, so look on by the size of any jump near the window before settling on the first
      // slot found.
      const jump = Math.abs(
        utcOffsetMinutes(windowEnd + DAY_MS, timeZone) -
          utcOffsetMinutes(instantAt(base, start, timeZone) - DAY_MS, timeZone),
      );
      let first: number | null = null;
      for (let m = start; m < end; m += s.intervalMinutes) {
        if (first !== null && m - first >= jump) break;
        const at = instantAt(base, m, timeZone);
        if (at > now) {
          first ??= m;
          if (best === null || at < best) best = at;
        }
      }
      if (best === null || windowEnd < best) best = windowEnd;
    }
    // Slots on later days cannot be earlier than one already found today or tomorrow.
    if (best !== null && d >= 1) break;
  }
  return best;
}

export function decidePrompt(input: PromptInput): PromptDecision {
  const { now, timeZone, settings } = input;
  const snoozeEnd = input.snoozedUntil !== null && input.snoozedUntil > now ? input.snoozedUntil : null;
  let nextAt = nextChange(now, timeZone, settings);
  if (snoozeEnd !== null && (nextAt === null || snoozeEnd < nextAt)) nextAt = snoozeEnd;

  const slot = currentSlot(now, timeZone, settings);
  const quiet = (reason: PromptReason): PromptDecision => ({
    due: false,
    reason,
    slot: slot?.at ?? null,
    promptKey: null,
    notify: false,
    nextAt,
  });

  // Pause and snooze are reported even between windows, so the person sees what they chose.
  if (input.pausedDay !== null && input.pausedDay === dayKey(now, timeZone, settings.dayStartHour)) {
    return quiet('paused');
  }
  const grace = (settings.intervalMinutes / 2) * 60_000;
  if (slot && input.lastCheckinAt !== null && input.lastCheckinAt >= slot.at - grace) return quiet('answered');
  if (snoozeEnd !== null) return quiet('snoozed');
  if (!slot) return quiet('outside-window');

  const snoozeEndedInSlot =
    input.snoozedUntil !== null && input.snoozedUntil > slot.at && input.snoozedUntil <= now;
  const promptKey = snoozeEndedInSlot ? `${slot.at}+${input.snoozedUntil}` : String(slot.at);
  return {
    due: true,
    reason: 'due',
    slot: slot.at,
    promptKey,
    notify: !input.away && promptKey !== input.notifiedKey,
    nextAt,
  };
}
