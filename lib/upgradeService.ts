import type { Clock } from './clock';
import type { TandemDatabase } from './db/schema';

/** What the updates not yet acknowledged changed to bring older records within the rules. */
export interface UpgradeSummary {
  /** The upgrades told here (their schema versions), to acknowledge exactly these. */
  versions: number[];
  /** Records changed, over all tables. */
  records: number;
  /** How often each kind of change was made (lib/db/repair.ts RepairCode). */
  changes: Record<string, number>;
}

export type UpgradeService = ReturnType<typeof createUpgradeService>;

export function createUpgradeService({ db, clock }: { db: TandemDatabase; clock: Clock }) {
  return {
    /** The summary of the unseen reports, or null when there is nothing to tell (a live query). */
    async unseen(): Promise<UpgradeSummary | null> {
      const reports = await db.upgrades.filter((r) => r.seenAt === null).toArray();
      if (reports.length === 0) return null;
      const changes: Record<string, number> = {};
      let records = 0;
      for (const report of reports) {
        for (const [code, n] of Object.entries(report.changes)) changes[code] = (changes[code] ?? 0) + (n ?? 0);
        for (const n of Object.values(report.records)) records += n ?? 0;
      }
      return { versions: reports.map((r) => r.version), records, changes };
    },

    /** Marks the reports as seen, for good. */
    async markSeen(versions: readonly number[]): Promise<void> {
      const seenAt = clock.now();
      await db.transaction('rw', db.upgrades, async () => {
        for (const version of versions) await db.upgrades.update(version, { seenAt });
      });
    },
  };
}
