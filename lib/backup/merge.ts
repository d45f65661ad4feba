import type { SyncedRecord } from '../db/schema';

// The merge rule, as pure functions: records meet by id, the newer updatedAt wins, and a soft
// delete is just an edit that travels like any other. Ties (same updatedAt, different content,
// e.g. two devices with skewed clocks) go to the larger canonical form, so every device picks
// the same winner whatever order files arrive in: the merge is idempotent and commutative.

export interface MergeCounts {
  /** Records this device did not have. */
  new: number;
  /** Records this device had, replaced by a newer version. */
  updated: number;
  /** Records that become deleted here (a deletion made on the other device). */
  deleted: number;
  /** Records this device already had in the same or a newer version. */
  unchanged: number;
}

export const ZERO_COUNTS: MergeCounts = { new: 0, updated: 0, deleted: 0, unchanged: 0 };

export function addCounts(a: MergeCounts, b: MergeCounts): MergeCounts {
  return { new: a.new + b.new, updated: a.updated + b.updated, deleted: a.deleted + b.deleted, unchanged: a.unchanged + b.unchanged };
}

/** JSON with sorted keys, so that equal records give equal strings. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The content a tie is decided on. `day` is left out: it is derived from `at`, `utcOffset` and
 * each device's day-start hour, so two devices may hold one unedited record on different days.
 */
function content(record: SyncedRecord): string {
  const { day: _derived, ...rest } = record as SyncedRecord & { day?: unknown };
  return canonical(rest);
}

/** Whether `incoming` should replace `local` under the merge rule. */
export function wins<R extends SyncedRecord>(incoming: R, local: R): boolean {
  if (incoming.updatedAt !== local.updatedAt) return incoming.updatedAt > local.updatedAt;
  return content(incoming) > content(local);
}

/** The incoming records with repeated ids folded to their winner (a hand-edited file). */
export function foldById<R extends SyncedRecord>(records: readonly R[]): R[] {
  const byId = new Map<string, R>();
  for (const r of records) {
    const seen = byId.get(r.id);
    if (!seen || wins(r, seen)) byId.set(r.id, r);
  }
  return [...byId.values()];
}

export interface TablePlan<R> {
  /** The records to write; everything else stays as it is. */
  puts: R[];
  /** The local versions the puts replace (to find the days whose totals change). */
  replaced: R[];
  counts: MergeCounts;
}

/**
 * What importing `incoming` into a table does, given the local version of each incoming id
 * (`local[i]` belongs to `incoming[i]`, undefined when this device has none).
 */
export function planTable<R extends SyncedRecord>(incoming: readonly R[], local: readonly (R | undefined)[]): TablePlan<R> {
  const counts = { ...ZERO_COUNTS };
  const puts: R[] = [];
  const replaced: R[] = [];
  incoming.forEach((r, i) => {
    const mine = local[i];
    if (mine && !wins(r, mine)) {
      counts.unchanged++;
      return;
    }
    puts.push(r);
    if (mine) replaced.push(mine);
    if (r.deletedAt !== null) {
      if (mine && mine.deletedAt !== null) counts.updated++;
      else counts.deleted++;
    } else if (mine) counts.updated++;
    else counts.new++;
  });
  return { puts, replaced, counts };
}

/** A whole store merged with incoming records, in memory: the model the database apply follows. */
export function mergeRecords<R extends SyncedRecord>(local: readonly R[], incoming: readonly R[]): R[] {
  const byId = new Map(local.map((r) => [r.id, r]));
  const folded = foldById(incoming);
  const plan = planTable(folded, folded.map((r) => byId.get(r.id)));
  for (const r of plan.puts) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type Keyed = SyncedRecord & { linkKey?: string };

/**
 * A mentor link's key is left out of readable files, so a file without it must never take it
 * away here, and one with it gives it back to an entry that lost it (restored from a readable
 * file). Incoming entries get this device's key where they have none; `restore` lists the local
 * entries (not removed) that get the file's key though the file's version does not win.
 */
export function carryLinkKeys<R extends Keyed>(incoming: readonly R[], local: readonly (R | undefined)[]): { incoming: R[]; restore: R[] } {
  const restore: R[] = [];
  const out = incoming.map((r, i) => {
    const mine = local[i];
    if (!mine) return r;
    if (r.linkKey === undefined && mine.linkKey !== undefined && r.deletedAt === null) return { ...r, linkKey: mine.linkKey };
    if (r.linkKey !== undefined && mine.linkKey === undefined && mine.deletedAt === null && !wins(r, mine)) {
      restore.push({ ...mine, linkKey: r.linkKey });
    }
    return r;
  });
  return { incoming: out, restore };
}
