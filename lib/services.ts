import type { BackupService } from './backupService';
import { createCheckinService } from './checkins';
import type { CheckinService } from './checkins';
import type { Clock } from './clock';
import { createConnectionService, type ConnectionService } from './connectionService';
import { repairDayStats } from './db/dayStats';
import type { TandemDatabase } from './db/schema';
import { createDemoService, type DemoService } from './demoService';
import { createInsightsService, type InsightsService } from './insightsService';
import type { KeyValueStore } from './kv';
import type { Live } from './liveService';
import type { Opening } from './opening';
import { lazyService } from './lazyService';
import type { ReminderClient } from './messages';
import type { PlanService } from './plan';
import type { ReflectionService } from './reflections';
import { createReminderService, type ReminderService } from './reminderService';
import { createReplyService, type ReplyService } from './replies';
import { createWellbeingService, type WellbeingService } from './wellbeingService';
import { createSettingsService, type SettingsService } from './settingsService';
import type { ShareService } from './shares';
import type { StorageApi } from './storageStatus';
import { createSyncService, type SyncService, type SyncServiceDeps } from './sync/service';
import { createStorageService, type StorageService } from './storageService';
import { createUpgradeService, type UpgradeService } from './upgradeService';

/**
 * Everything the shared UI needs, created by each entry point for its surface. Components reach
 * the stored data only through these services, never the database itself
 * (tests/unit/architecture.test.ts).
 */
export interface AppServices {
  checkins: CheckinService;
  reflections: ReflectionService;
  plan: PlanService;
  /** The person's settings, live: every page sees a change made anywhere (another tab too). */
  settings: SettingsService;
  /** Mentor links and their log. */
  shares: ShareService;
  /** Mentors' replies to those links. */
  replies: ReplyService;
  /** The fortnightly WHO-5 wellbeing check. */
  wellbeing: WellbeingService;
  /** Backup files, the spreadsheet, transfer links, import, erase, the last backup's time. */
  backup: BackupService;
  /** Whether the browser keeps the data, its size, since when there is history. */
  storage: StorageService;
  /** What an update changed in older records, until the person has seen it. */
  upgrades: UpgradeService;
  /** Whether this page's database connection had to close for a newer Tandem. */
  connection: ConnectionService;
  /** The demo data offer while nothing is recorded. */
  demo: DemoService;
  insights: InsightsService;
  /** Sync between devices (lib/sync/); absent where a surface has no way to run it. */
  sync?: SyncService;
  store: KeyValueStore;
  clock: Clock;
  /** Background reminders; null in the PWA, which cannot prompt while closed. */
  reminders: ReminderService | null;
  /** Notification permission, where the platform can ask for it (the extension). */
  requestNotifications?: () => Promise<boolean>;
  /** Opens the full dashboard (from the popup), at a view such as 'plan'. */
  openDashboard?: (view?: string) => void;
  /** Opens a view in a small window of its own (the extension: the urge timer, the popup page at #urge). */
  openWindow?: (view: 'urge') => void;
  /**
   * The settings and check-in days as the page opened, read before the records' code arrived
   * (the popup: lib/opening.ts), so the streak shows without waiting for it; the live values
   * take over once they are there. Resolves to null where that read could not be made.
   */
  opening?: Live<Opening | null>;
  /** Resolves once what the first render needs (the settings) is read, or failed to be. */
  ready(): Promise<void>;
  /**
   * Loads the code of the services that load on first use and that live queries read
   * (reflections, the plan): a part of a page that reads them so waits for this before it renders.
   */
  loadLater(): Promise<void>;
  /** Loads the code of every service that loads on first use (also backups and mentor links). */
  loadAll(): Promise<void>;
}

export interface ServiceOptions {
  db: TandemDatabase;
  store: KeyValueStore;
  clock: Clock;
  reminders: ReminderClient | null;
  /** The browser's StorageManager; navigator.storage unless given. */
  storage?: StorageApi;
  requestNotifications?: () => Promise<boolean>;
  openDashboard?: (view?: string) => void;
  openWindow?: (view: 'urge') => void;
  /** How this surface runs sync: the web app in its page, the extension in its background. */
  sync?: Omit<SyncServiceDeps, 'db'>;
}

export function createAppServices(options: ServiceOptions): AppServices {
  const { db, store, clock, reminders: client, requestNotifications, openDashboard } = options;
  const storage = 'storage' in options ? options.storage : typeof navigator === 'undefined' ? undefined : navigator.storage;
  const settings = createSettingsService({ db, store });
  const dayStartHour = async () => (await settings.read()).dayStartHour;
  // The badge is recomputed from the database after every write; a background that is
  // slow to answer must not hold up the page.
  const onWrite = client ? () => void client.dataChanged().catch(() => undefined) : undefined;
  const checkins = createCheckinService({ db, clock, dayStartHour, onWrite });
  // A failed repair leaves the store as it was; the pages still work from what is there.
  void repairDayStats(db).catch((err: unknown) => console.error(err));
  const connection = createConnectionService({ db });
  const reminders =
    client && createReminderService(client, () => Promise.all([checkins.lastCheckinAt(), db.settings.get('settings')]));
  // Backups and mentor links bring valibot, fflate and the crypto code; reflections and the plan
  // are the sheets' and views' own: none of it is needed to check in, so each loads when a view
  // first asks (see lib/lazyService.ts).
  const reflections = lazyService(
    async (): Promise<ReflectionService> => (await import('./reflections')).createReflectionService({ db, clock, dayStartHour }),
  );
  const plan = lazyService(async (): Promise<PlanService> => (await import('./plan')).createPlanService({ db, clock }));
  const shares = lazyService(
    async (): Promise<ShareService> => (await import('./shares')).createShareService({ db, store, clock }),
  );
  const backup = lazyService(
    async (): Promise<BackupService> =>
      (await import('./backupService')).createBackupService({
        db,
        store,
        clock,
        dayStartHour,
        onWrite,
        onSettingsWrite: client ? () => void client.settingsChanged().catch(() => undefined) : undefined,
      }),
    ['lastBackupAt', 'lastImport'],
  );
  return {
    store,
    clock,
    checkins,
    reflections: reflections.service,
    plan: plan.service,
    settings,
    shares: shares.service,
    replies: createReplyService({ db, clock }),
    wellbeing: createWellbeingService({ db, clock, dayStartHour }),
    backup: backup.service,
    storage: createStorageService({ db, storage }),
    upgrades: createUpgradeService({ db, clock }),
    connection,
    demo: createDemoService({ db, onWrite }),
    insights: createInsightsService({ db }),
    ...(options.sync ? { sync: createSyncService({ db, ...options.sync }) } : {}),
    reminders,
    requestNotifications,
    openDashboard,
    openWindow: options.openWindow,
    // A page waiting on an old one to let go of the database (the 'blocked' notice) renders
    // anyway, to say so.
    ready: () => firstOf(settings.ready(), connection),
    loadLater: async () => {
      await Promise.all([reflections.load(), plan.load()]);
    },
    loadAll: async () => {
      await Promise.all([reflections.load(), plan.load(), shares.load(), backup.load()]);
    },
  };
}

/** Resolves when `ready` does, or as soon as there is a connection notice to show. */
function firstOf(ready: Promise<void>, connection: ConnectionService): Promise<void> {
  return new Promise((done) => {
    let finished = false;
    let stop: (() => void) | undefined;
    const finish = () => {
      if (finished) return;
      finished = true;
      stop?.();
      done();
    };
    stop = connection.subscribe((notice) => notice && finish());
    if (finished) stop();
    void ready.then(finish);
  });
}

/**
 * The store as components/app/start.tsx reads it before the first render of the dashboard and
 * the web app: the language it asks for arrives once the settings are read too
 * (services.ready()), so the first render already has them ("today" from the person's own
 * day-start hour). The popup does not wait (lib/deferredServices.ts): its mood buttons need no data.
 */
export function storeForStart(services: AppServices): Pick<KeyValueStore, 'language'> {
  return { language: () => services.ready().then(() => services.store.language()) };
}
