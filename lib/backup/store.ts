import type { Table } from 'dexie';
import { dayKeyAtOffset, type DayKey } from '../days';
import { rebuildAllDayStats, rebuildDayStats } from '../db/dayStats';
import type { ImportUndo, SyncedRecord, TandemDatabase } from '../db/schema';
import { toStorageError } from '../errors';
import type { KeyValueStore } from '../kv';
import { MENTEE_DB } from '../share/menteeList';
import { addCounts, canonical, carryLinkKeys, foldById, planTable, ZERO_COUNTS, type MergeCounts } from './merge';
import { clampInstant, DAY_MAX, DAY_MIN, nextStamp } from '../rules/time';
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

const PUT_SLICE = 500;

/**
 * bulkGet in slices: Dexie asks IndexedDB for every key in one task, which for ten thousand
 * keys holds the page for a noticeable moment; each slice is its own task.
 */
export async function getInSlices<R>(table: Table<R, string>, ids: readonly string[]): Promise<(R | undefined)[]> {
  if (ids.length <= PUT_SLICE) return table.bulkGet([...ids]);
  const out: (R | undefined)[] = [];
  for (let i = 0; i < ids.length; i += PUT_SLICE) out.push(...(await table.bulkGet(ids.slice(i, i + PUT_SLICE))));
  return out;
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

/** How an import meets what is here; the backup rule unless said otherwise. */
export interface MergeOptions {
  /**
   * A spreadsheet (Tandem's CSV, another app's export) carries no versions: a record this
   * device already has is kept as it is, and only the ones it lacks are added.
   */
  keepExisting?: boolean;
  /** This device's clock, for the stamps of what an undone import brings back. */
  now?: number;
}

/**
 * Plans and (unless dryRun) writes, settings included; must run inside a transaction over all
 * tables, the settings and the last import. When the imported settings bring another day-start
 * hour, every local record is put on its day under that hour too, as changing the setting by
 * hand does. What it writes is kept (db.imports) so that it can be undone until the next change.
 */
async function merge(db: TandemDatabase, backup: ReadResult | Backup, dryRun: boolean, options: MergeOptions = {}): Promise<ImportSummary> {
  const { plan: settingsChoice, localHour, finalHour } = await settingsPlan(db, backup);
  const now = clampInstant(options.now ?? Date.now());
  const last = await db.imports.get('last');
  // What an undo took back comes back when imported again, as long as nothing changed it since.
  const undone = last?.state === 'undone' ? last.written : {};
  let total = { ...ZERO_COUNTS };
  const byTable = {} as Record<TableName, MergeCounts>;
  const touchedDays = new Set<DayKey>();
  const rebucket = !dryRun && finalHour !== localHour;
  const undo: ImportUndo = { key: 'last', at: now, state: 'open', added: {}, replaced: {}, written: {}, settingsBefore: null, settingsWritten: null };
  if (!dryRun && settingsChoice === 'replaced' && backup.settings) {
    undo.settingsBefore = (await db.settings.get('settings')) ?? null;
    undo.settingsWritten = backup.settings.updatedAt;
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
    const folded = foldById((backup.tables[name] ?? []) as SyncedRecord[]).map((r) => redate(name, r, finalHour));
    const local = await getInSlices(table, folded.map((r) => r.id));
    const revive = undone[name] ?? {};
    let incoming = folded.map((r, i) => {
      const mine = local[i];
      if (mine && revive[r.id] === mine.updatedAt) return { ...r, updatedAt: nextStamp(now, mine.updatedAt) };
      return mine && options.keepExisting ? mine : r;
    });
    let restore: SyncedRecord[] = [];
    if (name === 'shares') ({ incoming, restore } = carryLinkKeys(incoming, local));
    const plan = planTable(incoming, local);
    if (restore.length > 0) {
      plan.puts.push(...restore);
      plan.counts.unchanged -= restore.length;
      plan.counts.updated += restore.length;
    }
    byTable[name] = plan.counts;
    total = addCounts(total, plan.counts);
    if (!dryRun && plan.puts.length > 0) {
      // In slices within the one transaction: each is its own task, so the page can paint between.
      for (let i = 0; i < plan.puts.length; i += PUT_SLICE) await table.bulkPut(plan.puts.slice(i, i + PUT_SLICE));
      const before = new Map(plan.replaced.map((r) => [r.id, r]));
      const added: string[] = [];
      const written: Record<string, number> = {};
      for (const r of plan.puts) {
        written[r.id] = r.updatedAt;
        if (!before.has(r.id)) added.push(r.id);
      }
      undo.added[name] = added;
      undo.replaced[name] = plan.replaced;
      undo.written[name] = written;
      if (name === 'checkins') {
        for (const r of [...plan.puts, ...plan.replaced]) touchedDays.add((r as SyncedRecord & { day: DayKey }).day);
      }
    }
  }
  if (rebucket) await rebuildAllDayStats(db.checkins, db.dayStats);
  else if (!dryRun) await rebuildDayStats(db, touchedDays);
  // An import that changed nothing is not a change: the one before it can still be undone.
  if (!dryRun && (Object.keys(undo.written).length > 0 || undo.settingsWritten !== null)) await db.imports.put(undo);
  return {
    ...total,
    byTable,
    settings: settingsChoice,
    scope: backup.scope,
    refused: 'refused' in backup ? backup.refused : NO_REFUSALS,
  };
}

/** What importing would change, without changing anything. */
export async function previewImport(db: TandemDatabase, store: KeyValueStore, backup: ReadResult | Backup, options?: MergeOptions): Promise<ImportSummary> {
  await store.settings();
  try {
    return await db.transaction('r', [...tables(db), db.settings, db.imports], () => merge(db, backup, true, options));
  } catch (err) {
    throw toStorageError(err);
  }
}

/**
 * Merges the backup into this device in ONE transaction over the records, their day totals and
 * the settings: a failure half way leaves all of them as they were. The plan is made again
 * inside it, so a check-in saved in another tab since the preview is compared, not overwritten.
 */
export async function applyImport(db: TandemDatabase, store: KeyValueStore, backup: ReadResult | Backup, options?: MergeOptions): Promise<ImportSummary> {
  await store.settings();
  try {
    return await db.transaction('rw', [...tables(db), db.dayStats, db.settings, db.imports], () => merge(db, backup, false, options));
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
    await db.transaction('rw', [...tables(db), db.dayStats, db.settings, db.upgrades, db.imports], async () => {
      for (const table of [...tables(db), db.dayStats, db.settings, db.upgrades, db.imports]) await table.clear();
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
