// The environment rules depend on, passed in so that tests can freeze time and travel.
export interface Clock {
  now(): number;
  timeZone(): string;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
};
