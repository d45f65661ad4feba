import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDay,
  dayKey,
  dayKeyAtOffset,
  dayKeyFromNumber,
  dayNumber,
  dayNumberFromParts,
  formatClock,
  instantAt,
  isValidTimeZone,
  minuteOfDay,
  parseClock,
  utcOffsetMinutes,
  wallTime,
  weekdayOf,
  weekdayOfNumber,
} from '../../lib/days';

// Every expected instant below is written as Date.UTC with the zone's known UTC offset for
// that date, so nothing depends on the machine's TZ or on the code under test.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
const SYDNEY = 'Australia/Sydney';
const AUCKLAND = 'Pacific/Auckland';

describe('isValidTimeZone', () => {
  it('accepts IANA zones and refuses made-up ones', () => {
    expect(isValidTimeZone(BERLIN)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('wallTime', () => {
  it('reads the wall clock in the given zone, whatever the machine zone', () => {
    const instant = Date.UTC(2026, 0, 15, 12, 34, 56);
    expect(wallTime(instant, 'UTC')).toEqual({ year: 2026, month: 1, day: 15, hour: 12, minute: 34, second: 56 });
    expect(wallTime(instant, BERLIN)).toEqual({ year: 2026, month: 1, day: 15, hour: 13, minute: 34, second: 56 });
    expect(wallTime(instant, LA)).toEqual({ year: 2026, month: 1, day: 15, hour: 4, minute: 34, second: 56 });
    expect(wallTime(instant, 'Asia/Kolkata')).toEqual({ year: 2026, month: 1, day: 15, hour: 18, minute: 4, second: 56 });
  });

  it('reports midnight as hour 0, not 24', () => {
    expect(wallTime(Date.UTC(2026, 5, 1, 0, 0), 'UTC').hour).toBe(0);
    // Midnight in Berlin in summer is 22:00 UTC the day before.
    expect(wallTime(Date.UTC(2026, 4, 31, 22, 0), BERLIN)).toMatchObject({ month: 6, day: 1, hour: 0, minute: 0 });
  });
});

describe('utcOffsetMinutes', () => {
  it.each([
    [LA, Date.UTC(2026, 0, 15, 12), -480],
    [LA, Date.UTC(2026, 6, 15, 12), -420],
    [BERLIN, Date.UTC(2026, 0, 15, 12), 60],
    [BERLIN, Date.UTC(2026, 6, 15, 12), 120],
    [SYDNEY, Date.UTC(2026, 0, 15, 12), 660],
    [SYDNEY, Date.UTC(2026, 6, 15, 12), 600],
    [AUCKLAND, Date.UTC(2026, 0, 15, 12), 780],
    [AUCKLAND, Date.UTC(2026, 6, 15, 12), 720],
    ['Asia/Kolkata', Date.UTC(2026, 6, 15, 12), 330],
    ['Asia/Kathmandu', Date.UTC(2026, 6, 15, 12), 345],
    ['America/St_Johns', Date.UTC(2026, 0, 15, 12), -210],
    ['UTC', Date.UTC(2026, 6, 15, 12), 0],
  ])('%s at %d is %d minutes', (zone, instant, expected) => {
    expect(utcOffsetMinutes(instant, zone)).toBe(expected);
  });

  it('switches exactly at the DST transition instants', () => {
    // Los Angeles springs forward at 10:00 UTC on 2026-03-08 and falls back at 09:00 UTC on 2026-11-01.
    expect(utcOffsetMinutes(Date.UTC(2026, 2, 8, 10) - 1000, LA)).toBe(-480);
    expect(utcOffsetMinutes(Date.UTC(2026, 2, 8, 10), LA)).toBe(-420);
    expect(utcOffsetMinutes(Date.UTC(2026, 10, 1, 9) - 1000, LA)).toBe(-420);
    expect(utcOffsetMinutes(Date.UTC(2026, 10, 1, 9), LA)).toBe(-480);
    // Berlin: 01:00 UTC on 2026-03-29 and 2026-10-25.
    expect(utcOffsetMinutes(Date.UTC(2026, 2, 29, 1) - 1000, BERLIN)).toBe(60);
    expect(utcOffsetMinutes(Date.UTC(2026, 2, 29, 1), BERLIN)).toBe(120);
    expect(utcOffsetMinutes(Date.UTC(2026, 9, 25, 1) - 1000, BERLIN)).toBe(120);
    expect(utcOffsetMinutes(Date.UTC(2026, 9, 25, 1), BERLIN)).toBe(60);
  });

  it('ignores milliseconds within the second', () => {
    expect(utcOffsetMinutes(Date.UTC(2026, 0, 15, 12) + 999, BERLIN)).toBe(60);
  });
});

describe('day numbers and keys', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumberFromParts(1970, 1, 1)).toBe(0);
    expect(dayNumber('2026-03-08') - dayNumber('2026-01-01')).toBe(31 + 28 + 7);
  });

  it('knows leap years', () => {
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2026-03-01') - dayNumber('2026-02-28')).toBe(1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1);
  });

  it('refuses strings that are not day keys', () => {
    for (const bad of ['2026-3-8', '', '2026-03-08T00:00', '08.03.2026', 'today']) {
      expect(() => dayNumber(bad), bad).toThrow(RangeError);
    }
  });

  it('writes day keys as zero-padded YYYY-MM-DD', () => {
    expect(dayKeyFromNumber(0)).toBe('1970-01-01');
    expect(dayKeyFromNumber(-1)).toBe('1969-12-31');
    expect(dayKeyFromNumber(dayNumberFromParts(2026, 3, 8))).toBe('2026-03-08');
  });

  it('round-trips any day number through its key', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const key = dayKeyFromNumber(n);
        expect(key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(dayNumber(key)).toBe(n);
      }),
    );
  });
});

describe('addDays', () => {
  it('crosses month and year ends on the calendar', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15');
  });

  it('is additive', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50_000, max: 50_000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        (n, a, b) => {
          const key = dayKeyFromNumber(n);
          expect(addDays(addDays(key, a), b)).toBe(addDays(key, a + b));
          expect(dayNumber(addDays(key, a)) - dayNumber(key)).toBe(a);
        },
      ),
    );
  });
});

describe('DST days (23 and 25 hours long) stay one calendar day', () => {
  // [zone, day, midnight that day (UTC), next midnight (UTC), length in hours]
  const cases: [string, string, number, number, number][] = [
    [LA, '2026-03-08', Date.UTC(2026, 2, 8, 8), Date.UTC(2026, 2, 9, 7), 23],
    [LA, '2026-11-01', Date.UTC(2026, 10, 1, 7), Date.UTC(2026, 10, 2, 8), 25],
    [BERLIN, '2026-03-29', Date.UTC(2026, 2, 28, 23), Date.UTC(2026, 2, 29, 22), 23],
    [BERLIN, '2026-10-25', Date.UTC(2026, 9, 24, 22), Date.UTC(2026, 9, 25, 23), 25],
    [SYDNEY, '2026-10-04', Date.UTC(2026, 9, 3, 14), Date.UTC(2026, 9, 4, 13), 23],
    [SYDNEY, '2026-04-05', Date.UTC(2026, 3, 4, 13), Date.UTC(2026, 3, 5, 14), 25],
  ];

  it.each(cases)('%s %s', (zone, day, midnight, nextMidnight, hours) => {
    expect(nextMidnight - midnight).toBe(hours * HOUR);
    expect(instantAt(day, 0, zone)).toBe(midnight);
    expect(instantAt(addDays(day, 1), 0, zone)).toBe(nextMidnight);
    // 24:00 is the following midnight, not 24 hours after this one.
    expect(instantAt(day, 1440, zone)).toBe(nextMidnight);

    expect(dayNumber(addDays(day, 1)) - dayNumber(day)).toBe(1);
    expect(calendarDay(midnight, zone)).toBe(day);
    expect(calendarDay(nextMidnight - 1, zone)).toBe(day);
    expect(calendarDay(nextMidnight, zone)).toBe(addDays(day, 1));
    expect(calendarDay(midnight - 1, zone)).toBe(addDays(day, -1));

    // The same wall time on the next calendar day, however long this day was.
    for (const minute of [0, 30, 9 * 60, 23 * 60 + 30]) {
      const next = instantAt(addDays(day, 1), minute, zone);
      expect(calendarDay(next, zone)).toBe(addDays(day, 1));
      expect(minuteOfDay(next, zone)).toBe(minute);
    }
    // 23:30 the evening before plus 24 hours of milliseconds lands on the wrong wall time:
    // that is exactly why day arithmetic must not use milliseconds.
    const eveningBefore = instantAt(addDays(day, -1), 23 * 60 + 30, zone);
    expect(minuteOfDay(eveningBefore + 24 * HOUR, zone)).not.toBe(23 * 60 + 30);
  });
});

describe('dayKey', () => {
  // 2026-03-10 is a Tuesday; Berlin is UTC+1 in early March.
  const tuesday0130 = Date.UTC(2026, 2, 10, 0, 30);

  it('puts 01:30 on the previous day when the day starts at 04:00', () => {
    expect(dayKey(tuesday0130, BERLIN, 4)).toBe('2026-03-09');
    expect(dayKey(tuesday0130, BERLIN)).toBe('2026-03-10');
    expect(dayKey(tuesday0130, BERLIN, 0)).toBe('2026-03-10');
    expect(calendarDay(tuesday0130, BERLIN)).toBe('2026-03-10');
  });

  it('starts the new day exactly at the day-start hour', () => {
    expect(dayKey(Date.UTC(2026, 2, 10, 2, 59, 59), BERLIN, 4)).toBe('2026-03-09');
    expect(dayKey(Date.UTC(2026, 2, 10, 3, 0), BERLIN, 4)).toBe('2026-03-10');
  });

  it('moves back across month and year boundaries', () => {
    // 02:00 on 1 January 2027 in Berlin (UTC+1).
    expect(dayKey(Date.UTC(2027, 0, 1, 1), BERLIN, 4)).toBe('2026-12-31');
    // 03:00 on 1 March 2026 in Berlin.
    expect(dayKey(Date.UTC(2026, 2, 1, 2), BERLIN, 4)).toBe('2026-02-28');
  });

  it('follows the wall clock on DST nights', () => {
    // Spring forward in LA: 03:30 PDT (10:30 UTC) is still the night of the 7th with a 04:00 start.
    expect(dayKey(Date.UTC(2026, 2, 8, 10, 30), LA, 4)).toBe('2026-03-07');
    expect(dayKey(Date.UTC(2026, 2, 8, 11, 0), LA, 4)).toBe('2026-03-08'); // 04:00 PDT
    // Fall back: 03:59 PST (11:59 UTC) is still the 31st; 04:00 PST (12:00 UTC) is the 1st.
    expect(dayKey(Date.UTC(2026, 10, 1, 11, 59), LA, 4)).toBe('2026-10-31');
    expect(dayKey(Date.UTC(2026, 10, 1, 12, 0), LA, 4)).toBe('2026-11-01');
  });

  it('gives different days for the same instant in zones on either side of the date line', () => {
    // 20:00 UTC on 15 January: 09:00 on the 16th in Auckland (UTC+13), 12:00 on the 15th in LA (UTC-8).
    const instant = Date.UTC(2026, 0, 15, 20);
    expect(dayKey(instant, AUCKLAND)).toBe('2026-01-16');
    expect(dayKey(instant, LA)).toBe('2026-01-15');
    expect(minuteOfDay(instant, AUCKLAND)).toBe(9 * 60);
    expect(minuteOfDay(instant, LA)).toBe(12 * 60);
    expect(utcOffsetMinutes(instant, AUCKLAND) - utcOffsetMinutes(instant, LA)).toBe(21 * 60);
  });

  it('is the calendar day or the day before, never anything else', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2037, 11, 31) }),
        fc.constantFrom('UTC', LA, BERLIN, SYDNEY, AUCKLAND, 'Asia/Kathmandu'),
        fc.integer({ min: 0, max: 12 }),
        (instant, zone, startHour) => {
          const cal = calendarDay(instant, zone);
          const key = dayKey(instant, zone, startHour);
          const hour = wallTime(instant, zone).hour;
          expect(key).toBe(hour < startHour ? addDays(cal, -1) : cal);
        },
      ),
    );
  });
});

describe('instantAt', () => {
  it('finds ordinary wall times', () => {
    expect(instantAt('2026-07-01', 9 * 60, 'Asia/Kathmandu')).toBe(Date.UTC(2026, 6, 1, 3, 15));
    expect(instantAt('2026-07-01', 9 * 60, BERLIN)).toBe(Date.UTC(2026, 6, 1, 7));
    expect(instantAt('2026-01-15', 17 * 60 + 30, LA)).toBe(Date.UTC(2026, 0, 16, 1, 30));
    expect(instantAt('2026-01-16', 9 * 60, AUCKLAND)).toBe(Date.UTC(2026, 0, 15, 20));
  });

  it('maps a time skipped by spring-forward to the same distance past the jump', () => {
    // 02:30 on 2026-03-08 does not exist in LA; it becomes 03:30 PDT (10:30 UTC).
    const gap = instantAt('2026-03-08', 2 * 60 + 30, LA);
    expect(gap).toBe(Date.UTC(2026, 2, 8, 10, 30));
    expect(wallTime(gap, LA)).toMatchObject({ day: 8, hour: 3, minute: 30 });
    expect(instantAt('2026-03-08', 2 * 60, LA)).toBe(Date.UTC(2026, 2, 8, 10)); // 02:00 → 03:00 PDT
    expect(instantAt('2026-03-08', 2 * 60 - 1, LA)).toBe(Date.UTC(2026, 2, 8, 9, 59)); // 01:59 PST
    expect(instantAt('2026-03-08', 3 * 60, LA)).toBe(Date.UTC(2026, 2, 8, 10)); // 03:00 PDT
  });

  it.each([
    // [zone, day, minute, expected] — each a skipped 02:30 that must land at 03:30 after the jump.
    [BERLIN, '2026-03-29', 150, Date.UTC(2026, 2, 29, 1, 30)], // 03:30 CEST (+2)
    [SYDNEY, '2026-10-04', 150, Date.UTC(2026, 9, 3, 16, 30)], // 03:30 AEDT (+11)
    [AUCKLAND, '2026-09-27', 150, Date.UTC(2026, 8, 26, 14, 30)], // 03:30 NZDT (+13)
  ])('spring-forward gap in %s on %s', (zone, day, minute, expected) => {
    const t = instantAt(day, minute, zone);
    expect(t).toBe(expected);
    expect(wallTime(t, zone)).toMatchObject({ hour: 3, minute: 30 });
  });

  it('maps a time repeated by fall-back to its first occurrence', () => {
    // 01:30 happens twice in LA on 2026-11-01: 08:30 UTC (PDT) and 09:30 UTC (PST).
    expect(instantAt('2026-11-01', 90, LA)).toBe(Date.UTC(2026, 10, 1, 8, 30));
    // Just after the repeated hour there is only one 02:00 (PST).
    expect(instantAt('2026-11-01', 120, LA)).toBe(Date.UTC(2026, 10, 1, 10));
  });

  it.each([
    // [zone, day, minute, first occurrence (UTC)] — 02:30 happens twice on these days.
    [BERLIN, '2026-10-25', 150, Date.UTC(2026, 9, 25, 0, 30)], // 02:30 CEST (+2), again at 01:30 UTC
    [SYDNEY, '2026-04-05', 150, Date.UTC(2026, 3, 4, 15, 30)], // 02:30 AEDT (+11), again at 16:30 UTC
    [AUCKLAND, '2026-04-05', 150, Date.UTC(2026, 3, 4, 13, 30)], // 02:30 NZDT (+13), again at 14:30 UTC
  ])('fall-back ambiguity in %s on %s', (zone, day, minute, expected) => {
    expect(instantAt(day, minute, zone)).toBe(expected);
    expect(wallTime(expected + HOUR, zone)).toMatchObject({ hour: 2, minute: 30 });
  });

  it('round-trips the wall clock minute of any instant (first occurrence when repeated)', () => {
    const zones = [
      'UTC',
      LA,
      'America/New_York',
      'America/St_Johns',
      'America/Sao_Paulo',
      'America/Santiago',
      'America/Havana',
      'America/Adak',
      BERLIN,
      'Europe/London',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Asia/Tehran',
      'Asia/Beirut',
      SYDNEY,
      'Australia/Lord_Howe',
      'Australia/Adelaide',
      AUCKLAND,
      'Pacific/Chatham',
      'Pacific/Apia',
      'Pacific/Kiritimati',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const day = calendarDay(instant, zone);
          const minute = minuteOfDay(instant, zone);
          const back = instantAt(day, minute, zone);
          expect(calendarDay(back, zone)).toBe(day);
          expect(minuteOfDay(back, zone)).toBe(minute);
          expect(wallTime(back, zone).second).toBe(0);
          // It is this instant's minute or, in a repeated hour, the earlier occurrence.
          const startOfMinute = Math.floor(instant / MINUTE) * MINUTE;
          expect(back).toBeLessThanOrEqual(startOfMinute);
          for (const earlier of [30 * MINUTE, HOUR, 2 * HOUR]) {
            const w = wallTime(back - earlier, zone);
            expect(calendarDay(back - earlier, zone) === day && w.hour * 60 + w.minute === minute).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips the fine-grained DST hours of several zones', () => {
    // Every 5 minutes across both 2026 transition nights: the random property above rarely lands there.
    const nights: [string, number][] = [
      [LA, Date.UTC(2026, 2, 8, 6)],
      [LA, Date.UTC(2026, 10, 1, 6)],
      [BERLIN, Date.UTC(2026, 2, 28, 22)],
      [BERLIN, Date.UTC(2026, 9, 24, 22)],
      [SYDNEY, Date.UTC(2026, 3, 4, 12)],
      [SYDNEY, Date.UTC(2026, 9, 3, 12)],
      [AUCKLAND, Date.UTC(2026, 3, 4, 10)],
      [AUCKLAND, Date.UTC(2026, 8, 26, 10)],
    ];
    for (const [zone, from] of nights) {
      for (let t = from; t < from + 8 * HOUR; t += 5 * MINUTE) {
        const back = instantAt(calendarDay(t, zone), minuteOfDay(t, zone), zone);
        expect(minuteOfDay(back, zone), `${zone} ${new Date(t).toISOString()}`).toBe(minuteOfDay(t, zone));
        expect(back === t || back === t - HOUR, `${zone} ${new Date(t).toISOString()}`).toBe(true);
      }
    }
  });
});

describe('minuteOfDay', () => {
  it('counts minutes since local midnight', () => {
    expect(minuteOfDay(Date.UTC(2026, 6, 1, 7, 45), BERLIN)).toBe(9 * 60 + 45);
    expect(minuteOfDay(Date.UTC(2026, 6, 1, 6, 59, 59), 'UTC')).toBe(6 * 60 + 59);
    expect(minuteOfDay(Date.UTC(2026, 6, 1, 22), BERLIN)).toBe(0);
  });
});

describe('parseClock and formatClock', () => {
  it('parses HH:MM and H:MM', () => {
    expect(parseClock('09:00')).toBe(540);
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock(' 17:30 ')).toBe(17 * 60 + 30);
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('24:00')).toBe(1440);
  });

  it.each(['24:01', '25:00', '12:60', '9', '9:5', '09:00:00', '', 'ab:cd', '-1:00', '12.30', '123:00'])(
    'refuses %j',
    (text) => {
      expect(parseClock(text)).toBeNull();
    },
  );

  it('formats with leading zeros', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(545)).toBe('09:05');
    expect(formatClock(1439)).toBe('23:59');
    expect(formatClock(1440)).toBe('24:00');
  });

  it('round-trips every minute of the day including 24:00', () => {
    for (let m = 0; m <= 1440; m++) {
      const text = formatClock(m);
      expect(text).toMatch(/^\d{2}:\d{2}$/);
      expect(parseClock(text)).toBe(m);
    }
  });
});

describe('weekdayOf', () => {
  it.each([
    ['1970-01-01', 4], // Thursday
    ['1969-12-31', 3], // Wednesday
    ['2000-02-29', 2], // Tuesday
    ['2026-01-01', 4], // Thursday
    ['2026-03-08', 0], // Sunday (US spring forward)
    ['2026-06-15', 1], // Monday
    ['2026-07-04', 6], // Saturday
    ['2026-11-01', 0], // Sunday (US fall back)
  ] as const)('%s is weekday %d', (key, weekday) => {
    expect(weekdayOf(key)).toBe(weekday);
  });

  it('agrees with the UTC calendar for any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        expect(weekdayOfNumber(n)).toBe(new Date(n * 86_400_000).getUTCDay());
        expect(weekdayOf(dayKeyFromNumber(n))).toBe(weekdayOfNumber(n));
      }),
    );
  });
});

describe('dayKeyAtOffset', () => {
  it('buckets by the offset the record was written with, and the day-start hour', () => {
    // 2026-06-02 01:30 in UTC-7 is 08:30 UTC.
    const at = Date.UTC(2026, 5, 2, 8, 30);
    expect(dayKeyAtOffset(at, -420, 0)).toBe('2026-06-02');
    expect(dayKeyAtOffset(at, -420, 4)).toBe('2026-06-01');
    expect(dayKeyAtOffset(at, 720, 4)).toBe('2026-06-02'); // 20:30 in UTC+12
  });

  it('agrees with dayKey for the zone’s own offset at that instant', () => {
    const zones = ['America/Los_Angeles', 'America/Sao_Paulo', 'Australia/Sydney', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 12 }),
        (instant, zone, dsh) => {
          const at = Math.floor(instant / 60_000) * 60_000;
          expect(dayKeyAtOffset(at, utcOffsetMinutes(at, zone), dsh)).toBe(dayKey(at, zone, dsh));
        },
      ),
    );
  });
});
