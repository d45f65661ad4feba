import type { TandemDatabase } from '../db/schema';
import type { SyncAccount } from './pairing';
import type { SyncProblem } from './problems';

// Sync's settings and its status, in the records' database (table syncState) so that every
// page of the origin sees them live (Dexie's liveQuery), whichever context runs the sync: the
// extension's background or the web app's page. Per device; never exported or synced.

// lib/sync/fullMark.ts reads this row's presence too.
const CONFIG = 'config';
const STATUS = 'status';

export interface SyncConfig extends SyncAccount {
  /** The group's sync key (base64url, 32 bytes); only ever here and in a sealed pairing link. */
  key: string;
  /** When sync was turned on or joined here. */
  since: number;
}

export interface SyncStatus {
  running: boolean;
  /** The end of the last round that reached the server. */
  lastSyncedAt: number | null;
  /** What went wrong in the last round, or null; the records here are untouched either way. */
  problem: SyncProblem | null;
  /** While a round runs: records done of the total. */
  progress: { done: number; total: number } | null;
  /** Documents on the server that were refused in the last round (not opened, never merged). */
  refused: number;
}

export const IDLE_STATUS: SyncStatus = { running: false, lastSyncedAt: null, problem: null, progress: null, refused: 0 };

export async function readConfig(db: TandemDatabase): Promise<SyncConfig | null> {
  return ((await db.syncState.get(CONFIG))?.value as SyncConfig | undefined) ?? null;
}

export async function saveConfig(db: TandemDatabase, config: SyncConfig): Promise<void> {
  await db.syncState.put({ key: CONFIG, value: config });
}

export async function readStatus(db: TandemDatabase): Promise<SyncStatus> {
  return { ...IDLE_STATUS, ...((await db.syncState.get(STATUS))?.value as Partial<SyncStatus> | undefined) };
}

export async function writeStatus(db: TandemDatabase, patch: Partial<SyncStatus>): Promise<SyncStatus> {
  return db.transaction('rw', db.syncState, async () => {
    const next = { ...(await readStatus(db)), ...patch };
    await db.syncState.put({ key: STATUS, value: next });
    return next;
  });
}

/** Forgets everything sync kept on this device (config, status, marks); the records stay. */
export async function clearSyncState(db: TandemDatabase): Promise<void> {
  await db.syncState.clear();
}
