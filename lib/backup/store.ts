import type { Table } from 'dexie';
import { dayKeyAtOffset, type DayKey } from '../days';
import { rebuildAllDayStats, rebuildDayStats } from '../db/dayStats';
import type { SyncedRecord, TandemDatabase } from '../db/schema';
import { toStorageError } from '../errors';
import type { KeyValueStore } from '../kv';
import { MENTEE_DB } from '../share/menteeList';
import { markFullSync } from '../sync/fullMark';
import { addCounts, canonical, foldById, planTable, ZERO_COUNTS, type MergeCounts } from './merge';
import { clampInstant, DAY_MAX, DAY_MIN } from '../rules/time';
import { withDefaults } from '../settings';
import type { ReadResult, Refusals } from './parse';
import { BACKUP_FORMAT, BACKUP_VERSION, TABLE_NAMES, type Backup, type TableName } from './schemas';

// Where backups meet the database: reading the whole store into a backup, and merging a
// validated backup into it in ONE transaction over every table and the settings, so that a
// failure half way (a full disk, a closed tab) leaves the store exactly as it was.

export interface ImportSummary extends MergeCounts {
  byTable: Record<TableName, MergeCounts>;
  /** Whether the file's settings are newer than this device's and replace them. */
  settings: 'replaced' | 'kept' | 'none';
  scope: Backup['scope'];
  /** Records (and settings) the file holds that break a rule, left out; none for a backup made here. */
  refused: Refusals;
}

const NO_REFUSALS: Refusals = { count: 0, byTable: {}, first: [], settings: null };

function tables(db: TandemDatabase): Table<SyncedRecord, string>[] {
  return TABLE_NAMES.map((name) => db.table<SyncedRecord, string>(name));
}

/** Everything on this device as a backup; `fromDay` limits check-ins and reflections (transfer links). */
export async function exportBackup(
  db: TandemDatabase,
  store: KeyValueStore,
  { now, fromDay: askedFrom = null }: { now: number; fromDay?: DayKey | null },
): Promise<Backup> {
  // A clock set far back or ahead can ask for days no record can have; the file keeps the rule.
  const fromDay = askedFrom === null ? null : askedFrom < DAY_MIN ? DAY_MIN : askedFrom > DAY_MAX ? DAY_MAX : askedFrom;
  // Carries an older version's settings over first, so the read below sees them.
  await store.settings();
  const [read, row] = await db.transaction('r', [...tables(db), db.settings], async () => {
    const out = {} as Record<TableName, SyncedRecord[]>;
    for (const name of TABLE_NAMES) {
      const table = db.table<SyncedRecord & { day?: DayKey }, string>(name);
      out[name] =
        fromDay !== null && (name === 'checkins' || name === 'reflections')
          ? await table.where('day').aboveOrEqual(fromDay).toArray()
          : await table.toArray();
    }
    return [out, await db.settings.get('settings')] as const;
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: clampInstant(now),
    scope: { kind: fromDay === null ? 'all' : 'recent', fromDay },
    tables: read as unknown as Backup['tables'],
    settings: { value: withDefaults(row?.value), updatedAt: row?.updatedAt ?? 0 },
  };
}

/**
 * Whether the file's settings replace this device's: the newer save wins, and an equal time
 * is decided on content like records are, so the order files arrive in never matters. Runs
 * inside the import's transaction, so the settings and the records are judged together.
 */
async function settingsPlan(db: TandemDatabase, backup: Backup) {
  const row = await db.settings.get('settings');
  const local = withDefaults(row?.value);
  const localHour = local.dayStartHour;
  if (!backup.settings) return { plan: 'none' as const, localHour, finalHour: localHour };
  const localAt = row?.updatedAt ?? 0;
  const replaced =
    backup.settings.updatedAt > localAt ||
    (backup.settings.updatedAt === localAt && canonical(backup.settings.value) > canonical(local));
  return {
    plan: replaced ? ('replaced' as const) : ('kept' as const),
    localHour,
    finalHour: replaced ? backup.settings.value.dayStartHour : localHour,
  };
}

type Dated = SyncedRecord & { at: number; utcOffset: number; day: DayKey };

/** A dated record's day under this device's day-start hour: `day` is derived, never trusted. */
function redate<R extends SyncedRecord>(name: TableName, record: R, dayStartHour: number): R {
  if (name !== 'checkins' && name !== 'reflections') return record;
  const r = record as unknown as Dated;
  return { ...record, day: dayKeyAtOffset(r.at, r.utcOffset, dayStartHour) };
}

/**
 * Plans and (unless dryRun) writes, settings included; must run inside a transaction over all
 * tables and the settings. When the imported settings bring another day-start hour, every local
 * record is put on its day under that hour too, exactly as changing the setting by hand does.
 */
async function merge(db: TandemDatabase, backup: ReadResult | Backup, dryRun: boolean): Promise<ImportSummary> {
  const { plan: settingsChoice, localHour, finalHour } = await settingsPlan(db, backup);
  let total = { ...ZERO_COUNTS };
  const byTable = {} as Record<TableName, MergeCounts>;
  const touchedDays = new Set<DayKey>();
  const rebucket = !dryRun && finalHour !== localHour;
  if (!dryRun && settingsChoice === 'replaced' && backup.settings) {
    await db.settings.put({ key: 'settings', value: backup.settings.value, updatedAt: backup.settings.updatedAt });
  }
  if (rebucket) {
    for (const table of [db.checkins, db.reflections] as unknown as Table<Dated, string>[]) {
      await table.toCollection().modify((r) => {
        r.day = dayKeyAtOffset(r.at, r.utcOffset, finalHour);
      });
    }
  }
  for (const name of TABLE_NAMES) {
    const table = db.table<SyncedRecord, string>(name);
    const incoming = foldById(backup.tables[name] as SyncedRecord[]).map((r) => redate(name, r, finalHour));
    const local = await table.bulkGet(incoming.map((r) => r.id));
    const plan = planTable(incoming, local);
    byTable[name] = plan.counts;
    total = addCounts(total, plan.counts);
    if (!dryRun && plan.puts.length > 0) {
      await table.bulkPut(plan.puts);
      if (name === 'checkins') {
        for (const r of [...plan.puts, ...plan.replaced]) touchedDays.add((r as SyncedRecord & { day: DayKey }).day);
      }
    }
  }
  if (rebucket) await rebuildAllDayStats(db.checkins, db.dayStats);
  else if (!dryRun) await rebuildDayStats(db, touchedDays);
  return {
    ...total,
    byTable,
    settings: settingsChoice,
    scope: backup.scope,
    refused: 'refused' in backup ? backup.refused : NO_REFUSALS,
  };
}

/** What importing would change, without changing anything. */
export async function previewImport(db: TandemDatabase, store: KeyValueStore, backup: ReadResult | Backup): Promise<ImportSummary> {
  await store.settings();
  try {
    return await db.transaction('r', [...tables(db), db.settings], () => merge(db, backup, true));
  } catch (err) {
    throw toStorageError(err);
  }
}

/**
 * Merges the backup into this device in ONE transaction over the records, their day totals and
 * the settings: a failure half way leaves all of them as they were. The plan is made again
 * inside it, so a check-in saved in another tab since the preview is compared, not overwritten.
 */
export async function applyImport(db: TandemDatabase, store: KeyValueStore, backup: ReadResult | Backup): Promise<ImportSummary> {
  await store.settings();
  try {
    return await db.transaction('rw', [...tables(db), db.dayStats, db.settings, db.syncState], async () => {
      const summary = await merge(db, backup, false);
      // An import can bring versions older than what sync last sent; the next round compares everything.
      if (summary.new + summary.updated + summary.deleted > 0 || summary.settings === 'replaced') await markFullSync(db);
      return summary;
    });
  } catch (err) {
    throw toStorageError(err);
  }
}

/**
 * Removes every record, setting and share-log entry from this device, and the snapshots of
 * other people kept with "Keep in my list" on this origin's mentor viewer.
 */
export async function eraseEverything(db: TandemDatabase, store: KeyValueStore): Promise<void> {
  try {
    await db.transaction('rw', [...tables(db), db.dayStats, db.settings, db.upgrades, db.syncState], async () => {
      for (const table of [...tables(db), db.dayStats, db.settings, db.upgrades, db.syncState]) await table.clear();
    });
  } catch (err) {
    throw toStorageError(err);
  }
  await store.clearAll();
  await new Promise<void>((done, fail) => {
    if (typeof indexedDB === 'undefined') return done();
    const request = indexedDB.deleteDatabase(MENTEE_DB);
    request.onsuccess = () => done();
    request.onerror = () => fail(toStorageError(request.error));
    // A viewer tab holding the list open: it is deleted as soon as that tab lets go.
    request.onblocked = () => done();
  });
}
