import { expect, it } from 'vitest';
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
