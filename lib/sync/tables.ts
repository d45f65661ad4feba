import type * as v from 'valibot';
import { TABLE_SCHEMAS } from '../backup/schemas';
import type { SyncedRecord } from '../db/schema';
import { DAY_START_TABLE, DayStartSchema } from './dayStart';
import { SYNCED_TABLE_NAMES } from './tableNames';

// Which Dexie tables sync, and how their records are packed into mirror documents. The list is
// data: a branch that adds a table (mentor replies, wellbeing answers) adds its name to
// lib/sync/tableNames.ts (and its schema to the backup's TABLE_SCHEMAS, which sync validates
// with), and the engine, the codec, the watcher and the tests follow. Reminder windows and other per-device settings
// are not here on purpose; only the day-start hour travels (lib/sync/dayStart.ts).

export interface SyncedTable {
  /** The Dexie table's name; also names the table inside the (encrypted) document. */
  name: string;
  /** The rule a record must keep to be merged (the backup's schema: one rule per field). */
  schema: v.GenericSchema;
  /**
   * Dated tables are packed by the UTC month of `at`, so ten years are a few hundred documents
   * and a new check-in rewrites only this month's; `day` is derived on each device and left out.
   */
  dated: boolean;
}

const DATED: readonly string[] = ['checkins', 'reflections'];

/** One entry per name of lib/sync/tableNames.ts, its schema the backup's for that table. */
export const SYNCED_TABLES: readonly SyncedTable[] = SYNCED_TABLE_NAMES.map((name) => ({
  name,
  schema: TABLE_SCHEMAS[name],
  dated: DATED.includes(name),
}));

/** The day-start hour's own table in the mirror (one record; lib/sync/dayStart.ts). */
export const DAY_START_SPEC: SyncedTable = { name: DAY_START_TABLE, schema: DayStartSchema, dated: false };

export function syncedTable(name: string): SyncedTable | undefined {
  return name === DAY_START_TABLE ? DAY_START_SPEC : SYNCED_TABLES.find((t) => t.name === name);
}

/** The bucket an undated table's records all share. */
export const WHOLE_TABLE = 'all';

/** The packing bucket of a record: 'YYYY-MM' (UTC) of `at` for dated tables, else WHOLE_TABLE. */
export function bucketOf(table: SyncedTable, record: SyncedRecord): string {
  if (!table.dated) return WHOLE_TABLE;
  return new Date((record as SyncedRecord & { at: number }).at).toISOString().slice(0, 7);
}

/** The instants [from, to) a dated bucket covers. */
export function bucketRange(bucket: string): [number, number] | null {
  const m = /^(\d{4})-(\d{2})$/.exec(bucket);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  if (month < 0 || month > 11) return null;
  return [Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1)];
}
