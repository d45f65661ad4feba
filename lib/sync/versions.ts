import { canonical, wins } from '../backup/merge';
import type { SyncedRecord } from '../db/schema';
import { STAMPS } from '../rules/records';
import { isFromTheFuture } from '../rules/time';

// The merge rule applied to the versions of a bucket: every revision CouchDB keeps (its winner
// and its conflicts) and this device's records meet by id, and each id keeps one version.
// It is the backup's rule (newer updatedAt wins, ties on content), with the clock rule on top:
// a version stamped more than a day past this device's clock (a clock reading 2099) loses to
// any honest version, so it can't win forever; alone, it is kept in the mirror but not applied.

export function isAhead(record: SyncedRecord, now: number): boolean {
  return STAMPS.some((k) => {
    const stamp = record[k];
    return typeof stamp === 'number' && isFromTheFuture(stamp, now);
  });
}

/** Whether `a` should be kept over `b` for one id. */
export function prefer(a: SyncedRecord, b: SyncedRecord, now: number): boolean {
  const aheadA = isAhead(a, now);
  const aheadB = isAhead(b, now);
  if (aheadA !== aheadB) return aheadB;
  return wins(a, b);
}

/** One version per id, sorted by id: the same result whatever order the versions come in. */
export function mergeVersions(versions: Iterable<readonly SyncedRecord[]>, now: number): SyncedRecord[] {
  const byId = new Map<string, SyncedRecord>();
  for (const list of versions) {
    for (const r of list) {
      const seen = byId.get(r.id);
      if (!seen || prefer(r, seen, now)) byId.set(r.id, r);
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Equal contents give equal keys (`day` left out: each device derives it). */
export function contentKey(records: readonly SyncedRecord[]): string {
  return records
    .map((r) => {
      const { day: _derived, ...rest } = r as SyncedRecord & { day?: unknown };
      return canonical(rest);
    })
    .join('\n');
}
