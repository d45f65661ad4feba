import type { DayKey } from './days';
import { readOpeningRecords, type HomeRecords } from './db/openingRead';
import { hasLegacySettings } from './kv';
import { withDefaults, type Settings } from './settings';

export type { HomeRecords } from './db/openingRead';

/** What a page shows its first screen from before the records' code is there (lib/db/openingRead.ts). */
export interface Opening {
  settings: Settings;
  checkinDays: DayKey[];
  /** The web app's (`home`): what its check-in view's notices are decided from. */
  home?: HomeRecords;
}

/**
 * The settings and the check-in days as they are stored now (and with `home`, what the web
 * app's notices need), read without Dexie; null when they can't be read that way for sure (the
 * page then waits for the records' services).
 */
export async function readOpening(
  idb: IDBFactory,
  { name, legacySettings = hasLegacySettings, home = false }: { name?: string; legacySettings?: () => Promise<boolean>; home?: boolean } = {},
): Promise<Opening | null> {
  const [records, legacy] = await Promise.all([readOpeningRecords(idb, name, { home }), legacySettings().catch(() => true)]);
  if (!records) return null;
  // The rule of lib/kv.ts settings(): the row, else an older version's settings (which only the
  // records' code carries over, so this waits for it), else the defaults.
  if (records.settingsRow === undefined && legacy) return null;
  const opening: Opening = { settings: withDefaults(records.settingsRow), checkinDays: records.checkinDays };
  return records.home ? { ...opening, home: records.home } : opening;
}
