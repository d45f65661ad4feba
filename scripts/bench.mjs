// `npm run bench`: speed on a heavy history (ten years, ~50,000 check-ins, 5,000 reflections).
// Every row is printed next to a baseline measured in the same run on the same machine, so the
// numbers can be read without knowing how fast the machine is; page timings are medians of
// BENCH_RUNS (default 11) alternating runs. Then the bundle sizes and Lighthouse (median of 3),
// and which budgets hold (issue 13). Writes bench-results/bench.json.
// Needs a build (`npm run build`) for the browser rows; the computation rows need nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runnerImport } from 'vite';
import { lighthouseRows } from './bench-lighthouse.mjs';
import { popupRows, webAppRows } from './bench-pages.mjs';
import { bundleReport } from './bundle-report.mjs';

const root = resolve(import.meta.dirname, '..');
const load = async (path) => (await runnerImport(join(root, path), { configFile: false, logLevel: 'silent' })).module;

const { generateDemoData } = await load('lib/demo.ts');
const { computeDayStat } = await load('lib/db/dayStats.ts');
const insights = await load('lib/insights.ts');
const { summarizeStreaks } = await load('lib/streaks.ts');
const { dayKey, addDays } = await load('lib/days.ts');
const { readCsv } = await load('lib/import/csvTable.ts');
const { openSheet, daylioBackup } = await load('lib/import/sheet.ts');
const { decidePrompt } = await load('lib/schedule.ts');

const TZ = 'Europe/Berlin';
const today = dayKey(Date.now(), TZ, 4);
const data = generateDemoData({ seed: 42, today, days: 3650, checkinsPerDay: 20, reflections: 5000, timeZone: TZ, dayStartHour: 4, now: Date.now() });
const rows = [];
const bundleRows = [];
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 11));
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));
/** Each goal of issue 13, with what was measured. */
const budgets = [];
const budget = (what, value, goal, holds, unit = '') => budgets.push({ what, value, goal, holds, unit });
const benchStart = performance.now();

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
// A busy week plan (a split shift and a night shift every day) with the most away ranges the
// rules allow, spread over the past year: the background decides this on every alarm.
const busyPlan = Array.from({ length: 7 }, () => [
  { start: 7 * 60, end: 11 * 60, overnight: false },
  { start: 13 * 60, end: 17 * 60, overnight: false },
  { start: 22 * 60, end: 6 * 60, overnight: true },
]);
const awayRanges = Array.from({ length: 30 }, (_, i) => ({ from: addDays(today, -360 + i * 12), to: addDays(today, -356 + i * 12) }));
const prompt = { timeZone: TZ, lastCheckinAt: null, snoozedUntil: null, pausedDay: null, idle: false, notifiedKey: null };
const planSettings = { weekPlan: busyPlan, away: awayRanges, intervalMinutes: 15, dayStartHour: 4 };
row('reminder decision (week plan, 30 away ranges)', time(() => decidePrompt({ ...prompt, now: Date.now(), settings: planSettings }), 50), COMPUTE);
row(`streaks with 30 away ranges (${days.length} days)`, time(() => summarizeStreaks({ checkinDays: days, today, workingDays: [1, 2, 3, 4, 5], away: awayRanges })), COMPUTE);
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
// A Daylio export of 10,000 entries (issue 15): a mix of the forms phones write.
const DAYLIO_ROWS = 10_000;
const daylioText = (() => {
  const lines = ['full_date,date,weekday,time,mood,activities,note_title,note'];
  for (let i = 0; i < DAYLIO_ROWS; i++) {
    const day = addDays(today, -1 - Math.floor(i / 3));
    const time = i % 2 ? `${(i % 12) + 1}:${String(i % 60).padStart(2, '0')} PM` : `${String(i % 24).padStart(2, '0')}:05`;
    const mood = ['rad', 'good', 'meh', 'bad', 'awful', 'Sleepy'][i % 6];
    lines.push(`${day},x,y,${time},${mood},"work | tired | friends, old and new",Title ${i},"A note, with ""quotes""\nand a second line ${i}"`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
})();
const daylioBytes = new TextEncoder().encode(daylioText);
const PLACED = new Map([['rad', 5], ['good', 4], ['meh', 3], ['bad', 2], ['awful', 1], ['Sleepy', 2]]);
row(`Daylio CSV, ${DAYLIO_ROWS} rows: tokenise only`, time(() => readCsv(daylioText), 5), COMPUTE);
row(`Daylio CSV, ${DAYLIO_ROWS} rows: read + moods counted`, time(() => openSheet(daylioBytes, Date.now()), 5), COMPUTE);
{
  const sheet = openSheet(daylioBytes, Date.now());
  const samples = [];
  for (let i = 0; i < 4; i++) {
    const start = performance.now();
    await daylioBackup(sheet.read, PLACED, { timeZone: TZ, dayStartHour: 4, activitiesLabel: 'Activities', now: Date.now() });
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  row(`Daylio, ${DAYLIO_ROWS} rows: to check-ins, every record checked`, samples[2], COMPUTE);
}
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
    // The same first render, as medians of alternating runs beside the empty page (fresh pages).
    const emptyDir = mkdtempSync(join(tmpdir(), 'tandem-bench-empty-'));
    writeFileSync(join(emptyDir, 'bench-empty.html'), '<!doctype html><html lang="en"><meta charset="utf-8"><title>Empty</title><p>Empty page</p></html>');
    const emptyServer = await serve(emptyDir, { port: 0 });
    const history = { checkins: data.checkins, reflections: data.reflections, plan: data.plan, values: data.values, dayStats: stats };
    const web = await webAppRows({ browser, url: running.url, emptyUrl: `${emptyServer.url}bench-empty.html`, history, runs: RUNS, timeZone: TZ }).finally(() => {
      emptyServer.server.closeAllConnections();
      emptyServer.server.close();
      rmSync(emptyDir, { recursive: true, force: true });
    });
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
    row(`web app first render, empty store (streak shown), median of ${RUNS}`, web.emptyStore.app, 'empty page, same server', web.emptyStore.empty);
    row(`web app first render, ten years (streak shown), median of ${RUNS}`, web.full.app, 'empty page, same server', web.full.empty);
    budget('web app dashboard first render with ten years ≤ 2× empty page', web.full.app / web.full.empty, 2, web.full.app <= 2 * web.full.empty, '×');
    row('dashboard first render (streak shown), one run', home.ms, 'empty page load', empty.ms);
    row('  longest task during it', home.longest, 'empty page longest task', empty.longest);
    row('insights first render (charts drawn)', insightsView.ms, 'empty page load', empty.ms);
    row('  longest task during it', insightsView.longest, 'empty page longest task', empty.longest);
    row('switch insights to 1 year', year.ms, 'IndexedDB count', idbCount.ms);
    row('  longest task during it', year.longest, 'empty page longest task', empty.longest);
    await context.close();

    // Import from another app: a 10,000-row Daylio file into a fresh web app, through the page.
    const fresh = await browser.newContext({ timezoneId: TZ, viewport: { width: 1280, height: 900 } });
    await fresh.addInitScript(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const sheetPage = await fresh.newPage();
    await sheetPage.goto(`${running.url}#settings`);
    const panel = sheetPage.getByRole('region', { name: 'Import from another app' });
    await panel.getByLabel('Choose a Daylio or Tandem CSV file').waitFor();
    const step = async (act, done) => {
      await sheetPage.evaluate(() => (window.__longest = 0));
      const start = Date.now();
      await act();
      await done();
      const ms = Date.now() - start;
      await sheetPage.waitForTimeout(300);
      return { ms, longest: await sheetPage.evaluate(() => window.__longest) };
    };
    // The file is made in the page before the clock starts, then dropped on it as a person would:
    // Playwright's own setInputFiles runs a long task of its own in the page.
    await sheetPage.evaluate((text) => {
      window.__drop = new DataTransfer();
      window.__drop.items.add(new File([text], 'daylio.csv', { type: 'text/csv' }));
    }, daylioText);
    const opened = await step(
      () => sheetPage.evaluate(() => document.querySelector('main').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: window.__drop }))),
      () => panel.getByRole('heading', { name: 'Place your moods' }).waitFor(),
    );
    await panel.getByLabel(/^“Sleepy”/).selectOption('2');
    const previewed = await step(
      () => panel.getByRole('button', { name: 'Show what would change' }).click(),
      () => panel.getByText(`${DAYLIO_ROWS.toLocaleString('en')} new, 0 updated`).waitFor({ timeout: 120_000 }),
    );
    const added = await step(
      () => panel.getByRole('button', { name: 'Add to my data' }).click(),
      () => panel.getByText(/^Done: /).waitFor({ timeout: 120_000 }),
    );
    row(`Daylio ${DAYLIO_ROWS} rows: file read, moods listed (browser)`, opened.ms, 'empty page load', empty.ms);
    row('  longest task during it', opened.longest, 'empty page longest task', empty.longest);
    row(`Daylio ${DAYLIO_ROWS} rows: preview ("N new, 0 updated")`, previewed.ms, 'empty page load', empty.ms);
    row('  longest task during it', previewed.longest, 'empty page longest task', empty.longest);
    row(`Daylio ${DAYLIO_ROWS} rows: added to the store`, added.ms, 'empty page load', empty.ms);
    row('  longest task during it', added.longest, 'empty page longest task', empty.longest);
    await fresh.close();
    browserRows = 'measured';
  } finally {
    await browser.close();
    running.server.closeAllConnections();
    running.server.close();
  }
}

// --- The popup, in the real extension (a copy with a blank page of its own added) ---
const extensionDir = join(root, '.output/chrome-mv3');
if (existsSync(join(extensionDir, 'manifest.json'))) {
  const { chromium } = await import('@playwright/test');
  const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const history = { checkins: data.checkins, reflections: data.reflections, plan: data.plan, values: data.values, dayStats: stats };
  const p = await popupRows({ chromium, executablePath, extensionDir, history, runs: RUNS, timeZone: TZ });
  const blankName = 'blank page of the same extension';
  row(`popup open → mood buttons, empty store, median of ${RUNS}`, p.empty.moods, blankName, p.empty.blank);
  row(`popup open → streak shown, empty store, median of ${RUNS}`, p.empty.streak, blankName, p.empty.blank);
  row(`popup open → mood buttons, ten years, median of ${RUNS}`, p.full.moods, blankName, p.full.blank);
  row(`popup open → streak shown, ten years, median of ${RUNS}`, p.full.streak, blankName, p.full.blank);
  row(`keystroke check-in → stored, median of ${RUNS}`, p.key.stored, 'key → IndexedDB write on the blank page', p.key.blank);
  row(`keystroke check-in → streak updated, median of ${RUNS}`, p.key.streak, 'key → IndexedDB write on the blank page', p.key.blank);
  budget('popup open → mood buttons ≤ 1.25× blank (empty store)', p.empty.moods / p.empty.blank, 1.25, p.empty.moods <= 1.25 * p.empty.blank, '×');
  budget('popup open → mood buttons ≤ 1.25× blank (ten years)', p.full.moods / p.full.blank, 1.25, p.full.moods <= 1.25 * p.full.blank, '×');
  budget('popup open → streak shown ≤ 1.5× blank (ten years)', p.full.streak / p.full.blank, 1.5, p.full.streak <= 1.5 * p.full.blank, '×');
}

// --- What each page downloads before it is usable (scripts/bundle-report.mjs) ---
const bundles = existsSync(join(root, '.output/chrome-mv3/popup.html')) || existsSync(join(root, 'dist/pwa/index.html')) ? await bundleReport() : null;
if (bundles) {
  for (const pg of bundles.pages) {
    bundleRows.push({ page: `${pg.target} ${pg.page}`, raw: pg.jsTotal.raw, gzip: pg.jsTotal.gzip, lazyRaw: pg.lazyTotal.raw, lazyGzip: pg.lazyTotal.gzip });
  }
  for (const b of bundles.budgets) budget(`${b.what} ≤ ${(b.budget / 1000).toFixed(0)} kB`, b.value / 1000, b.budget / 1000, b.holds, ' kB');
}

// --- Lighthouse on the web app as `npm start` serves it ---
let lighthouseResult = null;
if (existsSync(join(pwaDir, 'index.html')) && process.env.BENCH_LIGHTHOUSE !== '0') {
  const { serve } = await import('./serve.mjs');
  const running = await serve(pwaDir, { port: 0 });
  try {
    const chromePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
    lighthouseResult = await lighthouseRows({ url: running.url, chromePath, runs: LIGHTHOUSE_RUNS });
    const s = lighthouseResult.scores;
    budget(`Lighthouse performance ≥ 98 (median of ${LIGHTHOUSE_RUNS}: ${lighthouseResult.all.performance.join(', ')})`, s.performance, 98, s.performance >= 98);
    budget('Lighthouse accessibility = 100', s.accessibility, 100, s.accessibility >= 100);
    budget('Lighthouse best practices = 100', s['best-practices'], 100, s['best-practices'] >= 100);
  } finally {
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
// Delivery to an open device (median of runs), beside a plain document through the same server.
const [plainDoc, ...deliveries] = sync.delivery;
for (const d of deliveries) {
  row(`sync: ${d.what} (median of ${d.runs}, ${d.min}–${d.max} s)`, d.seconds * 1000, 'a plain document through the same server, live', plainDoc.seconds * 1000);
  budget(`sync: ${d.what} ≤ 5 s`, d.seconds, 5, d.seconds <= 5, ' s');
}

const result = {
  when: new Date().toISOString(),
  sync,
  history: { checkins: data.checkins.length, reflections: data.reflections.length, days: stats.length },
  node: process.version,
  browser: browserRows,
  runs: RUNS,
  rows,
  bundles: bundleRows,
  lighthouse: lighthouseResult,
  budgets,
  minutes: Number(((performance.now() - benchStart) / 60000).toFixed(1)),
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
if (bundleRows.length) {
  console.log('\nJavaScript before usable, and on demand (kB, gzip level 9):');
  const pw = Math.max(...bundleRows.map((r) => r.page.length));
  console.log(`${'Page'.padEnd(pw)} | ${'raw'.padStart(8)} | ${'gzip'.padStart(8)} | ${'later raw'.padStart(9)} | ${'later gz'.padStart(8)}`);
  for (const r of bundleRows) {
    const k = (n, w) => (n / 1000).toFixed(1).padStart(w);
    console.log(`${r.page.padEnd(pw)} | ${k(r.raw, 8)} | ${k(r.gzip, 8)} | ${k(r.lazyRaw, 9)} | ${k(r.lazyGzip, 8)}`);
  }
}
if (lighthouseResult) {
  const l = lighthouseResult;
  console.log(`\nLighthouse (mobile, default throttling): FCP ${(l.fcp / 1000).toFixed(2)} s, LCP ${(l.lcp / 1000).toFixed(2)} s, TBT ${l.tbt.toFixed(0)} ms, ${(l.bytes / 1024).toFixed(0)} KiB sent, ${(l.unusedJs / 1024).toFixed(0)} KiB unused JS${l.failing.length ? `; audits not passed: ${l.failing.join(', ')}` : ''}`);
}
if (budgets.length) {
  console.log('\nBudgets (issues 12 and 13):');
  for (const x of budgets) {
    const v = Number.isInteger(x.value) ? String(x.value) : x.value.toFixed(2);
    console.log(`  ${x.holds ? 'holds ' : 'BROKEN'}  ${x.what}: ${v}${x.unit}`);
  }
}
console.log(`\nBench took ${result.minutes} minutes. Written to bench-results/bench.json`);
