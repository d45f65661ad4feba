import type { TandemDatabase } from './db/schema';

// What the settings page says about where the data lives: whether the browser promised to
// keep it (persistent storage), how much room it takes, and whether a backup is overdue.
// The browser's StorageManager is passed in, so the rules are tested without one. This module
// speaks in facts (booleans, bytes, instants): the data section of the catalogue words them
// (sizes through bytesText in components/i18n/en/data.ts).

export interface StorageApi {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export interface StorageStatus {
  /** null when this browser can't say. */
  persistent: boolean | null;
  usage: number | null;
  quota: number | null;
}

export const BACKUP_NUDGE_DAYS = 30;
const DAY_MS = 86_400_000;

export async function readStorageStatus(api: StorageApi | undefined): Promise<StorageStatus> {
  const [persistent, estimate] = await Promise.all([
    api?.persisted?.().catch(() => null) ?? null,
    api?.estimate?.().catch(() => null) ?? null,
  ]);
  return { persistent, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/**
 * Asks the browser to keep this origin's data under storage pressure. Browsers may say no
 * without asking the person (Chrome decides by engagement); the answer is shown, not hidden.
 */
export async function requestPersistence(api: StorageApi | undefined): Promise<boolean | null> {
  if (!api?.persist) return null;
  return api.persist().catch(() => null);
}

/**
 * Whether to remind the person to save a backup: 30 days since the last one, or, when there
 * never was one, since the oldest record (a new user isn't nagged on day one).
 */
export function backupOverdue(lastBackupAt: number | undefined, now: number, oldestRecordAt: number | null): boolean {
  if (oldestRecordAt === null) return false;
  const since = lastBackupAt ?? oldestRecordAt;
  return now - since >= BACKUP_NUDGE_DAYS * DAY_MS;
}

/** When the oldest check-in or reflection was written (deleted ones too), or null on a new device. */
export async function oldestRecordAt(db: TandemDatabase): Promise<number | null> {
  const [checkin, reflection] = await Promise.all([db.checkins.orderBy('at').first(), db.reflections.orderBy('at').first()]);
  const times = [checkin?.at, reflection?.at].filter((t): t is number => t !== undefined);
  return times.length === 0 ? null : Math.min(...times);
}
