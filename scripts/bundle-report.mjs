// The bundle report printed after `npm run build` (and read by `npm run bench`): for each page,
// the JavaScript and CSS it loads before it is usable (its HTML's scripts and every chunk they
// import statically), what it may load later (dynamic imports), the web app's precache, and,
// apart from it, what the web app's service worker caches once the first screen is up.
// Sizes are raw and gzip (level 9, what `vite build` prints), in kB of 1000 bytes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

const root = resolve(import.meta.dirname, '..');

/** What the issue asks of each page (gzip bytes of JS before it is usable; raw bytes precached). */
export const BUDGETS = {
  popupJsGzip: 45_000,
  pwaIndexJsGzip: 60_000,
  precacheRaw: 300_000,
};

// Each page awaits its English words (a dynamic import) before the first render, so that chunk
// counts as loaded before the page is usable: the popup, the dashboard and the web app only the
// first screen's sections (components/i18n: surfaces 'popup' and 'app'), other pages all.
const PAGE_WORDS = 'components/i18n/en/index.ts';
const FIRST_WORDS = 'components/i18n/en/popup.ts';
const PAGES = [
  { target: 'extension', dir: '.output/chrome-mv3', page: 'popup.html', words: FIRST_WORDS },
  { target: 'extension', dir: '.output/chrome-mv3', page: 'dashboard.html', words: FIRST_WORDS },
  { target: 'extension', dir: '.output/chrome-mv3', page: 'welcome.html', words: PAGE_WORDS },
  { target: 'web app', dir: 'dist/pwa', page: 'index.html', words: FIRST_WORDS },
  { target: 'web app', dir: 'dist/pwa', page: 'viewer.html', words: PAGE_WORDS },
];

/** The chunk records of scripts/bundle-modules.mjs for one output folder, or {} without them. */
function chunkRecords(dir) {
  const file = `${resolve(root, dir)}.modules.json`;
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

function size(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Static and dynamic imports of one built module, as files on disk. */
function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const [imports] = parse(code);
  const statics = [];
  const dynamics = [];
  for (const i of imports) {
    if (i.type === 'import-meta') continue;
    // Rolldown writes dynamic imports with template literals, which the lexer leaves unnamed.
    const name = i.specifier ?? /^\s*[`'"]([^`'"$]+)[`'"]\s*$/.exec(code.slice(i.start, i.end))?.[1];
    if (!name || (!name.startsWith('.') && !name.startsWith('/'))) continue;
    (i.type === 'dynamic' ? dynamics : statics).push(name);
  }
  return { statics, dynamics };
}

function resolveFrom(dir, from, spec) {
  return spec.startsWith('/') ? join(dir, spec) : resolve(dirname(from), spec);
}

/** One page: its initial JS and CSS (with every chunk), and the chunks it can load on demand. */
export function pageReport(dir, page, words) {
  const base = resolve(root, dir);
  const records = chunkRecords(dir);
  // Records of earlier builds stay in the file until overwritten: only chunks on disk count.
  const wordsChunk = Object.entries(records).find(([file, c]) => c.facade === words && existsSync(join(base, file)))?.[0];
  const html = readFileSync(join(base, page), 'utf8');
  const htmlFile = join(base, page);
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) =>
    resolveFrom(base, htmlFile, m[1].startsWith('/') ? m[1] : `./${m[1].replace(/^\.\//, '')}`),
  );
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => resolveFrom(base, htmlFile, m[1].startsWith('/') ? m[1] : `./${m[1].replace(/^\.\//, '')}`));
  const initial = new Set();
  const lazy = new Set();
  const queue = [...scripts, ...(wordsChunk ? [join(base, wordsChunk)] : [])];
  while (queue.length > 0) {
    const file = queue.pop();
    if (initial.has(file) || !existsSync(file)) continue;
    initial.add(file);
    const { statics, dynamics } = importsOf(file);
    for (const s of statics) queue.push(resolveFrom(base, file, s));
    for (const d of dynamics) lazy.add(resolveFrom(base, file, d));
  }
  // Everything reachable from the lazy chunks is on demand too, unless it is already loaded.
  const lazyQueue = [...lazy];
  while (lazyQueue.length > 0) {
    const file = lazyQueue.pop();
    if (!existsSync(file)) continue;
    const { statics, dynamics } = importsOf(file);
    for (const s of [...statics, ...dynamics]) {
      const next = resolveFrom(base, file, s);
      if (!lazy.has(next) && !initial.has(next)) {
        lazy.add(next);
        lazyQueue.push(next);
      }
    }
  }
  for (const f of initial) lazy.delete(f);
  const list = (files) =>
    [...files]
      .filter((f) => existsSync(f))
      .map((f) => ({ file: relative(base, f), ...size(f) }))
      .sort((a, b) => b.raw - a.raw);
  const sum = (items) => items.reduce((t, i) => ({ raw: t.raw + i.raw, gzip: t.gzip + i.gzip }), { raw: 0, gzip: 0 });
  const js = list(initial);
  const css = list(styles);
  const later = list(lazy);
  // What each kilobyte buys: the biggest source modules in the chunks loaded before usable.
  const modules = new Map();
  for (const f of js) {
    for (const [id, n] of Object.entries(records[f.file]?.modules ?? {})) {
      const key = id.startsWith('node_modules/') ? id.split('/').slice(0, id.split('/')[1].startsWith('@') ? 3 : 2).join('/') : id;
      modules.set(key, (modules.get(key) ?? 0) + n);
    }
  }
  const biggest = [...modules].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([id, raw]) => ({ id, raw }));
  return { page, js, css, lazy: later, biggest, jsTotal: sum(js), cssTotal: sum(css), lazyTotal: sum(later) };
}

const rawBytes = (base, files) => files.reduce((t, f) => t + (existsSync(join(base, f)) ? statSync(join(base, f)).size : 0), 0);

/** The web app's precache list, as Workbox injected it into sw.js, and the raw bytes it stores. */
export function precacheReport(dir = 'dist/pwa') {
  const base = resolve(root, dir);
  const sw = readFileSync(join(base, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\{"revision":(?:"[0-9a-f]+"|null),"url":"([^"]+)"\}/g)].map((m) => m[1]);
  return { count: urls.length, raw: rawBytes(base, urls), urls };
}

/**
 * What the worker caches besides the precache (pwa/sw.ts, from scripts/offline-plan.mjs's plan
 * beside the build), once the first screen is up: every view's code with the words of the page's
 * language (English, or Spanish instead), and sync's code where sync is on.
 */
export function offlineReport(dir = 'dist/pwa') {
  const base = resolve(root, dir);
  const plan = JSON.parse(readFileSync(`${base}.offline.json`, 'utf8'));
  const figure = (files) => ({ count: files.length, raw: rawBytes(base, files) });
  const group = (name) => plan.groups[name] ?? [];
  return { views: figure([...plan.views, ...group('en')]), spanish: figure([...plan.views, ...group('es')]), sync: figure(group('sync')) };
}

export async function bundleReport() {
  await init;
  const pages = [];
  for (const p of PAGES) {
    if (existsSync(resolve(root, p.dir, p.page))) pages.push({ target: p.target, ...pageReport(p.dir, p.page, p.words) });
  }
  const precache = existsSync(resolve(root, 'dist/pwa/sw.js')) ? precacheReport() : null;
  const offline = existsSync(resolve(root, 'dist/pwa.offline.json')) ? offlineReport() : null;
  const popup = pages.find((p) => p.page === 'popup.html');
  const index = pages.find((p) => p.target === 'web app' && p.page === 'index.html');
  const budgets = [
    popup && { what: 'popup: JS before it is usable (gzip)', value: popup.jsTotal.gzip, budget: BUDGETS.popupJsGzip },
    index && { what: 'web app check-in view: JS before it is usable (gzip)', value: index.jsTotal.gzip, budget: BUDGETS.pwaIndexJsGzip },
    precache && { what: `web app precache (${precache.count} entries, raw)`, value: precache.raw, budget: BUDGETS.precacheRaw },
  ].filter(Boolean).map((b) => ({ ...b, holds: b.value <= b.budget }));
  return { pages, precache, offline, budgets };
}

const kb = (n) => (n / 1000).toFixed(2).padStart(8);

export function printReport({ pages, offline, budgets }) {
  const lines = [];
  for (const p of pages) {
    lines.push(`\n${p.target} ${p.page}: JS before usable ${kb(p.jsTotal.raw)} kB raw, ${kb(p.jsTotal.gzip)} kB gzip; CSS ${kb(p.cssTotal.raw)} kB raw; on demand ${kb(p.lazyTotal.raw)} kB raw, ${kb(p.lazyTotal.gzip)} kB gzip`);
    for (const f of p.js) lines.push(`    initial  ${kb(f.raw)} kB  ${kb(f.gzip)} kB gzip  ${f.file}`);
    for (const f of p.lazy) lines.push(`    later    ${kb(f.raw)} kB  ${kb(f.gzip)} kB gzip  ${f.file}`);
    if (p.biggest.length) lines.push(`    biggest sources before usable (kB before minifying): ${p.biggest.map((m) => `${m.id} ${(m.raw / 1000).toFixed(1)}`).join(', ')}`);
  }
  lines.push('\nBudgets:');
  for (const b of budgets) lines.push(`  ${b.holds ? 'holds ' : 'BROKEN'}  ${b.what}: ${kb(b.value)} kB of ${kb(b.budget)} kB`);
  if (offline) {
    const line = (what, f) => `  ${what.padEnd(46)} ${String(f.count).padStart(3)} entries, ${kb(f.raw)} kB raw`;
    lines.push("\nNot precache, no budget: what the web app's worker caches once the first screen is up (pwa/sw.ts):");
    lines.push(line('a page in English: every view, with its words', offline.views));
    lines.push(line('a page in Spanish: every view, with its words', offline.spanish));
    lines.push(line('and with sync on, its code', offline.sync));
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = await bundleReport();
  console.log(printReport(report));
}
