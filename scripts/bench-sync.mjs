// Sync rows of `npm run bench` (also runnable alone: `node scripts/bench-sync.mjs`): the first
// sync of ten years to the in-memory CouchDB-protocol server (scripts/sync-server.mjs), then a
// single edit, then a second device's first sync. Node with fake-indexeddb for Dexie, which is
// slower than a browser's IndexedDB, so the seconds are an upper bound for a real device.
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await benchSync();
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(out));
    process.exit(0);
  }
  console.table(out.rows);
  console.log(`Server holds ${out.serverDocs} documents, ${(out.serverBytes / 1e6).toFixed(2)} MB of JSON.`);
}
