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
import { awayRangeOn, windowSpan, type AwayRange, type Settings, type TimeWindow } from './settings';

// "Is a check-in prompt due now, and when should we look again?" as one pure function.
//
// Prompts fall on slots: each working window, on each working day, has a slot at its start
// and then every `intervalMinutes` of wall-clock time until its end. A slot is answered by
// any check-in made from half an interval before it, so nobody is prompted right after
// checking in. An unanswered slot stays due (badge on) until its window ends or the next
// slot begins; each slot notifies at most once, and once more after a snooze runs out.
//
// The windows are the week plan's: each weekday has its own (none: no reminders that day). An
// away range silences every window of the days it covers. A window's day, for an away range, is
// the person's day it starts in: with a day that starts at 04:00, a window starting at 01:00 on
// Saturday belongs to Friday, like a check-in made then.

export type ScheduleSettings = Pick<Settings, 'weekPlan' | 'away' | 'intervalMinutes' | 'dayStartHour'>;

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
  idle: boolean;
  /** The prompt key that last produced a notification. */
  notifiedKey: string | null;
}

export type PromptReason =
  | 'due'
  | 'outside-window'
  | 'answered'
  | 'snoozed'
  | 'paused'
  | 'away';

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
  /** The away range that holds now (the person's day, or the window now falls in), if any. */
  away: AwayRange | null;
}

interface Slot {
  at: number;
  windowEnd: number;
}

/** A window of a day away that `now` falls in: no slot, but the end of the quiet it makes. */
interface SilencedWindow {
  away: AwayRange;
  windowEnd: number;
}

const LOOKAHEAD_DAYS = 8;
const DAY_MS = 86_400_000;

function windowsOn(day: DayKey, s: ScheduleSettings): readonly TimeWindow[] {
  return s.weekPlan[weekdayOf(day)] ?? [];
}

/** The away range over the window that starts at wall-clock minute `start` of calendar day `day`. */
function awayOver(day: DayKey, start: number, s: ScheduleSettings): AwayRange | null {
  if (s.away.length === 0) return null;
  return awayRangeOn(start < s.dayStartHour * 60 ? addDays(day, -1) : day, s.away);
}

/** The slot that `now` falls in, if `now` is inside a window of the week plan on a day not away. */
export function currentSlot(now: number, timeZone: string, s: ScheduleSettings): Slot | null {
  const found = windowAt(now, timeZone, s);
  return found && 'at' in found ? found : null;
}

/** The window `now` falls in: its slot, or the away range that silences it. */
function windowAt(now: number, timeZone: string, s: ScheduleSettings): Slot | SilencedWindow | null {
  const today = calendarDay(now, timeZone);
  const minute = minuteOfDay(now, timeZone);
  // Yesterday's overnight windows reach into today.
  for (const [base, offset] of [
    [today, minute],
    [addDays(today, -1), minute + 1440],
  ] as const) {
    for (const w of windowsOn(base, s)) {
      const [start, end] = windowSpan(w);
      // Around a DST jump the wall clock can disagree with the instant; trust the instant.
      // In a repeated (fall-back) hour the wall-clock minute alone would point back to a
      // slot already passed, so the window and the slot are found by instants.
      const windowEnd = instantAt(base, end, timeZone);
      if (now >= windowEnd || now < instantAt(base, start, timeZone)) continue;
      const away = awayOver(base, start, s);
      if (away) return { away, windowEnd };
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

/** The first slot start or window end after `now` (away windows left out), up to `LOOKAHEAD_DAYS`. */
function nextWindowChange(now: number, timeZone: string, s: ScheduleSettings): number | null {
  const today = calendarDay(now, timeZone);
  let best: number | null = null;
  for (let d = -1; d <= LOOKAHEAD_DAYS; d++) {
    const base = addDays(today, d);
    for (const w of windowsOn(base, s)) {
      const [start, end] = windowSpan(w);
      if (awayOver(base, start, s)) continue;
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

/**
 * The next change: a slot or window end, or the start or end of an away range (its first day's
 * start, and the start of the day after its last). Ranges count even when no window is near,
 * so a holiday longer than the lookahead still ends with an alarm that finds the next slot.
 */
function nextChange(now: number, timeZone: string, s: ScheduleSettings): number | null {
  let best = nextWindowChange(now, timeZone, s);
  const dayStart = s.dayStartHour * 60;
  for (const r of s.away) {
    for (const at of [instantAt(r.from, dayStart, timeZone), instantAt(addDays(r.to, 1), dayStart, timeZone)]) {
      if (at > now && (best === null || at < best)) best = at;
    }
  }
  return best;
}

export function decidePrompt(input: PromptInput): PromptDecision {
  const { now, timeZone, settings } = input;
  const snoozeEnd = input.snoozedUntil !== null && input.snoozedUntil > now ? input.snoozedUntil : null;
  let nextAt = nextChange(now, timeZone, settings);
  if (snoozeEnd !== null && (nextAt === null || snoozeEnd < nextAt)) nextAt = snoozeEnd;

  const found = windowAt(now, timeZone, settings);
  const slot = found && 'at' in found ? found : null;
  const silenced = found && 'away' in found ? found : null;
  const today = dayKey(now, timeZone, settings.dayStartHour);
  const todayAway = awayRangeOn(today, settings.away);
  // A window of a day away reaching into a day that is not (a night shift) is quiet until it
  // ends, and that end changes what the person is told.
  if (silenced && !todayAway && (nextAt === null || silenced.windowEnd < nextAt)) nextAt = silenced.windowEnd;
  const away = todayAway ?? silenced?.away ?? null;
  const quiet = (reason: PromptReason): PromptDecision => ({
    due: false,
    reason,
    slot: slot?.at ?? null,
    promptKey: null,
    notify: false,
    nextAt,
    away,
  });

  // Away, pause and snooze are reported even between windows, so the person sees what they chose.
  if (away) return quiet('away');
  if (input.pausedDay !== null && input.pausedDay === today) return quiet('paused');
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
    notify: !input.idle && promptKey !== input.notifiedKey,
    nextAt,
    away: null,
  };
}
