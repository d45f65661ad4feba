import { ValidationError } from './errors';
import type { Prompter, ReminderStatus } from './prompter';

// Typed messages from extension pages (popup, dashboard) to the background, answered by one
// handler map. Pages write records themselves (same IndexedDB origin) and then say so, so
// the background recomputes the badge from the database.

export interface Requests {
  'data-changed': { response: ReminderStatus };
  'settings-changed': { response: ReminderStatus };
  snooze: { minutes: number; response: ReminderStatus };
  'pause-today': { response: ReminderStatus };
  resume: { response: ReminderStatus };
  status: { response: ReminderStatus };
  /** A page started, ended or stopped the urge timer (kv 'urge-timer'): badge, alarms, notification. */
  'urge-changed': { response: ReminderStatus };
  /** A page asked for (or took back) "check in with me tomorrow morning" (kv 'checkin-tomorrow'). */
  'tomorrow-changed': { response: ReminderStatus };
}

export type RequestType = keyof Requests;
export type Request = {
  [K in RequestType]: { type: K } & Omit<Requests[K], 'response'>;
}[RequestType];

type Handlers = {
  [K in RequestType]: (req: Extract<Request, { type: K }>) => Promise<Requests[K]['response']>;
};

export function createMessageHandler(prompter: Prompter) {
  const status = async () => {
    await prompter.refresh();
    return prompter.status();
  };
  const handlers: Handlers = {
    'data-changed': status,
    'settings-changed': async () => {
      await prompter.onSettingsChanged();
      return prompter.status();
    },
    snooze: async ({ minutes }) => {
      await prompter.snooze(minutes);
      return prompter.status();
    },
    'pause-today': async () => {
      await prompter.pauseToday();
      return prompter.status();
    },
    resume: async () => {
      await prompter.resume();
      return prompter.status();
    },
    status,
    'urge-changed': status,
    'tomorrow-changed': status,
  };
  /** Returns undefined for messages that are not ours, so other listeners may answer. */
  return (message: unknown): Promise<unknown> | undefined => {
    if (!message || typeof message !== 'object') return undefined;
    const type = (message as { type?: unknown }).type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as RequestType] as (req: Request) => Promise<unknown>;
    return handler(message as Request);
  };
}

/** The background did not answer a page (it failed, or it is not running). */
export type RemindersProblem = { code: 'reminders.noAnswer'; detail: string };

/** What the UI can ask of reminders; the PWA has none (it cannot prompt in the background). */
export interface ReminderClient {
  status(): Promise<ReminderStatus>;
  snooze(minutes: number): Promise<ReminderStatus>;
  pauseToday(): Promise<ReminderStatus>;
  resume(): Promise<ReminderStatus>;
  dataChanged(): Promise<ReminderStatus>;
  settingsChanged(): Promise<ReminderStatus>;
  /** The urge timer (kv 'urge-timer') changed: badge and alarms follow. Optional for stand-ins in tests. */
  urgeChanged?(): Promise<ReminderStatus>;
  /** "Check in with me tomorrow morning" (kv 'checkin-tomorrow') changed. */
  tomorrowChanged?(): Promise<ReminderStatus>;
}

export function createReminderClient(send: (message: Request) => Promise<unknown>): ReminderClient {
  const ask = async <K extends RequestType>(
    message: Extract<Request, { type: K }>,
  ): Promise<Requests[K]['response']> => {
    const reply = await send(message);
    if (!reply || typeof reply !== 'object' || 'error' in reply) {
      const detail = reply && typeof reply === 'object' && 'error' in reply ? String(reply.error) : 'no answer';
      // A problem code, worded by the page in its language (words.main.problems); the detail
      // (what the background said) stays in the message, for the console only.
      throw new ValidationError({ code: 'reminders.noAnswer', detail } satisfies RemindersProblem);
    }
    return reply as Requests[K]['response'];
  };
  return {
    status: () => ask({ type: 'status' }),
    snooze: (minutes) => ask({ type: 'snooze', minutes }),
    pauseToday: () => ask({ type: 'pause-today' }),
    resume: () => ask({ type: 'resume' }),
    dataChanged: () => ask({ type: 'data-changed' }),
    settingsChanged: () => ask({ type: 'settings-changed' }),
    urgeChanged: () => ask({ type: 'urge-changed' }),
    tomorrowChanged: () => ask({ type: 'tomorrow-changed' }),
  };
}
