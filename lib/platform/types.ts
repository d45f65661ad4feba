// What the reminder logic needs from the browser, as small interfaces. The extension's
// implementations live in ./extension.ts; tests pass in plain objects.

export type IdleState = 'active' | 'idle' | 'locked';

export interface Badge {
  show(due: boolean): Promise<void>;
}

export interface Alarms {
  /** When the prompt alarm is set to fire, or null when there is none. */
  scheduled(): Promise<number | null>;
  schedule(at: number | null): Promise<void>;
}

export interface Notifier {
  /** False when the person has not allowed notifications. */
  allowed(): Promise<boolean>;
  show(message: string): Promise<void>;
  clear(): Promise<void>;
}

export interface Idle {
  state(): Promise<IdleState>;
}
