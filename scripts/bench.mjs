// `npm run bench`: speed on a heavy history (ten years, ~50,000 check-ins, 5,000 reflections).
// Every row is printed next to a baseline measured in the same run on the same machine, so the
// numbers can be read without knowing how fast the machine is. Writes bench-results/bench.json.
// Needs a build (`npm run build`) for the browser rows; the computation rows need nothing.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '..');
const load = async (path) => (await runnerImport(join(root, path), { configFile: false, logLevel: 'silent' })).module;

const { generateDemoData } = await load('lib/demo.ts');
const { computeDayStat } = await load('lib/db/dayStats.ts');
const insights = await load('lib/insights.ts');
const { summarizeStreaks } = await load('lib/streaks.ts');
const { dayKey } = await load('lib/days.ts');

const TZ = 'Europe/Berlin';
const today = dayKey(Date.now(), TZ, 4);
const data = generateDemoData({ seed: 42, today, days: 3650, checkinsPerDay: 20, reflections: 5000, timeZone: TZ, dayStartHour: 4, now: Date.now() });
const rows = [];

/** Median of several runs, after one warm-up. */
function time(fn, runs = 15) {
  fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

function row(what, ms, baselineName, baselineMs = 0) {
  rows.push({ what, ms: Number(ms.toFixed(2)), baseline: baselineName, baselineMs: Number(baselineMs.toFixed(2)) });
}

// --- Computation (Node, the same pure functions the dashboard runs) ---
const byDay = new Map();
for (const c of data.checkins) {
  const list = byDay.get(c.day);
  if (list) list.push(c);
  else byDay.set(c.day, [c]);
}
const stats = [...byDay].map(([day, list]) => computeDayStat(day, list));
const scan = time(() => {
  let sum = 0;
  for (const c of data.checkins) sum += c.mood;
  return sum;
});
const days = stats.map((s) => s.day);
// Computation rows get their baseline once the browser has counted the same records.
const COMPUTE = 'compute';
row('one plain pass over all check-ins (Node)', scan, COMPUTE);
row(`streaks (${days.length} days)`, time(() => summarizeStreaks({ checkinDays: days, today, workingDays: [1, 2, 3, 4, 5] })), COMPUTE);
for (const w of [30, 365]) {
  row(`mood series, ${w} days`, time(() => insights.moodSeries(stats, today, w)), COMPUTE);
}
row('time of day (all days)', time(() => insights.timeOfDay(stats)), COMPUTE);
row('trigger frequency (all)', time(() => insights.triggerFrequency(stats, data.reflections)), COMPUTE);
row('coping steps (all)', time(() => insights.copingEffectiveness(data.reflections)), COMPUTE);
row('plain-language insights (all)', time(() => insights.plainInsights(stats, data.reflections)), COMPUTE);
row('every insight, 365-day view', time(() => {
  const s = insights.inWindow(stats, today, 365);
  const r = insights.inWindow(data.reflections, today, 365);
  insights.moodSeries(stats, today, 365);
  insights.cravingSeries(data.reflections, today, 365);
  insights.timeOfDay(s);
  insights.triggerFrequency(s, r);
  insights.copingEffectiveness(r);
  insights.plainInsights(s, r);
}), COMPUTE);
row('rebuild all per-day aggregates', time(() => [...byDay].map(([day, list]) => computeDayStat(day, list)), 5), COMPUTE);

// --- The dashboard in Chromium, with the same history in IndexedDB ---
const pwaDir = join(root, 'dist/pwa');
let browserRows = 'skipped: run `npm run build` first';
let idbBaseline = null;
if (existsSync(join(pwaDir, 'index.html'))) {
  const { chromium } = await import('@playwright/test');
  const { serve } = await import('./serve.mjs');
  const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const running = await serve(pwaDir, { port: 0 });
  try {
    const context = await browser.newContext({ timezoneId: TZ, viewport: { width: 1280, height: 900 } });
    // Long tasks are recorded from the very start of every page.
    await context.addInitScript(() => {
      window.__longest = 0;
      window.__tasks = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__longest = Math.max(window.__longest, e.duration);
          window.__tasks++;
        }
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();

    async function measure(url, ready) {
      const start = Date.now();
      await page.goto(url);
      await ready();
      const ms = Date.now() - start;
      await page.waitForTimeout(300); // let trailing tasks be reported
      const longest = await page.evaluate(() => window.__longest);
      return { ms, longest };
    }

    // The baseline page is truly empty (no app code); the first load warms the browser up.
    const emptyUrl = 'data:text/html,<!doctype html><title>Empty</title><p>Empty page</p>';
    await measure(emptyUrl, () => page.waitForLoadState('load'));
    const empty = await measure(emptyUrl, () => page.waitForLoadState('load'));

    // Create the database at the current schema, then fill it in one transaction.
    await page.goto(running.url);
    await page.getByText(/-day streak/).waitFor();
    await page.evaluate(
      ({ checkins, reflections, plan, values, dayStats }) =>
        new Promise((done, fail) => {
          const open = indexedDB.open('tandem');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['checkins', 'reflections', 'plan', 'values', 'dayStats'], 'readwrite');
            for (const c of checkins) tx.objectStore('checkins').put(c);
            for (const r of reflections) tx.objectStore('reflections').put(r);
            for (const p of plan) tx.objectStore('plan').put(p);
            for (const v of values) tx.objectStore('values').put(v);
            for (const s of dayStats) tx.objectStore('dayStats').put(s);
            tx.oncomplete = () => {
              db.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      { ...data, dayStats: stats },
    );
    const idbCount = await page.evaluate(
      () =>
        new Promise((done, fail) => {
          const open = indexedDB.open('tandem');
          open.onsuccess = () => {
            const start = performance.now();
            const req = open.result.transaction('checkins').objectStore('checkins').count();
            req.onsuccess = () => {
              const ms = performance.now() - start;
              open.result.close();
              done({ ms, count: req.result });
            };
            req.onerror = () => fail(req.error);
          };
        }),
    );
    const home = await measure(running.url, () => page.getByText(/^\d+-day streak$/).waitFor());
    const insightsView = await measure(`${running.url}#insights`, () =>
      page.getByRole('region', { name: 'Mood over time' }).locator('canvas').waitFor(),
    );
    const year = await (async () => {
      await page.evaluate(() => (window.__longest = 0));
      const start = Date.now();
      await page.getByRole('button', { name: '1 year' }).click();
      await page.getByText(/of 365 days/).waitFor();
      const ms = Date.now() - start;
      await page.waitForTimeout(300);
      return { ms, longest: await page.evaluate(() => window.__longest) };
    })();

    idbBaseline = idbCount.ms;
    row(`IndexedDB count of ${idbCount.count} check-ins`, idbCount.ms, 'itself (the baseline)', idbCount.ms);
    row('dashboard first render (streak shown)', home.ms, 'empty page load', empty.ms);
    row('  longest task during it', home.longest, 'empty page longest task', empty.longest);
    row('insights first render (charts drawn)', insightsView.ms, 'empty page load', empty.ms);
    row('  longest task during it', insightsView.longest, 'empty page longest task', empty.longest);
    row('switch insights to 1 year', year.ms, 'IndexedDB count', idbCount.ms);
    row('  longest task during it', year.longest, 'empty page longest task', empty.longest);
    browserRows = 'measured';
    await context.close();
  } finally {
    await browser.close();
    running.server.closeAllConnections();
    running.server.close();
  }
}

for (const r of rows) {
  if (r.baseline !== COMPUTE) continue;
  r.baseline = idbBaseline ? `IndexedDB count of the same ${data.checkins.length} check-ins` : 'one plain pass over all check-ins';
  r.baselineMs = Number((idbBaseline ?? scan).toFixed(2));
}

// Sync (issue 12): the first sync of ten years to a local CouchDB-protocol server, then one edit.
// Its own process: it needs an IndexedDB (fake-indexeddb) in place before Dexie loads.
const { execFileSync } = await import('node:child_process');
const sync = JSON.parse(execFileSync(process.execPath, [join(root, 'scripts/bench-sync.mjs'), '--json'], { encoding: 'utf8', maxBuffer: 1e8 }));
for (const r of sync.rows) {
  row(`sync: ${r.what} (${r.docsSent} docs, ${(r.bytesSent / 1e3).toFixed(1)} kB sent; ${r.docsReceived} docs received)`, r.seconds * 1000, 'itself (the baseline)', r.seconds * 1000);
}

const result = {
  when: new Date().toISOString(),
  sync,
  history: { checkins: data.checkins.length, reflections: data.reflections.length, days: stats.length },
  node: process.version,
  browser: browserRows,
  rows,
};
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/bench.json'), JSON.stringify(result, null, 2));

console.log(`History: ${result.history.checkins} check-ins on ${result.history.days} days, ${result.history.reflections} reflections.`);
const w = Math.max(...rows.map((r) => r.what.length));
const b = Math.max(...rows.map((r) => r.baseline.length));
console.log(`${'What'.padEnd(w)} | ${'ms'.padStart(9)} | ${'Baseline (same run)'.padEnd(b)} | ${'ms'.padStart(9)}`);
console.log(`${'-'.repeat(w)}-|-${'-'.repeat(9)}-|-${'-'.repeat(b)}-|-${'-'.repeat(9)}`);
for (const r of rows) {
  console.log(`${r.what.padEnd(w)} | ${r.ms.toFixed(2).padStart(9)} | ${r.baseline.padEnd(b)} | ${r.baselineMs.toFixed(2).padStart(9)}`);
}
if (browserRows !== 'measured') console.log(`Browser rows ${browserRows}.`);
else console.log('A longest task of 0 means none over 50 ms (the shortest task Chromium reports).');
console.log('Written to bench-results/bench.json');
