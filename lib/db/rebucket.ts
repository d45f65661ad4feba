import { dayKeyAtOffset } from '../days';
import { rebuildAllDayStats } from './dayStats';
import type { TandemDatabase } from './schema';

/**
 * Puts every dated record on its day under `dayStartHour`, from the offset it was written
 * with, and rebuilds the day totals. `day` is derived data, so updatedAt stays. Call inside a
 * 'rw' transaction over checkins, reflections and dayStats.
 */
export async function rebucketAll(db: TandemDatabase, dayStartHour: number): Promise<number> {
  const moved = await db.checkins.toCollection().modify((c) => {
    c.day = dayKeyAtOffset(c.at, c.utcOffset, dayStartHour);
  });
  await db.reflections.toCollection().modify((r) => {
    r.day = dayKeyAtOffset(r.at, r.utcOffset, dayStartHour);
  });
  await rebuildAllDayStats(db.checkins, db.dayStats);
  return moved;
}
