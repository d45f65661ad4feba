import type { Clock } from '../../lib/clock';

/** A clock the test moves by hand, in a zone the test chooses. */
export function frozenClock(start: number, timeZone: string): Clock & { set(at: number, tz?: string): void } {
  let now = start;
  let zone = timeZone;
  return {
    now: () => now,
    timeZone: () => zone,
    set(at, tz) {
      now = at;
      if (tz) zone = tz;
    },
  };
}
