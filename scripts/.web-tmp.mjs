import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runnerImport } from 'vite';
import { chromium } from '@playwright/test';
import { webAppRows } from './bench-pages.mjs';
import { serve } from './serve.mjs';
const root = resolve(import.meta.dirname, '..');
const load = async (p) => (await runnerImport(join(root, p), { configFile: false, logLevel: 'silent' })).module;
const { generateDemoData } = await load('lib/demo.ts');
const { computeDayStat } = await load('lib/db/dayStats.ts');
const { dayKey } = await load('lib/days.ts');
const TZ = 'Europe/Berlin';
const today = dayKey(Date.now(), TZ, 4);
const data = generateDemoData({ seed: 42, today, days: 3650, checkinsPerDay: 20, reflections: 5000, timeZone: TZ, dayStartHour: 4, now: Date.now() });
const byDay = new Map(); for (const c of data.checkins) { (byDay.get(c.day) ?? byDay.set(c.day, []).get(c.day)).push(c); }
const stats = [...byDay].map(([d, l]) => computeDayStat(d, l));
const history = { checkins: data.checkins, reflections: data.reflections, plan: data.plan, values: data.values, dayStats: stats };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const emptyDir = mkdtempSync(join(tmpdir(), 'e-')); writeFileSync(join(emptyDir, 'bench-empty.html'), '<!doctype html><html lang="en"><meta charset="utf-8"><title>Empty</title><p>Empty page</p></html>');
const emptyServer = await serve(emptyDir, { port: 0 });
for (const dir of process.argv.slice(2)) {
  const running = await serve(dir, { port: 0 });
  const r = await webAppRows({ browser, url: running.url, emptyUrl: `${emptyServer.url}bench-empty.html`, history, runs: Number(process.env.RUNS ?? 7), timeZone: TZ });
  console.log(dir, 'empty store', r.emptyStore.app.toFixed(0), 'vs', r.emptyStore.empty.toFixed(0), (r.emptyStore.app / r.emptyStore.empty).toFixed(2), '| ten years', r.full.app.toFixed(0), 'vs', r.full.empty.toFixed(0), (r.full.app / r.full.empty).toFixed(2));
  running.server.close();
}
await browser.close(); emptyServer.server.close();
