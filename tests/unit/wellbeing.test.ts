import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey, dayNumber, instantAt } from '../../lib/days';
import type { WellbeingAnswer } from '../../lib/db/schema';
import {
  suggestsTalking,
  wellbeingBand,
  wellbeingDue,
  who5Score,
  WELLBEING_MIN_GAP_MS,
  type PastCheck,
} from '../../lib/wellbeing';
import { ZONES } from './arbitraries';

// The WHO-5 score and its fortnightly schedule: at most once every 14 of the person's days,
// whatever their day-start hour and however often they change time zone.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const answer = fc.constantFrom<WellbeingAnswer>(0, 1, 2, 3, 4, 5);

describe('WHO-5 score', () => {
  it('is the raw sum of five answers times four, 0 to 100', () => {
    expect(who5Score([0, 0, 0, 0, 0])).toBe(0);
    expect(who5Score([5, 5, 5, 5, 5])).toBe(100);
    expect(who5Score([3, 2, 2, 1, 3])).toBe(44);
    fc.assert(
      fc.property(fc.array(answer, { minLength: 5, maxLength: 5 }), (a) => {
        const score = who5Score(a);
        expect(score).toBe(a.reduce<number>((s, x) => s + x, 0) * 4);
        expect(score % 4).toBe(0);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('refuses anything but five answers from 0 to 5', () => {
    expect(() => who5Score([5, 5, 5, 5] as WellbeingAnswer[])).toThrow(RangeError);
    expect(() => who5Score([5, 5, 5, 5, 6] as unknown as WellbeingAnswer[])).toThrow(RangeError);
    expect(() => who5Score([5, 5, 5, 5, 2.5] as unknown as WellbeingAnswer[])).toThrow(RangeError);
  });

  it('bands in plain steps, a low score suggesting a talk', () => {
    expect([0, 28, 32, 48, 52, 72, 76, 100].map(wellbeingBand)).toEqual(['veryLow', 'veryLow', 'low', 'low', 'fair', 'fair', 'good', 'good']);
    expect(suggestsTalking(48)).toBe(true);
    expect(suggestsTalking(52)).toBe(false);
  });
});

describe('wellbeing schedule', () => {
  const at = (day: string, hour: number, zone = 'Europe/Madrid') => instantAt(day, hour * 60, zone);

  it('is offered on day one, then again 14 of the person’s days later, never sooner', () => {
    expect(wellbeingDue([], '2026-03-02', at('2026-03-02', 9))).toBe(true);
    const past: PastCheck[] = [{ at: at('2026-03-02', 9), day: '2026-03-02' }];
    expect(wellbeingDue(past, '2026-03-15', at('2026-03-15', 23))).toBe(false);
    expect(wellbeingDue(past, '2026-03-16', at('2026-03-16', 8))).toBe(true);
  });

  it('counts the person’s days: with a 4 am day start, 02:00 on the 16th is still the 15th', () => {
    const past: PastCheck[] = [{ at: at('2026-03-02', 9), day: '2026-03-02' }];
    const twoAm = at('2026-03-16', 2);
    expect(dayKey(twoAm, 'Europe/Madrid', 4)).toBe('2026-03-15');
    expect(wellbeingDue(past, dayKey(twoAm, 'Europe/Madrid', 4), twoAm)).toBe(false);
    expect(wellbeingDue(past, dayKey(twoAm, 'Europe/Madrid', 0), twoAm)).toBe(true);
  });

  it('a flight east that makes the calendar jump does not bring it a day early', () => {
    // Checked at 23:00 in Los Angeles; thirteen days later, just landed in Auckland, where it is
    // already the 14th day by the calendar, but not yet 13 × 24 hours later.
    const first = at('2026-03-02', 23, 'America/Los_Angeles');
    const past: PastCheck[] = [{ at: first, day: '2026-03-02' }];
    const landed = first + 13 * DAY - 2 * HOUR;
    const today = dayKey(landed, 'Pacific/Auckland', 0);
    expect(dayNumber(today) - dayNumber('2026-03-02')).toBeGreaterThanOrEqual(14);
    expect(wellbeingDue(past, today, landed)).toBe(false);
  });

  it('a skip counts as an offer: the newest of the past checks decides', () => {
    const past: PastCheck[] = [
      { at: at('2026-03-02', 9), day: '2026-03-02' },
      { at: at('2026-03-20', 9), day: '2026-03-20' },
    ];
    expect(wellbeingDue(past, '2026-03-30', at('2026-03-30', 9))).toBe(false);
    expect(wellbeingDue(past, '2026-04-03', at('2026-04-03', 9))).toBe(true);
  });

  it('over any journey through zones and day-start hours, offers are at least 14 person-days and 13 × 24 h apart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2098, 0, 1) }),
        fc.array(fc.record({ step: fc.integer({ min: HOUR, max: 3 * DAY }), zone: fc.constantFrom(...ZONES), dayStart: fc.integer({ min: 0, max: 12 }) }), {
          minLength: 10,
          maxLength: 80,
        }),
        (start, steps) => {
          const taken: PastCheck[] = [];
          let now = start;
          for (const { step, zone, dayStart } of steps) {
            now += step;
            const today = dayKey(now, zone, dayStart);
            if (wellbeingDue(taken, today, now)) taken.push({ at: now, day: today });
          }
          for (let i = 1; i < taken.length; i++) {
            expect(dayNumber(taken[i]!.day) - dayNumber(taken[i - 1]!.day)).toBeGreaterThanOrEqual(14);
            expect(taken[i]!.at - taken[i - 1]!.at).toBeGreaterThanOrEqual(WELLBEING_MIN_GAP_MS);
          }
          // Never nagging, but never lost either: the first moment is always an offer.
          expect(taken.length).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });

  it('once due, stays due until taken (a missed day never pushes it a fortnight away)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 14, max: 400 }), fc.integer({ min: 0, max: 12 }), fc.constantFrom(...ZONES), (days, dayStart, zone) => {
        const first = at('2026-01-05', 10, zone);
        const past: PastCheck[] = [{ at: first, day: dayKey(first, zone, dayStart) }];
        const later = first + days * DAY + 13 * HOUR;
        expect(wellbeingDue(past, dayKey(later, zone, dayStart), later)).toBe(true);
      }),
    );
  });
});
