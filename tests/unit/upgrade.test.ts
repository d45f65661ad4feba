import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeDayStat } from '../../lib/db/dayStats';
import { closeWhenOutdated, openDatabase, SCHEMA_VERSION, type Checkin, type ConnectionNotice } from '../../lib/db/schema';
import { toStorageError } from '../../lib/errors';
import { contentFromText } from '../../lib/share/contents';
import { messages as english } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';
import { createFmt } from '../../components/i18n/fmt';

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

/** What a record of an older version reads as now: the share log's phrases became facts in v4. */
function current(table: string, row: Record<string, unknown>, idbVersion: number): Record<string, unknown> {
  if (table !== 'shares' || idbVersion >= 40) return row;
  return { ...row, contents: (row.contents as string[]).map(contentFromText) };
}

const byId = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a.id ?? a.day).localeCompare(String(b.id ?? b.day)));

describe('released schema versions open with the current code', () => {
  it('has a fixture for every released version up to the current one', () => {
    // Versions 5–8 are declared by features not yet released (each branch has its number);
    // their fixture is written with make-db-fixtures.mjs when a release ships them.
    const released = 4;
    expect(released).toBeLessThanOrEqual(SCHEMA_VERSION);
    expect(FIXTURES).toEqual(Array.from({ length: released }, (_, i) => `db-v${i + 1}.json`));
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
        expect(byId(await db.table(table).toArray())).toEqual(byId(rows.map((r) => current(table, r, fixture.idbVersion))));
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

describe('v4: the share log says what a link held as facts', () => {
  const v3 = JSON.parse(readFileSync('tests/fixtures/db-v3.json', 'utf8')) as Fixture;
  const entry = (id: string, contents: string[]) => ({ ...v3.records.shares![0]!, id, contents });
  // Every phrase a released version wrote, and entries no version wrote (a hand-edited file).
  const shipped = ['check-in days and streak', 'mood chart', 'micro-win texts (2)', 'number of near misses and setbacks'];
  const withTexts = ['check-in days and streak', 'near miss and setback texts (3)', 'plan (1 situations)', 'plan (12 situations)', 'micro-win texts (0)'];
  const other = ['mood chart (weekly)', 'Micro-win texts (2)', 'micro-win texts', 'plan (x situations)', 'gráfico del estado de ánimo', 'micro-win texts (9999999)'];

  it('turns the phrases earlier versions stored into facts, and keeps every other entry as written', async () => {
    const name = 'upgrade-v4-contents';
    const records = { ...v3.records, shares: [entry('s-shipped', shipped), entry('s-texts', withTexts), entry('s-other', other), entry('s-empty', [])] };
    await restoreFixture(name, { ...v3, records });
    const db = openDatabase(name);
    try {
      await db.open();
      const byEntry = Object.fromEntries((await db.shares.toArray()).map((e) => [e.id, e.contents]));
      expect(byEntry['s-shipped']).toEqual([{ kind: 'checkinDays' }, { kind: 'mood' }, { kind: 'wins', count: 2 }, { kind: 'reflectionCounts' }]);
      expect(byEntry['s-texts']).toEqual([
        { kind: 'checkinDays' },
        { kind: 'reflectionTexts', count: 3 },
        { kind: 'plan', count: 1 },
        { kind: 'plan', count: 12 },
        { kind: 'wins', count: 0 },
      ]);
      expect(byEntry['s-other']).toEqual(other.map((text) => ({ kind: 'text', text })));
      expect(byEntry['s-empty']).toEqual([]);
      // Nothing else about the entries changed, and the v3 upgrade report says nothing new.
      const shares = await db.shares.toArray();
      for (const e of shares) expect({ ...e, contents: undefined }).toEqual({ ...entry(e.id, []), contents: undefined });
      expect(await db.upgrades.toArray()).toEqual([]);

      // What matched reads in both languages; the English reads as the log always did.
      const en = english(createFmt('en')).share;
      const es = spanish(createFmt('es')).share;
      expect(en.logContents(byEntry['s-shipped']!)).toBe('Contains: check-in days and streak, mood chart, micro-win texts (2), number of near misses and setbacks.');
      expect(es.logContents(byEntry['s-shipped']!)).toBe(
        'Contiene: días con registro y racha, gráfico del estado de ánimo, textos de pequeños logros (2), cuántos momentos difíciles superaste y cuántas recaídas hubo.',
      );
      expect(en.logContents(byEntry['s-texts']!)).toBe(
        'Contains: check-in days and streak, near miss and setback texts (3), plan (1 situation), plan (12 situations), micro-win texts (0).',
      );
      expect(es.content({ kind: 'plan', count: 1 })).toBe('plan (1 situación)');
      expect(es.logContents(byEntry['s-other']!)).toBe(`Contiene: ${other.join(', ')}.`);
    } finally {
      await db.delete();
    }
  });

  it('from v2, v3 tidies the phrases first, then v4 turns them into facts', async () => {
    const v2 = JSON.parse(readFileSync('tests/fixtures/db-v2.json', 'utf8')) as Fixture;
    const name = 'upgrade-v2-contents';
    await restoreFixture(name, { ...v2, records: { ...v2.records, shares: [{ ...v2.records.shares![0]!, contents: ['\u2068mood chart\u2069', ...shipped] }] } });
    const db = openDatabase(name);
    try {
      await db.open();
      // v3 tidied the isolate marks away first, so the phrase matched.
      expect((await db.shares.toArray())[0]!.contents).toEqual([{ kind: 'mood' }, { kind: 'checkinDays' }, { kind: 'mood' }, { kind: 'wins', count: 2 }, { kind: 'reflectionCounts' }]);
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
