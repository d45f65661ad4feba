import type { Alarms, Badge, Idle, IdleState, Notifier } from './types';

// Adapters from the extension APIs to the small interfaces in ./types. The APIs are passed
// in by the entry points, so this module never imports `browser` itself and the PWA build
// never sees extension code.

export const PROMPT_ALARM = 'tandem-prompt';
export const PROMPT_NOTIFICATION = 'tandem-prompt';
export const BADGE_COLOR = '#1d6b64';

interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/** The button's titles, in the person's language: asked for each time, as the language may change. */
export function extensionBadge(action: ActionApi, titles: () => Promise<{ due: string; idle: string }>): Badge {
  return {
    async show(due) {
      await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
      // A dot, not a count: nothing is owed, the badge only says a check-in is welcome.
      await action.setBadgeText({ text: due ? '•' : '' });
      const { due: dueTitle, idle } = await titles();
      await action.setTitle({ title: due ? dueTitle : idle });
    },
  };
}

interface AlarmsApi {
  get(name: string): Promise<{ scheduledTime: number } | undefined>;
  create(name: string, info: { when: number }): Promise<void> | void;
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
  };
}

interface IdleApi {
  queryState(detectionIntervalInSeconds: number): Promise<IdleState>;
}

export function extensionIdle(idle: IdleApi, seconds: number): Idle {
  return { state: () => idle.queryState(seconds) };
}
