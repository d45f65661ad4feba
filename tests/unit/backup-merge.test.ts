import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { canonical, foldById, mergeRecords, planTable, wins } from '../../lib/backup/merge';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../lib/backup/schemas';
import { applyImport } from '../../lib/backup/store';
import type { Checkin } from '../../lib/db/schema';
import { openDatabase } from '../../lib/db/schema';
import { createKeyValueStore } from '../../lib/kv';
import { checkin, dump, T0 } from './backup-sample';

// Few ids and few timestamps, so that generated stores collide often: same id on both sides,
// same updatedAt with different content, deletions of records the other side edited.
const version = fc
  .record({
    i: fc.integer({ min: 0, max: 6 }),
    t: fc.integer({ min: 0, max: 4 }),
    mood: fc.constantFrom(1, 2, 3, 4, 5),
    deleted: fc.boolean(),
  })
  .map(({ i, t, mood, deleted }): Checkin => {
    const updatedAt = T0 + t * 1000;
    return checkin(i, { mood: mood as Checkin['mood'], updatedAt, deletedAt: deleted ? updatedAt : null });
  });
const store = fc.array(version, { maxLength: 12 }).map((records) => foldById(records));
const file = fc.array(version, { maxLength: 12 });

const key = (records: readonly Checkin[]) => records.map(canonical).join('\n');

describe('the merge rule', () => {
  it('is idempotent: importing the same file twice changes nothing the second time', () => {
    fc.assert(
      fc.property(store, file, (s, a) => {
        const once = mergeRecords(s, a);
        expect(key(mergeRecords(once, a))).toBe(key(once));
        const again = foldById(a);
        const plan = planTable(again, again.map((r) => once.find((o) => o.id === r.id)));
        expect(plan.puts).toEqual([]);
        expect(plan.counts.unchanged).toBe(again.length);
      }),
      { numRuns: 500 },
    );
  });

  it('is order-independent: A then B equals B then A', () => {
    fc.assert(
      fc.property(store, file, file, (s, a, b) => {
        expect(key(mergeRecords(mergeRecords(s, a), b))).toBe(key(mergeRecords(mergeRecords(s, b), a)));
      }),
      { numRuns: 500 },
    );
  });

  it('never drops a record: every id of either side survives, as the winning version', () => {
    fc.assert(
      fc.property(store, file, (s, a) => {
        const merged = mergeRecords(s, a);
        const ids = new Set([...s, ...a].map((r) => r.id));
        expect(new Set(merged.map((r) => r.id))).toEqual(ids);
        for (const r of merged) {
          for (const candidate of [...s, ...a].filter((c) => c.id === r.id)) {
            expect(wins(candidate, r)).toBe(false);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('lets a deletion travel and a later edit win over an older deletion', () => {
    const live = checkin(0, { updatedAt: T0 });
    const deleted = checkin(0, { updatedAt: T0 + 10, deletedAt: T0 + 10 });
    const revived = checkin(0, { updatedAt: T0 + 20, mood: 5 });
    expect(mergeRecords([live], [deleted])).toEqual([deleted]);
    expect(mergeRecords([deleted], [revived])).toEqual([revived]);
    expect(planTable([deleted], [live]).counts).toMatchObject({ deleted: 1 });
  });
});

describe('merging into the database', () => {
  const backup = (records: Checkin[]): Backup => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: T0,
    scope: { kind: 'all', fromDay: null },
    tables: { checkins: records, reflections: [], plan: [], values: [], contacts: [], shares: [] },
    settings: null,
  });
  let n = 0;

  it('gives the same store, day totals included, whichever file comes first', async () => {
    await fc.assert(
      fc.asyncProperty(store, file, file, async (s, a, b) => {
        const dumps: string[] = [];
        for (const order of [[a, b], [b, a]]) {
          const db = openDatabase(`merge-${n}`);
          const kv = createKeyValueStore(db, createStore(`merge-kv-${n++}`, 'values'));
          try {
            await applyImport(db, kv, backup(s));
            for (const f of order) await applyImport(db, kv, backup(f!));
            dumps.push(await dump(db, kv, { withUndo: false }));
            expect((await db.checkins.toArray()).map((r) => r.id).sort()).toEqual(
              [...new Set([...s, ...a, ...b].map((r) => r.id))].sort(),
            );
          } finally {
            await db.delete();
          }
        }
        expect(dumps[0]).toBe(dumps[1]);
      }),
      { numRuns: 40 },
    );
  });
});
