import type { TandemDatabase } from './db/schema';
import { oldestRecordAt, readStorageStatus, requestPersistence, type StorageApi, type StorageStatus } from './storageStatus';

export type StorageService = ReturnType<typeof createStorageService>;

/**
 * Where the data lives (lib/storageStatus.ts): whether the browser will keep it, how much room it
 * takes, and since when there is history a backup would protect. `storage` is the browser's
 * StorageManager (navigator.storage), absent where the browser has none.
 */
export function createStorageService(deps: { db: TandemDatabase; storage: StorageApi | undefined }) {
  // No bare `storage` here: WXT's build takes a bare `storage` for its own storage helper and
  // bundles it (16 kB the popup would load for nothing).
  const { db } = deps;
  const manager = deps.storage;
  return {
    status: (): Promise<StorageStatus> => readStorageStatus(manager),
    /** Asks the browser to keep the data; null when it can't be asked. */
    requestPersistence: (): Promise<boolean | null> => requestPersistence(manager),
    /** When the first record was written, deleted or not; null on a new device (a live query). */
    oldestRecordAt: (): Promise<number | null> => oldestRecordAt(db),
  };
}
