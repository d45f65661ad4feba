import type { Alarms, Badge, Idle, IdleState, Notifier, TimerAlarms } from './types';

// Adapters from the extension APIs to the small interfaces in ./types. The APIs are passed
// in by the entry points, so this module never imports `browser` itself and the PWA build
// never sees extension code.

export const PROMPT_ALARM = 'tandem-prompt';
export const PROMPT_NOTIFICATION = 'tandem-prompt';
/** The urge timer's alarms and notification, and the one-off morning check-in: each its own name. */
export const URGE_TICK_ALARM = 'tandem-urge-tick';
export const URGE_END_ALARM = 'tandem-urge-end';
export const TOMORROW_ALARM = 'tandem-tomorrow';
export const URGE_NOTIFICATION = 'tandem-urge';
/** What the badge shows once the urge timer has run out (until answered, or forgotten). */
export const URGE_ENDED_BADGE = '✓';
export const BADGE_COLOR = '#1d6b64';

interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/** The button's titles in the person's language; the urge timer's are optional (older callers). */
export interface BadgeTitles {
  due: string;
  idle: string;
  urgeMinutes?: (minutes: number) => string;
  urgeEnded?: string;
}

/** The button's titles, in the person's language: asked for each time, as the language may change. */
export function extensionBadge(action: ActionApi, titles: () => Promise<BadgeTitles>): Badge {
  return {
    async show(due, urge) {
      await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
      const t = await titles();
      // A running urge timer first: its minutes left (a number fits the badge in any language).
      if (urge?.kind === 'minutes') {
        await action.setBadgeText({ text: String(urge.minutes) });
        await action.setTitle({ title: t.urgeMinutes?.(urge.minutes) ?? t.idle });
        return;
      }
      if (urge?.kind === 'ended') {
        await action.setBadgeText({ text: URGE_ENDED_BADGE });
        await action.setTitle({ title: t.urgeEnded ?? t.idle });
        return;
      }
      // A dot, not a count: nothing is owed, the badge only says a check-in is welcome.
      await action.setBadgeText({ text: due ? '•' : '' });
      await action.setTitle({ title: due ? t.due : t.idle });
    },
  };
}

interface AlarmsApi {
  get(name: string): Promise<{ scheduledTime: number; periodInMinutes?: number } | undefined>;
  create(name: string, info: { when: number; periodInMinutes?: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

export function extensionAlarms(alarms: AlarmsApi): Alarms {
  return {
    async scheduled() {
      const alarm = await alarms.get(PROMPT_ALARM);
      return alarm ? alarm.scheduledTime : null;
    },
    async schedule(at) {
      await alarms.clear(PROMPT_ALARM);
      if (at !== null) await alarms.create(PROMPT_ALARM, { when: at });
    },
  };
}

/** The timer's and the morning check-in's alarms, set only when they change (never pushed back). */
export function extensionTimerAlarms(alarms: AlarmsApi): TimerAlarms {
  async function keep(name: string, at: number | null, periodInMinutes?: number) {
    const current = await alarms.get(name);
    if (at === null) {
      if (current) await alarms.clear(name);
      return;
    }
    // A repeating alarm's scheduledTime moves on with each tick: only its period and its phase matter.
    if (current && periodInMinutes !== undefined && current.periodInMinutes === periodInMinutes) {
      const phase = (((current.scheduledTime - at) % 60_000) + 60_000) % 60_000;
      if (phase < 1000 || phase > 59_000) return;
    }
    if (current && periodInMinutes === undefined && current.scheduledTime === at) return;
    if (current) await alarms.clear(name);
    // An alarm asked for in the past fires at once, which is what a late start needs.
    await alarms.create(name, periodInMinutes === undefined ? { when: at } : { when: at, periodInMinutes });
  }
  return {
    urgeTick: (from) => keep(URGE_TICK_ALARM, from, 1),
    urgeEnd: (at) => keep(URGE_END_ALARM, at),
    tomorrow: (at) => keep(TOMORROW_ALARM, at),
  };
}

interface NotificationsApi {
  create(
    id: string,
    options: { type: 'basic'; iconUrl: string; title: string; message: string; priority?: number },
  ): Promise<string>;
  clear(id: string): Promise<boolean>;
}

interface PermissionsApi {
  contains(permissions: { permissions: 'notifications'[] }): Promise<boolean>;
}

/** A notification's words in the person's language: its title, and the text when theirs is the default. */
export interface NotificationWords {
  title: string;
  defaultText: string;
  /** The urge timer's end (optional for older callers: then it is not notified). */
  urgeEnd?: { title: string; message: string };
}

/**
 * Notifications are an optional permission: `notifications()` returns the API only once
 * the person has granted it (Chrome defines it lazily). A stored text of '' is the default
 * text (lib/settings.ts), said in the person's language.
 */
export function extensionNotifier(
  notifications: () => NotificationsApi | undefined,
  permissions: PermissionsApi,
  iconUrl: string,
  words: () => Promise<NotificationWords>,
): Notifier {
  return {
    allowed: () => permissions.contains({ permissions: ['notifications'] }),
    async show(text) {
      const api = notifications();
      if (!api) return;
      const { title, defaultText } = await words();
      const message = text.trim() === '' ? defaultText : text;
      await api.create(PROMPT_NOTIFICATION, { type: 'basic', iconUrl, title, message, priority: 0 });
    },
    async clear() {
      const api = notifications();
      if (api && (await permissions.contains({ permissions: ['notifications'] }))) {
        await api.clear(PROMPT_NOTIFICATION);
      }
    },
    async showUrgeEnd() {
      const api = notifications();
      const urge = (await words()).urgeEnd;
      if (!api || !urge) return;
      await api.create(URGE_NOTIFICATION, { type: 'basic', iconUrl, title: urge.title, message: urge.message, priority: 1 });
    },
    async clearUrgeEnd() {
      const api = notifications();
      if (api && (await permissions.contains({ permissions: ['notifications'] }))) {
        await api.clear(URGE_NOTIFICATION);
      }
    },
  };
}

interface IdleApi {
  queryState(detectionIntervalInSeconds: number): Promise<IdleState>;
}

export function extensionIdle(idle: IdleApi, seconds: number): Idle {
  return { state: () => idle.queryState(seconds) };
}

/** Sync's repeating alarm: a round every minute while sync is on, none otherwise. */
export const SYNC_ALARM = 'tandem-sync';

export async function keepSyncAlarm(alarms: AlarmsApi, on: boolean): Promise<void> {
  const current = await alarms.get(SYNC_ALARM);
  if (on && !current) await alarms.create(SYNC_ALARM, { when: Date.now() + 60_000, periodInMinutes: 1 });
  if (!on && current) await alarms.clear(SYNC_ALARM);
}
