import type { DayStat, TandemDatabase } from './db/schema';

export type InsightsService = ReturnType<typeof createInsightsService>;

/** What the insights read: the per-day totals (lib/db/dayStats.ts), as live queries. */
export function createInsightsService({ db }: { db: TandemDatabase }) {
  return {
    dayStats: (): Promise<DayStat[]> => db.dayStats.toArray(),
  };
}
