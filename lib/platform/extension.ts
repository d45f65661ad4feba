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

export function extensionBadge(action: ActionApi, titles: { due: string; idle: string }): Badge {
  return {
    async show(due) {
      await action.setBadgeBackgroundColor({ color: BADGE_COLOR });
      // A dot, not a count: nothing is owed, the badge only says a check-in is welcome.
      await action.setBadgeText({ text: due ? '•' : '' });
      await action.setTitle({ title: due ? titles.due : titles.idle });
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

/**
 * Notifications are an optional permission: `notifications()` returns the API only once
 * the person has granted it (Chrome defines it lazily).
 */
export function extensionNotifier(
  notifications: () => NotificationsApi | undefined,
  permissions: PermissionsApi,
  iconUrl: string,
  title: string,
): Notifier {
  return {
    allowed: () => permissions.contains({ permissions: ['notifications'] }),
    async show(message) {
      const api = notifications();
      if (!api) return;
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
