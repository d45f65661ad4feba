import { createCheckinService } from './checkins';
import type { CheckinService } from './checkins';
import type { Clock } from './clock';
import { repairDayStats } from './db/dayStats';
import type { TandemDatabase } from './db/schema';
import type { KeyValueStore } from './kv';
import { createPlanService, type PlanService } from './plan';
import { createReflectionService, type ReflectionService } from './reflections';
import type { ReminderClient } from './messages';

/** Everything the shared UI needs, created by each entry point for its surface. */
export interface AppServices {
  db: TandemDatabase;
  checkins: CheckinService;
  reflections: ReflectionService;
  plan: PlanService;
  store: KeyValueStore;
  clock: Clock;
  /** Background reminders; null in the PWA, which cannot prompt while closed. */
  reminders: ReminderClient | null;
  /** Notification permission, where the platform can ask for it (the extension). */
  requestNotifications?: () => Promise<boolean>;
  /** Opens the full dashboard (from the popup), at a view such as 'plan'. */
  openDashboard?: (view?: string) => void;
}

interface ServiceOptions {
  db: TandemDatabase;
  store: KeyValueStore;
  clock: Clock;
  reminders: ReminderClient | null;
  requestNotifications?: () => Promise<boolean>;
  openDashboard?: (view?: string) => void;
}

export function createAppServices(options: ServiceOptions): AppServices {
  const { db, store, clock, reminders } = options;
  const checkins = createCheckinService({
    db,
    clock,
    dayStartHour: async () => (await store.settings()).dayStartHour,
    // The badge is recomputed from the database after every write; a background that is
    // slow to answer must not hold up the page.
    onWrite: reminders ? () => void reminders.dataChanged().catch(() => undefined) : undefined,
  });
  // A failed repair leaves the store as it was; the pages still work from what is there.
  void repairDayStats(db).catch((err: unknown) => console.error(err));
  const dayStartHour = async () => (await store.settings()).dayStartHour;
  const reflections = createReflectionService({ db, clock, dayStartHour });
  const plan = createPlanService({ db, clock });
  return { ...options, checkins, reflections, plan };
}
