// The bench's page rows (scripts/bench.mjs): the popup and the web app in Chromium, each timed
// beside a blank page measured the same way, in alternating runs, reported as medians. Wall time
// from asking for the page to the thing a person waits for being visible, as a person sees it.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function median(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs each measurement `runs` times, alternating them, after one warm-up each; medians by name. */
export async function alternate(runs, measures) {
  const samples = Object.fromEntries(Object.keys(measures).map((k) => [k, []]));
  for (const fn of Object.values(measures)) await fn();
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of Object.entries(measures)) samples[name].push(await fn());
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

/** Writes records into the origin's IndexedDB 'tandem' (already created at the current schema). */
export function fillDatabase(page, records) {
  return page.evaluate(
    (data) =>
      new Promise((done, fail) => {
        const open = indexedDB.open('tandem');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tables = Object.keys(data);
          const tx = db.transaction(tables, 'readwrite');
          for (const t of tables) for (const r of data[t]) tx.objectStore(t).put(r);
          tx.oncomplete = () => {
            db.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    records,
  );
}

// The blank page of the same extension: same origin, same browser, no app code. Its key handler
// does what the check-in's storage does at least (one IndexedDB write), for the keystroke row.
const BLANK = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Blank</title><body><p>Blank page</p>
<script src="bench-blank.js"></script></body></html>`;
const BLANK_JS = `document.addEventListener('keydown', (e) => {
  const open = indexedDB.open('bench-blank', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('x');
  open.onsuccess = () => {
    const tx = open.result.transaction('x', 'readwrite');
    tx.objectStore('x').put(Date.now(), e.key);
    tx.oncomplete = () => { open.result.close(); const p = document.createElement('p'); p.textContent = 'Stored ' + e.key; document.body.append(p); };
  };
});`;

/**
 * The popup rows: open → mood buttons, open → streak, on an empty store and with `history`
 * restored; a keystroke check-in → stored and the streak updated. The extension is a copy of the
 * build with a blank page added, so the baseline is a page of the same extension.
 */
export async function popupRows({ chromium, executablePath, extensionDir, history, runs, timeZone }) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-ext-'));
  const ext = join(dir, 'ext');
  cpSync(extensionDir, ext, { recursive: true });
  writeFileSync(join(ext, 'bench-blank.html'), BLANK);
  writeFileSync(join(ext, 'bench-blank.js'), BLANK_JS);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath,
    headless: true,
    timezoneId: timeZone,
    // The browser's popup is at most 800×600; the popup page is measured at that height.
    viewport: { width: 400, height: 600 },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  const out = {};
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}/`;
    // The install opens the welcome in a tab; it is closed so it does not compete.
    for (const p of context.pages()) await p.close().catch(() => undefined);

    async function timed(url, until) {
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await until(page);
      const ms = performance.now() - start;
      await page.close();
      return ms;
    }
    // Every target is watched the same way, by a check in the page on each frame.
    const blank = () => timed(`${base}bench-blank.html`, (p) => p.waitForFunction(() => document.querySelector('p') !== null, null, { polling: 'raf' }));
    const moods = (p) => p.waitForFunction(() => document.querySelector('.mood-picker button') !== null, null, { polling: 'raf' });
    const streak = (p) =>
      p.waitForFunction(() => /^\d+-day streak$/.test(document.querySelector('.streak-count')?.textContent ?? ''), null, { polling: 'raf' });
    const popupMoods = () => timed(`${base}popup.html`, moods);
    const popupStreak = () => timed(`${base}popup.html`, streak);

    // Creates the database at the current schema, and skips the welcome the popup offers.
    const first = await context.newPage();
    await first.goto(`${base}popup.html`);
    await first.getByText(/^\d+-day streak$/).waitFor();
    await first.close();

    Object.assign(out, { empty: await alternate(runs, { blank, moods: popupMoods, streak: popupStreak }) });

    // A keystroke check-in, each run on a popup that is already open, then undone.
    async function keyCheckin() {
      const page = await context.newPage();
      await page.goto(`${base}popup.html`);
      await page.getByText('0-day streak').waitFor();
      const start = performance.now();
      await page.keyboard.press('3');
      await page.getByText(/^Saved/).waitFor();
      const stored = performance.now() - start;
      await page.getByText('1-day streak').waitFor();
      const streakMs = performance.now() - start;
      await page.getByRole('button', { name: 'Undo this check-in' }).click();
      await page.getByText('0-day streak').waitFor();
      await page.close();
      return { stored, streak: streakMs };
    }
    async function keyBlank() {
      const page = await context.newPage();
      await page.goto(`${base}bench-blank.html`);
      await page.getByText('Blank page').waitFor();
      const start = performance.now();
      await page.keyboard.press('3');
      await page.getByText('Stored 3').waitFor();
      const ms = performance.now() - start;
      await page.close();
      return ms;
    }
    const key = { stored: [], streak: [], blank: [] };
    await keyCheckin();
    await keyBlank();
    for (let i = 0; i < runs; i++) {
      key.blank.push(await keyBlank());
      const r = await keyCheckin();
      key.stored.push(r.stored);
      key.streak.push(r.streak);
    }
    out.key = { blank: median(key.blank), stored: median(key.stored), streak: median(key.streak) };

    const filler = await context.newPage();
    await filler.goto(`${base}bench-blank.html`);
    await fillDatabase(filler, history);
    await filler.close();
    out.full = await alternate(runs, { blank, moods: popupMoods, streak: popupStreak });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** The web app rows: first render against an empty page, on an empty store and with `history`. */
export async function webAppRows({ browser, url, emptyUrl, history, runs, timeZone }) {
  const context = await browser.newContext({ timezoneId: timeZone, viewport: { width: 1280, height: 900 } });
  try {
    async function timed(target, until) {
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(target, { waitUntil: 'commit' });
      await until(page);
      const ms = performance.now() - start;
      await page.close();
      return ms;
    }
    // The baseline is truly empty (no app code), from the same server code on another port (the
    // app's service worker would answer any page of its own origin with the app).
    const empty = () => timed(emptyUrl, (p) => p.waitForFunction(() => document.querySelector('p') !== null, null, { polling: 'raf' }));
    const app = () =>
      timed(url, (p) => p.waitForFunction(() => /^\d+-day streak$/.test(document.querySelector('.streak-count')?.textContent ?? ''), null, { polling: 'raf' }));
    // The person measured has used Tandem for a while: the welcome is put away and the
    // fortnightly wellbeing check is not due (each is offered on a first open).
    const first = await context.newPage();
    await first.goto(url);
    await first.getByText(/^\d+-day streak$/).waitFor();
    await first.getByRole('button', { name: 'Hide the welcome' }).click();
    await first.getByRole('button', { name: 'Skip this time' }).click();
    await first.getByText(/^Skipped\./).waitFor();
    await first.close();
    const emptyStore = await alternate(runs, { empty, app });
    const filler = await context.newPage();
    await filler.goto(url);
    await filler.getByText(/^\d+-day streak$/).waitFor();
    await fillDatabase(filler, history);
    await filler.close();
    const full = await alternate(runs, { empty, app });
    return { emptyStore, full };
  } finally {
    await context.close();
  }
}
