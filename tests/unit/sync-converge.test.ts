import { memoryPouch } from './sync-helpers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, mergeRecords, wins } from '../../lib/backup/merge';
import { computeDayStat } from '../../lib/db/dayStats';
import { rebuildDayStats } from '../../lib/db/dayStats';
import { openDatabase, type Checkin, type SyncedRecord, type TandemDatabase } from '../../lib/db/schema';
import { nextStamp } from '../../lib/rules/time';
import { withDefaults } from '../../lib/settings';
import { encodeBucket } from '../../lib/sync/codec';
import { reconcile } from '../../lib/sync/engine';
import { deriveSyncKeys, newSyncKey, type SyncKeys } from '../../lib/sync/keys';
import { pouchMirror } from '../../lib/sync/pouch';
import { syncRound, type Pouch } from '../../lib/sync/replicate';
import { checkin, contact, reflection, T0 } from './backup-sample';
import { dayKeyAtOffset } from '../../lib/days';

// Three devices, one server, all in memory with PouchDB's real replication: whatever order the
// edits, deletions, offline stretches and syncs come in, the devices end up with the same store,
// and that store is the merge rule applied to every version anyone ever wrote.

interface Device {
  db: TandemDatabase;
  local: Pouch;
  clock: number;
}

let dbCount = 0;
async function device(start: number): Promise<Device> {
  const db = openDatabase(`sync-converge-${++dbCount}`);
  await db.open();
  return { db, local: memoryPouch('device'), clock: start };
}

const round = (d: Device, keys: SyncKeys, remote: Pouch) => syncRound({ db: d.db, local: d.local, remote, keys, now: () => d.clock });

async function dump(db: TandemDatabase, table: 'checkins' | 'contacts' | 'reflections'): Promise<string> {
  const rows = (await db.table(table).toArray()) as SyncedRecord[];
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1)).map(canonical).join('\n');
}

type Op =
  | { kind: 'checkin'; who: number; i: number; mood: number; deleted: boolean; wait: number }
  | { kind: 'contact'; who: number; i: number; name: string; wait: number }
  | { kind: 'reflection'; who: number; i: number; april: boolean; helped: string; wait: number }
  | { kind: 'sync'; who: number }
  | { kind: 'wipeServer' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('checkin' as const), who: fc.nat(2), i: fc.nat(5), mood: fc.integer({ min: 1, max: 5 }), deleted: fc.boolean(), wait: fc.integer({ min: 0, max: 2000 }) }),
  fc.record({ kind: fc.constant('contact' as const), who: fc.nat(2), i: fc.nat(2), name: fc.constantFrom('Sam', 'Ana', 'Lee'), wait: fc.integer({ min: 0, max: 2000 }) }),
  // A reflection's time can be edited, so it moves between monthly buckets.
  fc.record({ kind: fc.constant('reflection' as const), who: fc.nat(2), i: fc.nat(1), april: fc.boolean(), helped: fc.constantFrom('A walk', 'Tea', 'Called Sam'), wait: fc.integer({ min: 0, max: 2000 }) }),
  fc.record({ kind: fc.constant('sync' as const), who: fc.nat(2) }),
  fc.record({ kind: fc.constant('sync' as const), who: fc.nat(2) }),
  // Another device's "Turn off sync → Also delete the copy on the server".
  fc.constant({ kind: 'wipeServer' as const }),
);

async function wipe(remote: Pouch) {
  const all = await remote.allDocs();
  await remote.bulkDocs(all.rows.map((r) => ({ _id: r.id, _rev: r.value.rev, _deleted: true })) as never);
}

describe('sync between three devices', () => {
  it('converges to the merge of every version written, with nothing lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 18 }), fc.array(fc.integer({ min: -1500, max: 1500 }), { minLength: 3, maxLength: 3 }), async (ops, skews) => {
        const keys = await deriveSyncKeys(newSyncKey());
        const remote = memoryPouch('server');
        const devices = await Promise.all(skews.map((s) => device(T0 + 86_400_000 + s)));
        const written: { checkins: Checkin[]; contacts: SyncedRecord[]; reflections: SyncedRecord[] } = { checkins: [], contacts: [], reflections: [] };
        try {
          for (const o of ops) {
            if (o.kind === 'wipeServer') {
              await wipe(remote);
              continue;
            }
            const d = devices[o.who]!;
            if (o.kind === 'sync') {
              await round(d, keys, remote);
              continue;
            }
            d.clock += o.wait;
            if (o.kind === 'checkin') {
              const prev = await d.db.checkins.get(checkin(o.i).id);
              const at = nextStamp(d.clock, prev?.updatedAt);
              const r = checkin(o.i, { ...(prev ?? {}), mood: o.mood as Checkin['mood'], updatedAt: at, deletedAt: o.deleted ? at : null });
              await d.db.checkins.put(r);
              await rebuildDayStats(d.db, [r.day]);
              written.checkins.push(r);
            } else if (o.kind === 'reflection') {
              const prev = await d.db.reflections.get(reflection(o.i).id);
              const at = Date.UTC(2026, o.april ? 3 : 2, 20 + o.i, 9);
              const r = reflection(o.i, { ...(prev ?? {}), at, day: dayKeyAtOffset(at, 60, 4), helped: o.helped, createdAt: prev?.createdAt ?? T0, updatedAt: nextStamp(d.clock, prev?.updatedAt) });
              await d.db.reflections.put(r);
              written.reflections.push(r);
            } else {
              const prev = await d.db.contacts.get(contact(o.i).id);
              const r = contact(o.i, { ...(prev ?? {}), name: o.name, updatedAt: nextStamp(d.clock, prev?.updatedAt) });
              await d.db.contacts.put(r);
              written.contacts.push(r);
            }
          }
          // Everyone comes online: three rounds each carry every change to everyone (after a
          // wipe, one to notice it, one to put everything back, one to receive it).
          for (let k = 0; k < 3; k++) for (const d of devices) await round(d, keys, remote);
          const expected = {
            checkins: mergeRecords([], written.checkins).map(canonical).join('\n'),
            contacts: mergeRecords([], written.contacts).map(canonical).join('\n'),
            reflections: mergeRecords([], written.reflections).map(canonical).join('\n'),
          };
          for (const d of devices) {
            expect(await dump(d.db, 'checkins')).toBe(expected.checkins);
            expect(await dump(d.db, 'contacts')).toBe(expected.contacts);
            expect(await dump(d.db, 'reflections')).toBe(expected.reflections);
            // The day totals follow the merged check-ins.
            const checkins = await d.db.checkins.toArray();
            for (const stat of await d.db.dayStats.toArray()) {
              expect(stat).toEqual(computeDayStat(stat.day, checkins.filter((c) => c.day === stat.day)));
            }
          }
          // No conflict is left behind on the server: every document has one live revision.
          const all = await remote.allDocs({ conflicts: true, include_docs: true });
          for (const row of all.rows) expect((row.doc as { _conflicts?: unknown[] })._conflicts ?? []).toEqual([]);
        } finally {
          for (const d of devices) {
            d.db.close();
            await d.local.destroy();
          }
          await remote.destroy();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('conflicts and refusals', () => {
  it('resolves a CouchDB conflict by the merge rule, the same on both devices', async () => {
    const keys = await deriveSyncKeys(newSyncKey());
    const remote = memoryPouch('server');
    const a = await device(T0 + 86_400_000);
    const b = await device(T0 + 86_400_000);
    await a.db.contacts.put(contact(0, { name: 'Ana', updatedAt: T0 + 10 }));
    await b.db.contacts.put(contact(0, { name: 'Sam', updatedAt: T0 + 20 }));
    await b.db.contacts.put(contact(1, { name: 'Lee', updatedAt: T0 + 5 }));
    // Both write their contacts bucket before either sees the other's: a CouchDB conflict.
    await reconcile({ db: a.db, mirror: pouchMirror(a.local), keys, now: () => a.clock });
    await reconcile({ db: b.db, mirror: pouchMirror(b.local), keys, now: () => b.clock });
    await a.local.replicate.to(remote);
    await b.local.replicate.to(remote);
    await round(a, keys, remote);
    await round(b, keys, remote);
    await round(a, keys, remote);
    for (const d of [a, b]) {
      const names = (await d.db.contacts.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1)).map((c) => c.name);
      expect(names).toEqual(['Sam', 'Lee']);
    }
    const all = await remote.allDocs({ conflicts: true, include_docs: true });
    for (const row of all.rows) expect((row.doc as { _conflicts?: unknown[] })._conflicts ?? []).toEqual([]);
  });

  it('refuses a tampered or foreign document, reports it and merges nothing from it', async () => {
    const keys = await deriveSyncKeys(newSyncKey());
    const d = await device(T0 + 86_400_000);
    await d.db.checkins.put(checkin(0));
    const theirs = await encodeBucket(await deriveSyncKeys(newSyncKey()), { table: 'checkins', bucket: '2026-03', records: [checkin(1)] });
    const ours = await encodeBucket(keys, { table: 'contacts', bucket: 'all', records: [contact(0)] });
    const tampered = { ...ours, data: ours.data.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) };
    await d.local.bulkDocs([theirs, tampered]);
    const before = await dump(d.db, 'checkins');
    const report = await reconcile({ db: d.db, mirror: pouchMirror(d.local), keys, now: () => d.clock });
    expect(report.refused.map((r) => r.reason).sort()).toEqual(['unreadable', 'unreadable']);
    expect(await dump(d.db, 'checkins')).toBe(before);
    expect(await d.db.contacts.count()).toBe(0);
  });

  it('does not let a stamp far past this clock win, nor applies it', async () => {
    const keys = await deriveSyncKeys(newSyncKey());
    const d = await device(T0 + 86_400_000);
    const mine = contact(0, { name: 'Ana', updatedAt: T0 + 1000 });
    await d.db.contacts.put(mine);
    const future = contact(0, { name: 'Clock 2099', updatedAt: Date.UTC(2099, 0, 1) });
    const alone = contact(1, { name: 'Also 2099', updatedAt: Date.UTC(2099, 0, 1) });
    expect(wins(future, mine)).toBe(true);
    await d.local.put(await encodeBucket(keys, { table: 'contacts', bucket: 'all', records: [future, alone] }));
    const report = await reconcile({ db: d.db, mirror: pouchMirror(d.local), keys, now: () => d.clock });
    expect((await d.db.contacts.toArray()).map((c) => c.name)).toEqual(['Ana']);
    expect(report.heldBack).toBe(1);
  });

  it('carries the day-start hour and puts check-ins on their days under it', async () => {
    const keys = await deriveSyncKeys(newSyncKey());
    const remote = memoryPouch('server');
    const a = await device(T0 + 86_400_000);
    const b = await device(T0 + 86_400_000);
    // A check-in at 05:30 local time belongs to the day before when days start at 6.
    const late = checkin(0, { at: Date.UTC(2026, 2, 11, 4, 30), day: '2026-03-11', utcOffset: 60 });
    await b.db.checkins.put(late);
    await round(b, keys, remote);
    await a.db.settings.put({ key: 'settings', value: withDefaults({ dayStartHour: 6 }), updatedAt: T0 + 5000 });
    await round(a, keys, remote);
    await round(b, keys, remote);
    expect((await b.db.settings.get('settings'))?.value.dayStartHour).toBe(6);
    expect((await b.db.checkins.get(late.id))?.day).toBe('2026-03-10');
    expect((await a.db.checkins.get(late.id))?.day).toBe('2026-03-10');
  });
});

describe('after an import', () => {
  it('sends records stamped before what sync last sent (the next round compares everything)', async () => {
    const { applyImport } = await import('../../lib/backup/store');
    const { createKeyValueStore } = await import('../../lib/kv');
    const { createStore } = await import('idb-keyval');
    const { BACKUP_FORMAT, BACKUP_VERSION } = await import('../../lib/backup/schemas');
    const keys = await deriveSyncKeys(newSyncKey());
    const remote = memoryPouch('server');
    const a = await device(T0 + 86_400_000);
    const b = await device(T0 + 86_400_000);
    await a.db.checkins.put(checkin(3, { updatedAt: T0 + 50_000 }));
    // Sync is on here (the runner keeps this row; the rounds below are the runner's).
    const { saveConfig } = await import('../../lib/sync/state');
    await saveConfig(a.db, { server: 'http://127.0.0.1:1', database: 'userdb-61', user: 'a', password: 'p', key: newSyncKey(), since: T0 });
    await round(a, keys, remote);
    // A backup file from long ago: its record is stamped before the one sync already sent.
    const old = checkin(0, { updatedAt: T0 - 86_400_000 * 30 });
    const file = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: T0, scope: { kind: 'all', fromDay: null }, tables: { checkins: [old], reflections: [], plan: [], values: [], contacts: [], shares: [] }, settings: null } as const;
    await applyImport(a.db, createKeyValueStore(a.db, createStore(`kv-import-${dbCount}`, 'values')), file as never);
    await round(a, keys, remote);
    await round(b, keys, remote);
    expect(await b.db.checkins.get(old.id)).toBeTruthy();
    expect(await b.db.checkins.get(checkin(3).id)).toBeTruthy();
  });
});

describe('when one device deletes the server copy', () => {
  it('a device that still syncs puts its records back', async () => {
    const keys = await deriveSyncKeys(newSyncKey());
    const remote = memoryPouch('server');
    const a = await device(T0 + 86_400_000);
    const b = await device(T0 + 86_400_000);
    await a.db.checkins.bulkPut([checkin(0), checkin(4)]);
    await round(a, keys, remote);
    await round(b, keys, remote);
    // What "Turn off sync → Also delete the copy on the server" does on another device.
    const all = await remote.allDocs();
    await remote.bulkDocs(all.rows.map((r) => ({ _id: r.id, _rev: r.value.rev, _deleted: true })) as never);
    await round(b, keys, remote);
    await round(b, keys, remote);
    const c = await device(T0 + 86_400_000);
    await round(c, keys, remote);
    expect((await c.db.checkins.toArray()).map((r) => r.id).sort()).toEqual([checkin(0).id, checkin(4).id].sort());
  });
});

describe('a reflection moved to another month', () => {
  it('arrives in its newest version although its old month still holds the old one', async () => {
    // Documents are read in the order of their ids, which every key orders differently.
    for (let k = 0; k < 6; k++) {
      const keys = await deriveSyncKeys(newSyncKey());
      const remote = memoryPouch('server');
      const a = await device(T0 + 86_400_000 * 40);
      const first = reflection(0, { at: Date.UTC(2026, 2, 20, 9), createdAt: T0, updatedAt: T0 });
      await a.db.reflections.put(first);
      await round(a, keys, remote);
      // Moved to April (the edit form can change when it happened), stamped later.
      await a.db.reflections.put({ ...first, at: Date.UTC(2026, 3, 2, 9), day: '2026-04-02', helped: 'A walk in April', updatedAt: T0 + 5000 });
      await round(a, keys, remote);
      const b = await device(T0 + 86_400_000 * 40);
      await round(b, keys, remote);
      expect((await b.db.reflections.get(first.id))?.helped).toBe('A walk in April');
    }
  });
});
