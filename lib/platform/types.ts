// What the reminder logic needs from the browser, as small interfaces. The extension's
// implementations live in ./extension.ts; tests pass in plain objects.

import type { UrgeBadge } from '../urge';

export type IdleState = 'active' | 'idle' | 'locked';

export interface Badge {
  /** The check-in dot when `due`; a running (or just ended) urge timer takes precedence. */
  show(due: boolean, urge?: UrgeBadge | null): Promise<void>;
}

export interface Alarms {
  /** When the prompt alarm is set to fire, or null when there is none. */
  scheduled(): Promise<number | null>;
  schedule(at: number | null): Promise<void>;
}

/**
 * The alarms besides the prompt alarm, each with its own name, so the prompt alarm stays
 * exactly one. Setting one to the time it already has does nothing; null clears it.
 */
export interface TimerAlarms {
  /** Every minute from `from`, while the urge timer runs (the badge counts down). */
  urgeTick(from: number | null): Promise<void>;
  /** The urge timer's end (and, once over, when its end mark goes). */
  urgeEnd(at: number | null): Promise<void>;
  /** "Check in with me tomorrow morning": its time, then when it lapses. */
  tomorrow(at: number | null): Promise<void>;
}

export interface Notifier {
  /** False when the person has not allowed notifications. */
  allowed(): Promise<boolean>;
  show(message: string): Promise<void>;
  clear(): Promise<void>;
  /** The urge timer's end, in the catalogue's words; its own notification, apart from the prompt's. */
  showUrgeEnd(): Promise<void>;
  clearUrgeEnd(): Promise<void>;
}

export interface Idle {
  state(): Promise<IdleState>;
}
