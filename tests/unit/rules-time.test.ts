import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKeyAtOffset } from '../../lib/days';
import {
  clampInstant,
  DAY_MAX,
  DAY_MIN,
  DAY_START_MAX,
  FUTURE_SLACK,
  isFromTheFuture,
  isInstant,
  nextStamp,
  OFFSET_MAX,
  OFFSET_MIN,
  TIME_MAX,
  TIME_MIN,
} from '../../lib/rules/time';
import { anyClock, anyInstant, anyOffset, CLOCK_MAX, CLOCK_MIN } from './arbitraries';

// The one rule for instants (lib/rules/time.ts), over any clock from 1970 to 2200.

const RUNS = { numRuns: 3000 };
/** Any number a clock or a file could hand over, non-finite and fractional included. */
const anyNumber = fc.oneof(
  anyClock,
  fc.double({ min: CLOCK_MIN, max: CLOCK_MAX, noNaN: true }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 8.64e15),
);
/** A stamp as stored: a whole number of ms, from anywhere a clock could have put it. */
const anyStamp = fc.oneof(anyClock, anyInstant);

describe('clampInstant', () => {
  it('is always a storable instant, and the reading itself when that is one', () => {
    fc.assert(
      fc.property(anyNumber, (now) => {
        const at = clampInstant(now);
        expect(at).toBeGreaterThanOrEqual(TIME_MIN);
        expect(at).toBeLessThanOrEqual(TIME_MAX);
        expect(Number.isInteger(at)).toBe(true);
        expect(isInstant(at)).toBe(true);
        if (isInstant(now)) expect(at).toBe(now);
        expect(clampInstant(at)).toBe(at);
      }),
      RUNS,
    );
  });

  it('brings a clock outside the range to the nearer end, and keeps the order of readings', () => {
    fc.assert(
      fc.property(anyClock, anyClock, (a, b) => {
        if (a < TIME_MIN) expect(clampInstant(a)).toBe(TIME_MIN);
        if (a > TIME_MAX) expect(clampInstant(a)).toBe(TIME_MAX);
        if (a <= b) expect(clampInstant(a)).toBeLessThanOrEqual(clampInstant(b));
      }),
      RUNS,
    );
  });
});

describe('nextStamp', () => {
  it('is later than the stamp it replaces (unless that is at TIME_MAX already), and storable', () => {
    fc.assert(
      fc.property(anyNumber, fc.option(anyStamp, { nil: undefined }), (now, previous) => {
        const next = nextStamp(now, previous);
        expect(isInstant(next)).toBe(true);
        expect(next).toBeGreaterThanOrEqual(clampInstant(now));
        if (previous === undefined) expect(next).toBe(clampInstant(now));
        else if (previous < TIME_MAX) expect(next).toBeGreaterThan(previous);
        else expect(next).toBe(TIME_MAX);
        expect(nextStamp(now, null)).toBe(clampInstant(now));
      }),
      RUNS,
    );
  });

  it('keeps a chain of edits strictly increasing, whatever the clock does in between', () => {
    fc.assert(
      fc.property(fc.array(anyClock, { minLength: 1, maxLength: 30 }), (clocks) => {
        let stamp: number | undefined;
        for (const now of clocks) {
          const next = nextStamp(now, stamp);
          if (stamp !== undefined && stamp < TIME_MAX) expect(next).toBeGreaterThan(stamp);
          expect(isInstant(next)).toBe(true);
          stamp = next;
        }
      }),
      RUNS,
    );
  });

  it('stays at TIME_MAX when it can move no further', () => {
    expect(nextStamp(CLOCK_MAX, TIME_MAX)).toBe(TIME_MAX);
    expect(nextStamp(CLOCK_MIN, TIME_MAX)).toBe(TIME_MAX);
    expect(nextStamp(CLOCK_MIN, TIME_MAX - 1)).toBe(TIME_MAX);
    expect(nextStamp(CLOCK_MIN, Date.UTC(1980, 0, 1))).toBe(TIME_MIN);
  });
});

describe('isFromTheFuture', () => {
  it('says exactly: more than a day past the clock brought within range', () => {
    fc.assert(
      fc.property(anyStamp, anyNumber, (stamp, now) => {
        expect(isFromTheFuture(stamp, now)).toBe(stamp > clampInstant(now) + FUTURE_SLACK);
      }),
      RUNS,
    );
  });

  it('never calls what this clock stamps from the future, and is monotone in the stamp', () => {
    fc.assert(
      fc.property(anyNumber, fc.option(anyStamp, { nil: undefined }), anyStamp, anyStamp, (now, previous, a, b) => {
        expect(isFromTheFuture(clampInstant(now), now)).toBe(false);
        if (previous === undefined || !isFromTheFuture(previous, now)) {
          expect(isFromTheFuture(nextStamp(now, previous), now)).toBe(false);
        }
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        if (isFromTheFuture(lo, now)) expect(isFromTheFuture(hi, now)).toBe(true);
      }),
      RUNS,
    );
  });

  it('does not call a stamp up to a day ahead from the future, even at the ends of the range', () => {
    for (const now of [CLOCK_MIN, TIME_MIN, TIME_MAX, CLOCK_MAX]) {
      const at = clampInstant(now);
      expect(isFromTheFuture(at + FUTURE_SLACK, now)).toBe(false);
      expect(isFromTheFuture(at + FUTURE_SLACK + 1, now)).toBe(true);
    }
    // Nothing storable is from the future for a clock at or past 2100.
    expect(isFromTheFuture(TIME_MAX, CLOCK_MAX)).toBe(false);
  });
});

describe('days of storable instants', () => {
  it('fall within DAY_MIN..DAY_MAX for any offset and day-start hour', () => {
    fc.assert(
      fc.property(anyInstant, anyOffset, fc.integer({ min: 0, max: DAY_START_MAX }), (at, offset, hour) => {
        expect(offset).toBeGreaterThanOrEqual(OFFSET_MIN);
        expect(offset).toBeLessThanOrEqual(OFFSET_MAX);
        const day = dayKeyAtOffset(at, offset, hour);
        expect(day >= DAY_MIN && day <= DAY_MAX).toBe(true);
      }),
      RUNS,
    );
    expect(dayKeyAtOffset(TIME_MIN, OFFSET_MIN, DAY_START_MAX)).toBe(DAY_MIN);
    expect(dayKeyAtOffset(TIME_MAX, OFFSET_MAX, 0)).toBe(DAY_MAX);
  });
});
