// Sync rows of `npm run bench` (also runnable alone: `node scripts/bench-sync.mjs`): the first
// sync of ten years to the in-memory CouchDB-protocol server (scripts/sync-server.mjs), then a
// single edit, then a second device's first sync. Node with fake-indexeddb for Dexie, which is
// slower than a browser's IndexedDB, so the seconds are an upper bound for a real device.
// Then delivery: how long a check-in written on one device takes to show on another that is
// open with live replication (benchDelivery), beside a plain document through the same server.
import 'fake-indexeddb/auto';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runnerImport } from 'vite';
import PouchDB from 'pouchdb-core';
import { startSyncServer, userDbName } from './sync-server.mjs';

const root = resolve(import.meta.dirname, '..');
const load = async (path) => (await runnerImport(join(root, path), { configFile: false, logLevel: 'silent' })).module;

export async function benchSync({ checkinsPerDay = 14, days = 3650, reflections = 5000 } = {}) {
  const { generateDemoData } = await load('lib/demo.ts');
  const { openDatabase } = await load('lib/db/schema.ts');
  const { rebuildAllDayStats } = await load('lib/db/dayStats.ts');
  const { deriveSyncKeys, newSyncKey } = await load('lib/sync/keys.ts');
  const { syncRound } = await load('lib/sync/replicate.ts');
  const { dayKey } = await load('lib/days.ts');
  const now = Date.now();
  const TZ = 'Europe/Berlin';
  const data = generateDemoData({ seed: 7, today: dayKey(now, TZ, 4), days, checkinsPerDay, reflections, timeZone: TZ, dayStartHour: 4, now });
  const server = await startSyncServer({ users: { bench: 'bench' } });
  const remoteDb = () => new PouchDB(`${server.url}/${userDbName('bench')}`, { skip_setup: true, auth: { username: 'bench', password: 'bench' } });
  const device = (name) => ({ db: openDatabase(`bench-sync-${name}-${now}`), local: new PouchDB(`bench-mirror-${name}-${now}`, { adapter: 'memory' }) });
  const bytesIn = () => server.requests.length;
  const keys = await deriveSyncKeys(newSyncKey());
  const a = device('a');
  await a.db.checkins.bulkPut(data.checkins);
  await a.db.reflections.bulkPut(data.reflections);
  await rebuildAllDayStats(a.db.checkins, a.db.dayStats);
  const rows = [];
  const measure = async (what, d, options) => {
    const before = { requests: bytesIn(), bytes: server.bytesReceived() };
    const start = performance.now();
    const report = await syncRound({ db: d.db, local: d.local, remote: remoteDb(), keys, now: () => Date.now() }, options);
    const seconds = (performance.now() - start) / 1000;
    rows.push({ what, seconds: Number(seconds.toFixed(2)), bytesSent: server.bytesReceived() - before.bytes, docsSent: report.docsSent, docsReceived: report.docsReceived, requests: bytesIn() - before.requests, recordsSent: report.sent, recordsReceived: report.counts.new + report.counts.updated + report.counts.deleted });
  };
  await measure(`first sync of ${data.checkins.length} check-ins and ${data.reflections.length} reflections`, a, { full: true });
  const one = await a.db.checkins.orderBy('at').last();
  await a.db.checkins.put({ ...one, mood: one.mood === 5 ? 4 : 5, updatedAt: Date.now() });
  await measure('a single edit afterwards', a);
  const b = device('b');
  await measure('a second device joins (receives all)', b, { full: true });
  const stored = await server.storedDocs('bench');
  await server.stop();
  return { rows, serverDocs: stored.length, serverBytes: stored.reduce((n, d) => n + JSON.stringify(d).length, 0) };
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Resolves once `test()` is true, checking every few milliseconds; rejects after `ms`. */
async function until(test, ms = 30_000) {
  const end = performance.now() + ms;
  while (!(await test())) {
    if (performance.now() > end) throw new Error('bench-sync: delivery did not happen in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Delivery time with the real sync runner (lib/sync/runner.ts) on two devices paired by a link.
 * Device B is open (live replication, as the web app and an extension page run it). Device A
 * writes a check-in and says so the way the app's write watcher does (`localChanged`, debounced):
 * once while A is open too (its live replication sends it), once from A's background without a
 * page open (a sync round after the debounce). Baseline in the same run: a plain document
 * through the same server between two live-replicating PouchDBs, no Tandem in between.
 */
export async function benchDelivery({ runs = 7, days = 60 } = {}) {
  const { generateDemoData } = await load('lib/demo.ts');
  const { openDatabase } = await load('lib/db/schema.ts');
  const { rebuildAllDayStats } = await load('lib/db/dayStats.ts');
  const { createSyncRunner } = await load('lib/sync/runner.ts');
  const { pairingPayload } = await load('lib/sync/pairing.ts');
  const { newId } = await load('lib/ids.ts');
  const { dayKey } = await load('lib/days.ts');
  const TZ = 'Europe/Berlin';
  const now = Date.now();
  const clock = { now: () => Date.now(), timeZone: () => TZ };
  const data = generateDemoData({ seed: 11, today: dayKey(now, TZ, 4), days, checkinsPerDay: 6, reflections: 20, timeZone: TZ, dayStartHour: 4, now });
  const server = await startSyncServer({ users: { live: 'live password' } });
  const tag = `${process.pid}-${now}`;
  const device = (name) => {
    const db = openDatabase(`bench-live-${name}-${tag}`);
    return { db, runner: createSyncRunner({ db, clock, Pouch: PouchDB, adapter: 'memory', mirrorName: `bench-live-mirror-${name}-${tag}` }) };
  };
  const a = device('a');
  const b = device('b');
  try {
    await a.db.checkins.bulkPut(data.checkins);
    await a.db.reflections.bulkPut(data.reflections);
    await rebuildAllDayStats(a.db.checkins, a.db.dayStats);
    const on = await a.runner.turnOn({ server: server.url, database: userDbName('live'), user: 'live', password: 'live password' });
    if (!on.ok) throw new Error(`bench-sync: turning on failed (${on.problem})`);
    const made = await a.runner.pairingLink('bench pairing words', 'http://127.0.0.1/');
    if (!made.ok) throw new Error(`bench-sync: no pairing link (${made.problem})`);
    const joined = await b.runner.join(pairingPayload(made.link), 'bench pairing words');
    if (!joined.ok) throw new Error(`bench-sync: join failed (${joined.problem})`);
    await b.runner.startLive();
    const template = data.checkins[data.checkins.length - 1];
    const deliver = async () => {
      const at = Date.now();
      const record = { ...template, id: newId(), at, day: dayKey(at, TZ, 4), win: `delivery ${at}`, createdAt: at, updatedAt: at };
      const start = performance.now();
      await a.db.checkins.put(record);
      a.runner.localChanged();
      await until(async () => (await b.db.checkins.get(record.id)) !== undefined);
      return (performance.now() - start) / 1000;
    };
    const times = async () => {
      const out = [];
      for (let i = 0; i < runs; i++) {
        out.push(await deliver());
        // Writes a person makes are seconds apart; let each run's replication settle.
        await new Promise((r) => setTimeout(r, 300));
      }
      return out;
    };
    const background = await times();
    await a.runner.startLive();
    const open = await times();
    a.runner.stopLive();
    b.runner.stopLive();

    const remote = () => new PouchDB(`${server.url}/${userDbName('live')}`, { skip_setup: true, auth: { username: 'live', password: 'live password' } });
    const left = new PouchDB(`bench-plain-a-${tag}`, { adapter: 'memory' });
    const right = new PouchDB(`bench-plain-b-${tag}`, { adapter: 'memory' });
    const feeds = [left.sync(remote(), { live: true, retry: true }), right.sync(remote(), { live: true, retry: true })];
    const plain = [];
    for (let i = 0; i < runs; i++) {
      const id = `plain-${i}-${Date.now()}`;
      const start = performance.now();
      await left.put({ _id: id, n: i });
      await until(() => right.get(id).then(() => true, () => false));
      plain.push((performance.now() - start) / 1000);
      await new Promise((r) => setTimeout(r, 300));
    }
    for (const f of feeds) f.cancel();
    const row = (what, xs) => ({ what, seconds: Number(median(xs).toFixed(2)), min: Number(Math.min(...xs).toFixed(2)), max: Number(Math.max(...xs).toFixed(2)), runs: xs.length });
    return [
      row('a plain document between two live PouchDBs through the server (the baseline)', plain),
      row('a check-in on A reaches B open with live replication, A open too', open),
      row('a check-in on A reaches B open with live replication, A in the background (debounced round)', background),
    ];
  } finally {
    a.runner.stopLive();
    b.runner.stopLive();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await benchSync();
  out.delivery = await benchDelivery();
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(out));
    process.exit(0);
  }
  console.table(out.rows);
  console.log(`Server holds ${out.serverDocs} documents, ${(out.serverBytes / 1e6).toFixed(2)} MB of JSON.`);
  console.log('Delivery (median of runs, seconds; the goal is 5 s):');
  console.table(out.delivery);
  process.exit(0);
}
