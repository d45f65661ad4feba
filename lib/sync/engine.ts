import { addCounts, planTable, wins, ZERO_COUNTS, type MergeCounts } from '../backup/merge';
import { dayKeyAtOffset, type DayKey } from '../days';
import { rebuildDayStats } from '../db/dayStats';
import { rebucketAll } from '../db/rebucket';
import type { SyncedRecord, TandemDatabase } from '../db/schema';
import { nextStamp } from '../rules/time';
import { withDefaults } from '../settings';
import { decodeBucket, encodeBucket, RefusedDocument, type MirrorDoc, type RefusalReason } from './codec';
import { DAY_START_TABLE, localDayStart, saveDayStart, type DayStartRecord } from './dayStart';
import { clearFullSync, fullSyncMark, markFullSync } from './fullMark';
import { documentId, type SyncKeys } from './keys';
import type { MirrorStore } from './mirror';
import { bucketOf, bucketRange, SYNCED_TABLES, WHOLE_TABLE } from './tables';
import { contentKey, isAhead, mergeVersions } from './versions';

// Reconciles this device's Dexie store with its local mirror (the encrypted documents PouchDB
// replicates). Every bucket touched on either side since the last run is merged by the rule
// over all of its CouchDB revisions and this device's records; the winners go into Dexie in ONE
// transaction with the day totals, and the merged bucket goes back into the mirror as a new
// revision that also closes any conflict. Every device computes the same merge, so they agree.

const PROGRESS = 'progress';

interface Progress {
  /** The local mirror's changes feed was read up to here. */
  seq: number | string;
  /** Per table, the highest updatedAt already put into the mirror. */
  marks: Record<string, number>;
}

export interface Refusal {
  docId: string;
  reason: RefusalReason;
}

export interface ReconcileReport {
  /** What merging the mirror changed here, as an import's counts. */
  counts: MergeCounts;
  /** Records this run put into the mirror (in rewritten buckets, from this device). */
  sent: number;
  /** Mirror documents written. */
  written: number;
  /** Documents that were not opened: never merged, reported. */
  refused: Refusal[];
  /** Records inside opened documents that break a rule: left out. */
  invalid: number;
  /** Versions stamped far past this device's clock: not applied. */
  heldBack: number;
  /** Whether the day-start hour changed here. */
  dayStartChanged: boolean;
  /** Records held by the documents read (a join's preview says how many the group has). */
  mirrorRecords: number;
}

export interface ReconcileDeps {
  db: TandemDatabase;
  mirror: MirrorStore;
  keys: SyncKeys;
  now: () => number;
  /** Called while work goes on: records done of the total. */
  onProgress?: (done: number, total: number) => void;
}

async function readProgress(db: TandemDatabase): Promise<Progress> {
  const row = await db.syncState.get(PROGRESS);
  return (row?.value as Progress | undefined) ?? { seq: 0, marks: {} };
}

/** Forget how far the mirror was read (a new group, a new key): the next run reads everything. */
export async function resetProgress(db: TandemDatabase): Promise<void> {
  await db.syncState.delete(PROGRESS);
}

interface Pending {
  table: string;
  bucket: string;
  /** This device's records for the bucket that changed since the last run. */
  local: SyncedRecord[];
}

/**
 * One reconcile run. `full` reads every record and document (the first sync, a join, after an
 * import); otherwise only what changed since the last run on either side.
 */
export async function reconcile(deps: ReconcileDeps, { full: askedFull = false, dryRun = false }: { full?: boolean; dryRun?: boolean } = {}): Promise<ReconcileReport> {
  const { db, mirror, keys } = deps;
  const now = deps.now();
  const forced = dryRun ? null : await fullSyncMark(db);
  const full = askedFull || forced !== null;
  const progress = await readProgress(db);
  const changes = await mirror.changes(full ? 0 : progress.seq);
  const pending = new Map<string, Pending>();
  const idCache = new Map<string, string>();
  const idOf = async (table: string, bucket: string) => {
    const k = `${table}\n${bucket}`;
    let id = idCache.get(k);
    if (!id) idCache.set(k, (id = await documentId(keys, table, bucket)));
    return id;
  };
  const marks: Record<string, number> = { ...progress.marks };
  const { localRows, dayStart } = await db.transaction('r', [...SYNCED_TABLES.map((t) => db.table(t.name)), db.settings, db.syncState], async () => {
    const rows = new Map<string, SyncedRecord[]>();
    for (const t of SYNCED_TABLES) {
      const table = db.table<SyncedRecord, string>(t.name);
      const mark = marks[t.name];
      // Equal stamps are read again: a write in the same millisecond as the mark is not missed.
      rows.set(t.name, full || mark === undefined ? await table.toArray() : await table.where('updatedAt').aboveOrEqual(mark).toArray());
    }
    return { localRows: rows, dayStart: await localDayStart(db, now) };
  });
  for (const t of SYNCED_TABLES) {
    for (const r of localRows.get(t.name) ?? []) {
      marks[t.name] = Math.max(marks[t.name] ?? 0, r.updatedAt);
      const bucket = bucketOf(t, r);
      const id = await idOf(t.name, bucket);
      const p = pending.get(id) ?? { table: t.name, bucket, local: [] };
      p.local.push(r);
      pending.set(id, p);
    }
  }
  const dayStartId = await idOf(DAY_START_TABLE, WHOLE_TABLE);
  // Always looked at (one small document): a run cut short before its write is done again.
  pending.set(dayStartId, { table: DAY_START_TABLE, bucket: WHOLE_TABLE, local: [dayStart.record] });
  for (const id of changes.ids) if (!pending.has(id)) pending.set(id, { table: '', bucket: '', local: [] });

  const total = [...pending.values()].reduce((n, p) => n + p.local.length, 0) + changes.ids.length;
  let done = 0;
  deps.onProgress?.(0, total);

  const report: ReconcileReport = { counts: { ...ZERO_COUNTS }, sent: 0, written: 0, refused: [], invalid: 0, heldBack: 0, dayStartChanged: false, mirrorRecords: 0 };
  const merged = new Map<string, SyncedRecord[]>();
  const writes: (MirrorDoc | { _id: string; _rev: string; _deleted: true })[] = [];
  const encode: { id: string; table: string; bucket: string; records: SyncedRecord[]; rev?: string }[] = [];
  let goneFromServer = false;
  for (const [id, p] of pending) {
    const leaves = await mirror.leaves(id);
    // Deleted on the server (another device deleted the server copy): this device, still
    // syncing, puts its records back in the next round, so the server never holds half a history.
    if (leaves.length === 0 && p.local.length === 0 && !full) goneFromServer = true;
    const versions: SyncedRecord[][] = [];
    let table = p.table;
    let bucket = p.bucket;
    let winner: SyncedRecord[] | null = null;
    let newer = false;
    for (const [i, leaf] of leaves.entries()) {
      try {
        const opened = await decodeBucket(keys, leaf);
        table = opened.table.name;
        bucket = opened.bucket;
        report.invalid += opened.invalid;
        versions.push(opened.records);
        if (i === 0) {
          winner = opened.records;
          if (opened.table.name !== DAY_START_TABLE) report.mirrorRecords += opened.records.length;
        }
      } catch (err) {
        if (!(err instanceof RefusedDocument)) throw err;
        report.refused.push({ docId: id, reason: err.reason });
        if (err.reason === 'newer-format') newer = true;
      }
    }
    done += p.local.length + (p.local.length === 0 ? 1 : 0);
    deps.onProgress?.(done, total);
    // Nothing of ours to say about a document no revision of which opens (someone else's).
    if (!table) continue;
    // No document for the bucket (never written, or deleted on the server): it is written from
    // all of this device's records of the bucket, not only the ones changed since the last run.
    const local = leaves.length === 0 && !full ? await bucketRecords(db, table, bucket, p.local) : p.local;
    const all = mergeVersions([...versions, local], now);
    for (const r of all) {
      if (isAhead(r, now)) report.heldBack++;
    }
    const forTable = merged.get(table) ?? [];
    forTable.push(...all.filter((r) => !isAhead(r, now)));
    merged.set(table, forTable);
    // A newer Tandem's document is left as it is: rewriting it would drop what this one can't read.
    if (newer) continue;
    if (leaves.length === 1 && winner && contentKey(winner) === contentKey(all)) continue;
    const [first, ...rest] = leaves;
    encode.push({ id, table, bucket, records: all, ...(first ? { rev: first._rev } : {}) });
    for (const loser of rest) writes.push({ _id: id, _rev: loser._rev, _deleted: true });
    const before = new Set((winner ?? []).map((r) => `${r.id}\n${r.updatedAt}`));
    report.sent += p.local.filter((r) => !before.has(`${r.id}\n${r.updatedAt}`)).length;
  }

  await applyMerged(db, merged, now, report, dryRun);
  // A preview (joining) changes nothing: not the records, not the mirror, not the marks.
  if (dryRun) return report;

  for (const e of encode) {
    const doc = await encodeBucket(keys, { table: e.table, bucket: e.bucket, records: e.records });
    writes.push(e.rev ? { ...doc, _rev: e.rev } : doc);
  }
  if (writes.length > 0) await mirror.write(writes);
  report.written = encode.length;
  // Marks move only once the mirror holds the records: a run cut short is done again, not lost.
  await db.syncState.put({ key: PROGRESS, value: { seq: changes.lastSeq, marks } satisfies Progress });
  if (forced !== null) await clearFullSync(db, forced);
  if (goneFromServer) await markFullSync(db);
  deps.onProgress?.(total, total);
  return report;
}

type DatedRecord = SyncedRecord & { at: number; utcOffset: number; day: DayKey };

/** Every record this device holds for a bucket (the day-start record is already whole). */
async function bucketRecords(db: TandemDatabase, tableName: string, bucket: string, known: SyncedRecord[]): Promise<SyncedRecord[]> {
  const spec = SYNCED_TABLES.find((t) => t.name === tableName);
  if (!spec) return known;
  const table = db.table<SyncedRecord, string>(tableName);
  if (!spec.dated) return table.toArray();
  const range = bucketRange(bucket);
  if (!range) return known;
  // A record whose `at` moved since is in its new bucket too; the merge rule sorts that out.
  return [...(await table.where('at').between(range[0], range[1], true, false).toArray()), ...known];
}

/**
 * Writes the merged winners into Dexie in one transaction with their day totals, the settings
 * and the day-start record, comparing against the records as they are inside it (a check-in
 * saved a moment ago is compared, not overwritten).
 */
async function applyMerged(db: TandemDatabase, merged: Map<string, SyncedRecord[]>, now: number, report: ReconcileReport, dryRun: boolean): Promise<void> {
  const tables = SYNCED_TABLES.map((t) => db.table(t.name));
  await db.transaction(dryRun ? 'r' : 'rw', [...tables, db.dayStats, db.settings, db.syncState], async () => {
    const settingsRow = await db.settings.get('settings');
    const settings = withDefaults(settingsRow?.value);
    let hour = settings.dayStartHour;
    const incomingHour = merged.get(DAY_START_TABLE)?.[0] as DayStartRecord | undefined;
    const { record: mine, changed } = await localDayStart(db, now);
    if (incomingHour && wins(incomingHour, mine) && dryRun) {
      if (incomingHour.hour !== hour) hour = incomingHour.hour;
    } else if (incomingHour && wins(incomingHour, mine)) {
      await saveDayStart(db, incomingHour);
      if (incomingHour.hour !== hour) {
        hour = incomingHour.hour;
        await db.settings.put({ key: 'settings', value: { ...settings, dayStartHour: hour }, updatedAt: nextStamp(now, settingsRow?.updatedAt) });
        await rebucketAll(db, hour);
        report.dayStartChanged = true;
      }
    } else if (changed && !dryRun) await saveDayStart(db, mine);
    const touched = new Set<DayKey>();
    for (const t of SYNCED_TABLES) {
      const gathered = merged.get(t.name);
      if (!gathered || gathered.length === 0) continue;
      // A reflection moved to another month is in two buckets: one version per id, by the rule.
      const incoming = mergeVersions([gathered], now);
      const table = db.table<SyncedRecord, string>(t.name);
      const redated = t.dated
        ? incoming.map((r) => {
            const d = r as DatedRecord;
            return { ...d, day: dayKeyAtOffset(d.at, d.utcOffset, hour) } as SyncedRecord;
          })
        : incoming;
      const local = await table.bulkGet(redated.map((r) => r.id));
      const plan = planTable(redated, local);
      report.counts = addCounts(report.counts, { ...plan.counts, unchanged: 0 });
      if (plan.puts.length === 0 || dryRun) continue;
      await table.bulkPut(plan.puts);
      if (t.name === 'checkins') for (const r of [...plan.puts, ...plan.replaced]) touched.add((r as DatedRecord).day);
    }
    if (touched.size > 0) await rebuildDayStats(db, touched);
  });
}
