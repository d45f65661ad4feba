import type { UseStore } from 'idb-keyval';
import type { Clock } from './clock';
import { valueReads, type ValueReads } from './kv';
import { lazyService, liveWhenLoaded, setServicesArrival, type Deferrable } from './lazyService';
import type { ReminderClient } from './messages';
import type { ReminderService } from './reminderService';
import { settled, type Live } from './liveService';
import type { Opening } from './opening';
import type { AppServices } from './services';
import type { SettingsService } from './settingsService';
import type { SyncHost } from './sync/host';
import type { SyncService } from './sync/service';
import { dueFromStored } from './wellbeing';

// A page's services before their code is there (the popup, the web app). The mood buttons need
// no data, so the page renders them as soon as its words are loaded, while the records' database
// (Dexie, 31 kB gzip, and the services over it) downloads in parallel (issue 13). Every call made
// meanwhile (a click on a mood) waits for it and then runs as usual; every live value starts
// once it is there. The reads that decide the first screen are answered at once where what the
// page read as it opened (lib/opening.ts) or the small values' store says for sure, and wait
// otherwise. Once the code arrived, every call goes straight through, so a Dexie live query
// sees only Dexie's own promises and keeps observing.

/** What the page has before the database code: its clock and its platform's own actions. */
export interface EarlyServices {
  clock: Clock;
  /** Background reminders (the extension's messages); null where there are none. */
  reminders: ReminderClient | null;
  requestNotifications?: () => Promise<boolean>;
  openDashboard?: (view?: string) => void;
  openWindow?: (view: 'urge') => void;
  /** The first screen's inputs read without the database code (lib/opening.ts). */
  opening?: Live<Opening | null>;
  /** Where the small values live (lib/kv.ts); its default unless given. */
  values?: UseStore;
  /** The web app runs sync in its page: its service comes with the records' code. */
  sync?: boolean;
}

/**
 * AppServices usable at once; `load` brings the real ones, started by the first call or
 * subscription that needs them. The page's first render makes none (its reads are answered
 * above); its effects do, so the code arrives just after the first screen rather than competing
 * with it for the main thread and the database. A failed download is tried again at the next
 * call (and reaches the page as an error, worded like any other).
 */
export function deferredServices(load: () => Promise<AppServices>, early: EarlyServices): AppServices {
  let loaded: AppServices | undefined;
  let loading: Promise<AppServices> | undefined;
  // Once the page's own first read is in and drawn (the popup's streak): the database code's
  // start-up is one long task, and a frame waiting behind it would show that answer late.
  const openingRead = early.opening ? settled(early.opening).then(() => early.opening?.current() ?? null) : Promise.resolve(null);
  const ensure = (): Promise<AppServices> =>
    (loading ??= openingRead.then(nextPaint).then(load).then(
      (services) => (loaded = services),
      (err: unknown) => {
        loading = undefined;
        throw err;
      },
    ));
  setServicesArrival(ensure);

  const part = <T extends Deferrable<T>>(pick: (services: AppServices) => T, lives: readonly (keyof T)[] = []): T =>
    lazyService(() => ensure().then(pick), lives, () => (loaded ? pick(loaded) : undefined)).service;

  // A read of the first screen: answered from what the page read as it opened, while the code
  // is still on its way and that read is sure of the answer (not undefined); else the real one.
  const beforeLoad =
    <A extends unknown[], T>(answer: (opening: Opening, ...args: A) => T | undefined, real: (services: AppServices, ...args: A) => Promise<T>) =>
    (...args: A): Promise<T> => {
      if (loaded) return real(loaded, ...args);
      return openingRead.then((opening) => {
        const known = opening && !loaded ? answer(opening, ...args) : undefined;
        return known !== undefined ? known : ensure().then((s) => real(s, ...args));
      });
    };
  const none = (empty: keyof NonNullable<Opening['home']>['empty']) => (o: Opening) => (o.home?.empty[empty] ? [] : undefined);
  // The small values need none of the records' code: read as the store reads them.
  const smallValues = valueReads(early.values);
  const value = <K extends keyof ValueReads>(key: K): ValueReads[K] =>
    (() => (loaded ? loaded.store[key]() : smallValues[key]())) as ValueReads[K];

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
    checkins: withEarly(part((s) => s.checkins), {
      lastCheckinAt: beforeLoad((o) => o.home?.lastCheckinAt, (s) => s.checkins.lastCheckinAt()),
    }),
    reflections: withEarly(part((s) => s.reflections), {
      recent: beforeLoad(none('reflections'), (s, limit?: number) => s.reflections.recent(limit)),
    }),
    plan: withEarly(part((s) => s.plan), {
      entries: beforeLoad(none('plan'), (s) => s.plan.entries()),
      values: beforeLoad(none('values'), (s) => s.plan.values()),
      contacts: beforeLoad(none('contacts'), (s) => s.plan.contacts()),
    }),
    shares: part((s) => s.shares),
    replies: part((s) => s.replies),
    wellbeing: withEarly(part((s) => s.wellbeing), {
      due: beforeLoad(
        (o) => o.home && dueFromStored(o.home.wellbeing, early.clock.now(), early.clock.timeZone(), o.settings.dayStartHour),
        (s) => s.wellbeing.due(),
      ),
    }),
    // Its Lives, as lib/services.ts names them (tests/unit/deferred-services.test.ts checks every one).
    backup: part((s) => s.backup, ['lastBackupAt', 'lastImport']),
    storage: part((s) => s.storage),
    upgrades: part((s) => s.upgrades),
    demo: part((s) => s.demo),
    insights: part((s) => s.insights),
    store: withEarly(part((s) => s.store), {
      settings: beforeLoad((o) => o.settings, (s) => s.store.settings()),
      language: value('language'),
      country: value('country'),
      welcome: value('welcome'),
      tomorrowReminder: value('tomorrowReminder'),
    }),
    // Sync, run in the page: its actions wait for the code like any lazy part's; watching it and
    // keeping it live, which answer with their stop, start once it is there.
    ...(early.sync
      ? {
          sync: withEarly(part<SyncHost>((s) => s.sync!) as SyncService, {
            subscribe: (listener) => startWhenLoaded(() => loaded?.sync, ensure, (sync) => sync.subscribe(listener)),
            keepLive: () => startWhenLoaded(() => loaded?.sync, ensure, (sync) => sync.keepLive()),
          }),
        }
      : {}),
    ready: () => ensure().then((s) => s.ready()),
    loadLater: () => ensure().then((s) => s.loadLater()),
    loadAll: () => ensure().then((s) => s.loadAll()),
  };
}

/** Resolves after the next frame is painted (at once where there are no frames, as in tests). */
function nextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((done) => {
    // A page in the background paints no frames: it goes on after a moment anyway.
    const late = setTimeout(done, 50);
    requestAnimationFrame(() => {
      clearTimeout(late);
      setTimeout(done, 0);
    });
  });
}

/** A lazy part with some of its members answered otherwise (the first screen's reads). */
function withEarly<T extends object>(service: T, members: Partial<T>): T {
  return new Proxy(service, {
    get: (target, key) => (key in members ? members[key as keyof T] : target[key as keyof T]),
  });
}

/**
 * Starts something that returns its stop (a watch, a subscription) on `now()` once `load` is
 * done; the stop returned at once also cancels it if it has not started yet.
 */
function startWhenLoaded<S>(now: () => S | undefined, load: () => Promise<unknown>, begin: (service: S) => () => void, failed?: (err: unknown) => void): () => void {
  const there = now();
  if (there) return begin(there);
  let stop: (() => void) | null = null;
  let stopped = false;
  load().then(
    () => {
      const service = now();
      if (!stopped && service) stop = begin(service);
    },
    (err: unknown) => !stopped && failed?.(err),
  );
  return () => {
    stopped = true;
    stop?.();
  };
}

/** The background's reminders: messages need no database; watching the status does. */
function deferredReminders(client: ReminderClient, now: () => ReminderService | undefined, load: () => Promise<unknown>): ReminderService {
  return {
    ...client,
    watch: (next, error) => startWhenLoaded(now, load, (reminders) => reminders.watch(next, error), error),
  };
}
