import type { Table } from 'dexie';
import type { DayKey } from '../days';
import type { Checkin, DayStat, HaltTag, TandemDatabase } from './schema';

// Per-day aggregates are derived data: always recomputed from a day's live check-ins, never
// patched incrementally, so a missed update can be repaired by rebuilding and a merge or an
// import only has to name the days it touched.

/** The local hour (0–23) at which a check-in was written, from its own offset. */
export function localHour(at: number, utcOffset: number): number {
  return new Date(at + utcOffset * 60_000).getUTCHours();
}

/** The aggregate of one day's check-ins, or null when none is left (deleted ones ignored). */
export function computeDayStat(day: DayKey, checkins: readonly Checkin[]): DayStat | null {
  const live = checkins.filter((c) => c.deletedAt === null && c.day === day);
  if (live.length === 0) return null;
  const stat: DayStat = {
    day,
    count: 0,
    moodSum: 0,
    moodMin: 5,
    moodMax: 1,
    wins: 0,
    tags: {},
    hourSum: new Array<number>(24).fill(0),
    hourCount: new Array<number>(24).fill(0),
  };
  for (const c of live) {
    stat.count++;
    stat.moodSum += c.mood;
    stat.moodMin = Math.min(stat.moodMin, c.mood);
    stat.moodMax = Math.max(stat.moodMax, c.mood);
    if (c.win !== '') stat.wins++;
    for (const tag of c.tags) stat.tags[tag as HaltTag] = (stat.tags[tag as HaltTag] ?? 0) + 1;
    const hour = localHour(c.at, c.utcOffset);
    stat.hourSum[hour]! += c.mood;
    stat.hourCount[hour]!++;
  }
  return stat;
}

/** Recomputes the given days; call inside a 'rw' transaction over checkins and dayStats. */
/** Up to this many days, one read per day is quickest (a check-in, an edit). */
const FEW_DAYS = 20;

export async function rebuildDayStats(db: TandemDatabase, days: Iterable<DayKey>): Promise<void> {
  const list = [...new Set(days)];
  if (list.length <= FEW_DAYS) {
    for (const day of list) {
      const stat = computeDayStat(day, await db.checkins.where('day').equals(day).toArray());
      if (stat) await db.dayStats.put(stat);
      else await db.dayStats.delete(day);
    }
    return;
  }
  // One read per slice of days rather than per day: an import touching thousands of days
  // would otherwise wait on thousands of round trips.
  // Sorted slices read as one key range each (days between them that were not asked for are
  // skipped below): ranges never overlap, so every check-in is read at most once, and a range
  // walks one cursor where anyOf jumps it per day (slow in fake-indexeddb, which the bench uses).
  const SLICE = 200;
  list.sort();
  for (let i = 0; i < list.length; i += SLICE) {
    const slice = list.slice(i, i + SLICE);
    const wanted = new Set(slice);
    const checkins = await db.checkins.where('day').between(slice[0], slice[slice.length - 1], true, true).toArray();
    const byDay = new Map<DayKey, Checkin[]>();
    for (const c of checkins) {
      if (!wanted.has(c.day)) continue;
      const group = byDay.get(c.day);
      if (group) group.push(c);
      else byDay.set(c.day, [c]);
    }
    const stats: DayStat[] = [];
    const empty: DayKey[] = [];
    for (const day of slice) {
      const stat = computeDayStat(day, byDay.get(day) ?? []);
      if (stat) stats.push(stat);
      else empty.push(day);
    }
    if (stats.length > 0) await db.dayStats.bulkPut(stats);
    if (empty.length > 0) await db.dayStats.bulkDelete(empty);
  }
}

/** Rebuilds every day from scratch (schema upgrade, day-start change, repair). */
export async function rebuildAllDayStats(
  checkins: { each(callback: (c: Checkin) => void): Promise<unknown> },
  dayStats: Pick<Table<DayStat, DayKey>, 'clear' | 'bulkPut'>,
): Promise<void> {
  const byDay = new Map<DayKey, Checkin[]>();
  await checkins.each((c) => {
    const list = byDay.get(c.day);
    if (list) list.push(c);
    else byDay.set(c.day, [c]);
  });
  const stats: DayStat[] = [];
  for (const [day, list] of byDay) {
    const stat = computeDayStat(day, list);
    if (stat) stats.push(stat);
  }
  await dayStats.clear();
  await dayStats.bulkPut(stats);
}

/**
 * Rebuilds the aggregates when they are missing while check-ins exist: records that came in
 * without them (an older build's import, a hand-restored database) still count at once.
 */
export async function repairDayStats(db: TandemDatabase): Promise<boolean> {
  if ((await db.dayStats.count()) > 0 || (await db.checkins.count()) === 0) return false;
  await db.transaction('rw', db.checkins, db.dayStats, () => rebuildAllDayStats(db.checkins, db.dayStats));
  return true;
}
