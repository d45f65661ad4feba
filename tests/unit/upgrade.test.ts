import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeDayStat } from '../../lib/db/dayStats';
import { closeWhenOutdated, openDatabase, SCHEMA_VERSION, type Checkin, type ConnectionNotice } from '../../lib/db/schema';
import { toStorageError } from '../../lib/errors';

// Every released schema version, as real devices hold it, must open with today's code with
// every record intact. The fixtures are raw IndexedDB content (tests/fixtures/db-v*.json).

interface Fixture {
  idbVersion: number;
  stores: Record<string, { keyPath: string; autoIncrement: boolean; indexes: { name: string; keyPath: string; unique: boolean; multiEntry: boolean }[] }>;
  records: Record<string, Record<string, unknown>[]>;
}

const FIXTURES = readdirSync('tests/fixtures').filter((f) => /^db-v\d+\.json$/.test(f)).sort();

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

/** Recreates the fixture with the raw API, so nothing of today's code shapes it. */
async function restoreFixture(name: string, fixture: Fixture): Promise<void> {
  const open = indexedDB.open(name, fixture.idbVersion);
  open.onupgradeneeded = () => {
    for (const [store, def] of Object.entries(fixture.stores)) {
      const os = open.result.createObjectStore(store, { keyPath: def.keyPath, autoIncrement: def.autoIncrement });
      for (const i of def.indexes) os.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
    }
  };
  const idb = await request(open);
  const tx = idb.transaction(Object.keys(fixture.stores), 'readwrite');
  for (const [store, rows] of Object.entries(fixture.records)) for (const row of rows) tx.objectStore(store).put(row);
  await new Promise((done) => (tx.oncomplete = done));
  idb.close();
}

const byId = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a.id ?? a.day).localeCompare(String(b.id ?? b.day)));

describe('released schema versions open with the current code', () => {
  it('has a fixture for every released version up to the current one', () => {
    expect(FIXTURES).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => `db-v${i + 1}.json`));
  });

  it.each(FIXTURES)('%s: every record intact, day totals rebuilt', async (file) => {
    const fixture = JSON.parse(readFileSync(`tests/fixtures/${file}`, 'utf8')) as Fixture;
    const name = `upgrade-${file}`;
    await restoreFixture(name, fixture);
    const db = openDatabase(name);
    try {
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      for (const [table, rows] of Object.entries(fixture.records)) {
        if (table === 'dayStats') continue;
        expect(byId(await db.table(table).toArray())).toEqual(byId(rows));
      }
      const checkins = fixture.records.checkins as unknown as Checkin[];
      const days = [...new Set(checkins.map((c) => c.day))];
      const expected = days.map((d) => computeDayStat(d, checkins)).filter((s) => s !== null);
      expect(expected.length).toBeGreaterThan(0);
      expect(byId((await db.dayStats.toArray()) as unknown as Record<string, unknown>[])).toEqual(byId(expected as unknown as Record<string, unknown>[]));
    } finally {
      await db.delete();
    }
  });
});

describe('an old page holding the database open', () => {
  it('closes its connection so the upgrade completes, and is told to reload', async () => {
    const name = 'upgrade-blocking';
    const old = new Dexie(name);
    old.version(1).stores({ checkins: 'id, day, at, updatedAt' });
    const notices: ConnectionNotice[] = [];
    closeWhenOutdated(old, (n) => notices.push(n));
    await old.table('checkins').put({ id: 'x', day: '2026-01-05', at: 1, updatedAt: 1 });

    const current = openDatabase(name);
    try {
      await current.open();
      expect(current.verno).toBe(SCHEMA_VERSION);
      expect(notices).toEqual(['outdated']);
      expect(old.isOpen()).toBe(false);
      // The old page's next read fails with a message that says what to do, not a silent reopen.
      const failure = await old.table('checkins').count().catch((err: unknown) => err);
      expect(toStorageError(failure).message).toContain('reload');
    } finally {
      await current.delete();
    }
  });

  it('tells the new page why it waits when an old release ignores the request', async () => {
    const name = 'upgrade-ignored';
    const raw = await request(
      Object.assign(indexedDB.open(name, 10), {
        onupgradeneeded(this: IDBOpenDBRequest) {
          this.result.createObjectStore('checkins', { keyPath: 'id' });
        },
      }),
    );
    raw.onversionchange = null;
    const current = openDatabase(name);
    const notices: (ConnectionNotice | null)[] = [];
    current.onNotice((n) => notices.push(n));
    const opening = current.open();
    await expect.poll(() => notices).toEqual(['blocked']);
    raw.close();
    await opening;
    expect(current.verno).toBe(SCHEMA_VERSION);
    // Once open, the "waiting" notice is withdrawn.
    await expect.poll(() => notices).toEqual(['blocked', null]);
    expect(current.notice).toBeNull();
    await current.delete();
  });
});
