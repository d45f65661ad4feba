import type { Clock } from './clock';
import { lazyService, liveWhenLoaded, type Deferrable } from './lazyService';
import type { ReminderClient } from './messages';
import type { ReminderService } from './reminderService';
import type { Live } from './liveService';
import type { Opening } from './opening';
import type { AppServices } from './services';
import type { SettingsService } from './settingsService';

// The popup's services before their code is there. The mood buttons need no data, so the popup
// renders them as soon as its words are loaded, while the records' database (Dexie, 31 kB gzip,
// and the services over it) downloads in parallel (issue 13). Every call made meanwhile (a
// click on a mood, the reads the first screen makes) waits for it and then runs as usual; every
// live value starts once it is there. Once it arrived, every call goes straight through, so a
// Dexie live query sees only Dexie's own promises and keeps observing.

/** What the page has before the database code: its clock and its platform's own actions. */
export interface EarlyServices {
  clock: Clock;
  /** Background reminders (the extension's messages); null where there are none. */
  reminders: ReminderClient | null;
  requestNotifications?: () => Promise<boolean>;
  openDashboard?: (view?: string) => void;
  openWindow?: (view: 'urge') => void;
  /** The streak's inputs read without the database code (lib/opening.ts). */
  opening?: Live<Opening | null>;
}

/**
 * AppServices usable at once; `load` (started now) brings the real ones. A failed download is
 * tried again at the next call (and reaches the page as an error, worded like any other).
 */
export function deferredServices(load: () => Promise<AppServices>, early: EarlyServices): AppServices {
  let loaded: AppServices | undefined;
  let loading: Promise<AppServices> | undefined;
  const ensure = (): Promise<AppServices> =>
    (loading ??= load().then(
      (services) => (loaded = services),
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    ));
  void ensure().catch(() => undefined);

  const part = <T extends Deferrable<T>>(pick: (services: AppServices) => T, lives: readonly (keyof T)[] = []): T =>
    lazyService(() => ensure().then(pick), lives, () => (loaded ? pick(loaded) : undefined)).service;

  const settingsLive = liveWhenLoaded(() => loaded?.settings, ensure);
  const settings: SettingsService = {
    ...settingsLive,
    ready: () => ensure().then((s) => s.settings.ready()),
    read: () => ensure().then((s) => s.settings.read()),
    save: (value) => ensure().then((s) => s.settings.save(value)),
  };

  return {
    clock: early.clock,
    requestNotifications: early.requestNotifications,
    openDashboard: early.openDashboard,
    openWindow: early.openWindow,
    opening: early.opening,
    reminders: early.reminders && deferredReminders(early.reminders, () => loaded?.reminders ?? undefined, ensure),
    settings,
    connection: liveWhenLoaded(() => loaded?.connection, ensure),
    checkins: part((s) => s.checkins),
    reflections: part((s) => s.reflections),
    plan: part((s) => s.plan),
    shares: part((s) => s.shares),
    replies: part((s) => s.replies),
    wellbeing: part((s) => s.wellbeing),
    // Its Lives, as lib/services.ts names them (tests/unit/deferred-services.test.ts checks every one).
    backup: part((s) => s.backup, ['lastBackupAt', 'lastImport']),
    storage: part((s) => s.storage),
    upgrades: part((s) => s.upgrades),
    demo: part((s) => s.demo),
    insights: part((s) => s.insights),
    store: part((s) => s.store),
    ready: () => ensure().then((s) => s.ready()),
    loadLater: () => ensure().then((s) => s.loadLater()),
    loadAll: () => ensure().then((s) => s.loadAll()),
  };
}

/** The background's reminders: messages need no database; watching the status does. */
function deferredReminders(client: ReminderClient, now: () => ReminderService | undefined, load: () => Promise<unknown>): ReminderService {
  return {
    ...client,
    watch(next, error) {
      const there = now();
      if (there) return there.watch(next, error);
      let stop: (() => void) | null = null;
      let stopped = false;
      load().then(
        () => {
          const reminders = now();
          if (!stopped && reminders) stop = reminders.watch(next, error);
        },
        (err: unknown) => !stopped && error(err),
      );
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}
