import type { DayKey } from './days';
import { readOpeningRecords } from './db/openingRead';
import { hasLegacySettings } from './kv';
import { withDefaults, type Settings } from './settings';

/** What the popup shows its streak from before the records' code is there (lib/db/openingRead.ts). */
export interface Opening {
  settings: Settings;
  checkinDays: DayKey[];
}

/**
 * The settings and the check-in days as they are stored now, read without Dexie; null when
 * they can't be read that way for sure (the page then waits for the records' services).
 */
export async function readOpening(
  idb: IDBFactory,
  { name, legacySettings = hasLegacySettings }: { name?: string; legacySettings?: () => Promise<boolean> } = {},
): Promise<Opening | null> {
  const [records, legacy] = await Promise.all([readOpeningRecords(idb, name), legacySettings().catch(() => true)]);
  if (!records) return null;
  // The rule of lib/kv.ts settings(): the row, else an older version's settings (which only the
  // records' code carries over, so this waits for it), else the defaults.
  if (records.settingsRow === undefined && legacy) return null;
  return { settings: withDefaults(records.settingsRow), checkinDays: records.checkinDays };
}
