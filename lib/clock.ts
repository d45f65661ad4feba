// The environment rules depend on, passed in so that tests can freeze time and travel.
export interface Clock {
  now(): number;
  timeZone(): string;
}

// Asking the runtime for its zone makes a date formatter each time, and a page's first render
// asks dozens of times: the answer is kept for a second (a zone change shows a second later).
const ZONE_KEPT_MS = 1000;
let zone: { at: number; name: string } | null = null;

export const systemClock: Clock = {
  now: () => Date.now(),
  timeZone: () => {
    const now = Date.now();
    if (!zone || now - zone.at > ZONE_KEPT_MS || now < zone.at) zone = { at: now, name: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' };
    return zone.name;
  },
};
