import { expect, it, vi } from 'vitest';
import { createFmt } from '../../components/i18n/fmt';
import { systemClock } from '../../lib/clock';

// Guards the time-zone matrix in vitest.config.ts: each project really runs in its zone.
it('runs in the time zone the project asks for', () => {
  const wanted = process.env.TZ;
  const actual = systemClock.timeZone();
  if (wanted) {
    if (wanted === 'UTC') expect(actual).toMatch(/UTC/);
    else expect(actual).toBe(wanted);
    const offset = new Date(Date.UTC(2026, 0, 15, 12)).getTimezoneOffset();
    const expected = { 'America/Los_Angeles': 480, 'America/Sao_Paulo': 180, 'Australia/Sydney': -660, 'Pacific/Auckland': -780, UTC: 0 }[wanted];
    expect(offset).toBe(expected);
  } else {
    expect(actual.length).toBeGreaterThan(0);
  }
});

// Dates a page shows are the same whatever zone the machine runs in: a DayKey is a calendar
// day, and a time is read in the zone the record or the person names.
it('formats days and times the same in every machine zone, in English and Spanish', () => {
  const en = createFmt('en');
  const es = createFmt('es');
  const words = { today: 'Today', yesterday: 'Yesterday', tomorrow: 'Tomorrow' };
  expect(en.day('2026-01-05')).toBe('Monday, January 5');
  expect(es.day('2026-01-05')).toBe('lunes, 5 de enero');
  expect(en.relativeDay('2026-01-05', '2026-01-05', words)).toBe('Today');
  expect(en.relativeDay('2026-01-04', '2026-01-05', words)).toBe('Yesterday');
  expect(en.relativeDay('2026-01-06', '2026-01-05', words)).toBe('Tomorrow');
  // Across a month and a year, and without a word for tomorrow: the date.
  expect(en.relativeDay('2025-12-31', '2026-01-01', words)).toBe('Yesterday');
  expect(en.relativeDay('2026-01-02', '2026-01-01', { today: 'Today', yesterday: 'Yesterday' })).toBe('Friday, January 2');
  const instant = Date.UTC(2026, 0, 5, 23, 30);
  expect(es.time(instant, 'UTC')).toBe('23:30');
  expect(es.time(instant, 'Pacific/Auckland')).toBe('12:30');
  expect(en.time(instant, 'America/Los_Angeles')).toMatch(/^03:30\sPM$/);
});

// The zone is kept for a second (lib/clock.ts), then asked again: a device that changed zone
// (travel, a settings change) has its days follow it.
it('asks the runtime for its zone at most once a second, and again after', () => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 15, 12), toFake: ['Date'] });
  const real = Intl.DateTimeFormat;
  let asked = 0;
  let name = 'Europe/Berlin';
  const fake = function () {
    asked++;
    return { resolvedOptions: () => ({ timeZone: name }) };
  } as unknown as typeof Intl.DateTimeFormat;
  Intl.DateTimeFormat = fake;
  try {
    vi.setSystemTime(Date.UTC(2026, 0, 15, 12, 0, 5));
    expect(systemClock.timeZone()).toBe('Europe/Berlin');
    const first = asked;
    expect(first).toBe(1);
    for (let i = 0; i < 50; i++) systemClock.timeZone();
    expect(asked).toBe(first);
    name = 'Asia/Tokyo';
    vi.setSystemTime(Date.UTC(2026, 0, 15, 12, 0, 7));
    expect(systemClock.timeZone()).toBe('Asia/Tokyo');
    expect(asked).toBe(first + 1);
  } finally {
    Intl.DateTimeFormat = real;
    vi.useRealTimers();
  }
});
