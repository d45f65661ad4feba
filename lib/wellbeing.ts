import { dayKey, dayNumber, type DayKey } from './days';
import { clampInstant } from './rules/time';
import type { WellbeingAnswer } from './db/schema';

// The WHO-5 Well-Being Index (WHO Regional Office for Europe / Psychiatric Research Unit, Mental
// Health Centre North Zealand, 1998; free to use): five statements about the last two weeks,
// each answered 0–5; the raw sum × 4 is a score from 0 to 100. lib/ keeps the numbers and the
// schedule; the catalogue holds the published wording (words.wellbeing), never paraphrased.

export const WHO5_ITEMS = 5;
export const WHO5_ANSWERS: readonly WellbeingAnswer[] = [5, 4, 3, 2, 1, 0];
/** Offered at most once in this many of the person's days. */
export const WELLBEING_EVERY_DAYS = 14;
const DAY = 86_400_000;
/**
 * A change of time zone can move "today" by up to a day: besides 14 of the person's days, at
 * least 13 × 24 hours must have passed, so flying east never brings the check a day early twice.
 */
export const WELLBEING_MIN_GAP_MS = (WELLBEING_EVERY_DAYS - 1) * DAY;

export function isAnswers(value: unknown): value is WellbeingAnswer[] {
  return Array.isArray(value) && value.length === WHO5_ITEMS && value.every((a) => Number.isInteger(a) && a >= 0 && a <= 5);
}

/** The WHO-5 score: raw sum (0–25) × 4, from 0 to 100. */
export function who5Score(answers: readonly WellbeingAnswer[]): number {
  if (!isAnswers(answers)) throw new RangeError('WHO-5 needs five answers from 0 to 5.');
  return answers.reduce<number>((sum, a) => sum + a, 0) * 4;
}

/**
 * What a score means, in plain bands the catalogue words: never a diagnosis. The WHO-5's users
 * treat below 50 as low wellbeing worth talking about, and 28 or below as very low.
 */
export type WellbeingBand = 'veryLow' | 'low' | 'fair' | 'good';
export function wellbeingBand(score: number): WellbeingBand {
  if (score <= 28) return 'veryLow';
  if (score < 50) return 'low';
  if (score < 76) return 'fair';
  return 'good';
}

/** A low score gently suggests talking to the mentor or a professional, and the crisis sheet. */
export const suggestsTalking = (score: number) => score < 50;

export interface PastCheck {
  /** When it was answered or skipped. */
  at: number;
  /** The person's day it was written on (fixed then, with that day's zone and day-start hour). */
  day: DayKey;
}

/**
 * Whether the check may be offered today: never before, or the last one (answered or skipped)
 * at least 14 of the person's days and 13 × 24 hours ago. `today` is the person's day now,
 * under their day-start hour and current zone (lib/days.ts dayKey).
 */
export function wellbeingDue(past: readonly PastCheck[], today: DayKey, now: number): boolean {
  let last: PastCheck | null = null;
  for (const p of past) if (!last || p.at > last.at) last = p;
  if (!last) return true;
  return dayNumber(today) - dayNumber(last.day) >= WELLBEING_EVERY_DAYS && now - last.at >= WELLBEING_MIN_GAP_MS;
}

/**
 * Whether to offer the check at `now`, from every stored check (deleted ones are left out): the
 * one rule of the wellbeing service's due(), and of a page's first screen read without it.
 */
export function dueFromStored(stored: readonly (PastCheck & { deletedAt: number | null })[], now: number, timeZone: string, dayStartHour: number): boolean {
  const at = clampInstant(now);
  return wellbeingDue(stored.filter((c) => c.deletedAt === null), dayKey(at, timeZone, dayStartHour), at);
}

/** The first day the check is offered again after `last` (for the "next check" hint). */
export function nextWellbeingDay(last: PastCheck): number {
  return dayNumber(last.day) + WELLBEING_EVERY_DAYS;
}
