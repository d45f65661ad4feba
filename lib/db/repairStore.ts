import type { Transaction } from 'dexie';
import { REPAIRED_TABLES } from '../rules/records';
import { rebuildAllDayStats } from './dayStats';
import { repairRecord } from './repair';
import type { Checkin, UpgradeReport } from './schema';

/**
 * Runs inside a schema upgrade: every record through repairRecord, the day totals rebuilt
 * when a check-in changed, and a report of what changed kept for the person to see once.
 */
export async function repairStore(tx: Transaction, version: number, now: number): Promise<void> {
  const report: UpgradeReport = { version, at: now, records: {}, changes: {}, seenAt: null };
  let checkinsMoved = false;
  // The tables of v3 only: later ones (replies, wellbeing) did not exist yet, and were born within the rules.
  for (const name of REPAIRED_TABLES) {
    let changed = 0;
    await tx
      .table(name)
      .toCollection()
      .modify((record: Record<string, unknown>, ctx: { value: unknown }) => {
        const { record: next, changes } = repairRecord(name, record, now);
        if (changes.length === 0) return;
        changed++;
        for (const code of changes) report.changes[code] = (report.changes[code] ?? 0) + 1;
        // A moved day, or a micro-win that held only invisible characters, changes the totals.
        if (name === 'checkins') checkinsMoved = true;
        ctx.value = next;
      });
    if (changed > 0) report.records[name] = changed;
  }
  if (checkinsMoved) await rebuildAllDayStats(tx.table<Checkin>('checkins'), tx.table('dayStats'));
  if (Object.keys(report.records).length > 0) await tx.table('upgrades').put(report);
}
