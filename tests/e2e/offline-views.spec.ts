import { expect, type Page } from '@playwright/test';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messages as english } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';
import { createFmt, type Locale } from '../../components/i18n/fmt';
import { ASSETS_CACHE, filesFor, type OfflinePlan } from '../../pwa/offlineCache';
import { openView, PWA_DIR } from './browser';
import { pwaTest as test, withDeployedCopy } from './fixtures';

// Every view but the check-in loads when it is opened (components/app/Dashboard.tsx). The
// service worker precaches only the check-in view's first screen; once that screen is up, the
// page asks the worker to cache every view's code in the page's language (pwa/sw.ts), so after
// the first visit, before the worker ever controlled the page, each view (and the mentor's
// viewer) opens with no network.

/** The build's own list of what is cached how (scripts/offline-plan.mjs). */
const plan: OfflinePlan = JSON.parse(readFileSync(`${PWA_DIR}.offline.json`, 'utf8'));

/** Of the files the worker caches for a page using `groups` (its language, maybe sync), those not cached yet. */
function notCached(page: Page, groups: string[]): Promise<string[]> {
  return page.evaluate(
    async ({ name, files }) => {
      const cache = await caches.open(name);
      const found = await Promise.all(files.map(async (f) => ((await cache.match(new URL(f, location.href).href)) ? null : f)));
      return found.filter((f): f is string => f !== null);
    },
    { name: ASSETS_CACHE, files: filesFor(plan, groups) },
  );
}

/** Waits, as a person would not notice, until the worker is active and has cached every view. */
async function everyViewCached(page: Page, groups: string[]): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => notCached(page, groups), { timeout: 30_000 }).toEqual([]);
}

/** Each view's name in the navigation and the heading it opens on, in one language. */
function viewsIn(locale: Locale): [view: string, heading: string][] {
  const w = (locale === 'es' ? spanish : english)(createFmt(locale));
  return [
    [w.main.views.reflections, w.reflect.listHeading],
    [w.main.views.plan, w.plan.heading],
    [w.main.views.insights, w.insights.heading],
    [w.main.views.share, w.share.panelHeading],
    [w.main.views.settings, w.data.heading],
  ];
}

for (const locale of ['en', 'es'] as const) {
  test(`after the first visit every view opens offline, each loaded only when opened (${locale})`, async ({ pwaBrowser, server }) => {
    const context = await pwaBrowser.newContext({ locale: locale === 'es' ? 'es-ES' : 'en-GB' });
    const page = await context.newPage();
    const w = (locale === 'es' ? spanish : english)(createFmt(locale));
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: w.main.streakHeading })).toBeVisible();
    await everyViewCached(page, [locale]);
    // Still the first visit: the worker has never served this page.
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

    server.server.closeAllConnections();
    await new Promise((done) => server.server.close(done));
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Tandem', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: w.main.streakHeading })).toBeVisible();
    // Nothing of the other views is there before they are opened.
    await expect(page.getByRole('heading', { name: w.plan.heading })).toHaveCount(0);
    for (const [view, heading] of viewsIn(locale)) {
      await openView(page, view, w.main.sections);
      await expect(page.getByRole('heading', { name: heading, exact: true }).first()).toBeVisible();
    }
    // And the crisis sheet, from the last of them.
    await page.getByRole('button', { name: w.main.crisisButton }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    // No part of any of them failed to load (the page's error boundary would say so).
    await expect(page.getByText(w.main.storageProblem)).toHaveCount(0);
    // The mentor's viewer opens too, on this device, without having been opened before.
    await page.goto(`${server.url}viewer.html`);
    await expect(page.getByRole('heading', { name: w.share.listHeading })).toBeVisible();
    await context.close();
  });
}

test('the precache holds only the check-in view’s first screen; the views’ code is cached after it', async ({ page, server }) => {
  await page.goto(server.url);
  await everyViewCached(page, ['en']);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const precache = names.find((n) => n.startsWith('workbox-precache'));
    const keys = precache ? await (await caches.open(precache)).keys() : [];
    return keys.map((r) => new URL(r.url).pathname.replace(/^\//, ''));
  });
  expect(cached.filter((f) => f.startsWith('assets/')).sort()).toEqual(plan.shell);
  expect(cached).toEqual(expect.arrayContaining(['index.html', 'viewer.html']));
  // Sync's code and the other language's words are not fetched for a page that does not use them.
  const onlySpanish = (plan.groups.es ?? []).filter((f) => !plan.groups.en?.includes(f));
  expect(onlySpanish.length).toBeGreaterThan(0);
  expect(await notCached(page, ['es'])).toEqual(expect.arrayContaining(onlySpanish));
  expect(plan.groups.sync?.length).toBeGreaterThan(0);
  const syncCached = await page.evaluate(
    async ({ name, files }) => (await Promise.all(files.map((f) => caches.open(name).then((c) => c.match(new URL(f, location.href).href))))).filter(Boolean).length,
    { name: ASSETS_CACHE, files: plan.groups.sync ?? [] },
  );
  expect(syncCached).toBe(0);
});

test('a new version caches what changed while it installs, and once in charge drops files only the old one used', async ({ page }) => {
  await withDeployedCopy(async (site) => {
    // The first visit: once the page has asked for every view, it asks nothing more.
    await page.goto(site.url);
    await everyViewCached(page, ['en']);
    const has = (url: string) => page.evaluate(async ({ name, u }) => Boolean(await (await caches.open(name)).match(u)), { name: ASSETS_CACHE, u: url });
    // A file of an older build, still in the cache, and one of a view's files missing, as if
    // the new version had changed it.
    const old = new URL('assets/Insights-0ld8uild.js', site.url).href;
    const changed = new URL(plan.views.find((f) => f.startsWith('assets/Insights-'))!, site.url).href;
    await page.evaluate(
      async ({ name, add, remove }) => {
        const cache = await caches.open(name);
        await cache.put(add, new Response('// old'));
        await cache.delete(remove);
      },
      { name: ASSETS_CACHE, add: old, remove: changed },
    );
    expect([await has(old), await has(changed)]).toEqual([true, false]);

    // No page is controlled by the old version (this one never was), so the new one takes over
    // as soon as it is installed (the "Reload to update" path: pwa.spec.ts).
    appendFileSync(join(site.dir, 'sw.js'), '\n// next release\n');
    await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      const activated = new Promise<void>((done) =>
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing!;
          worker.addEventListener('statechange', () => worker.state === 'activated' && done());
        }),
      );
      await registration.update();
      await activated;
    });
    expect([await has(old), await has(changed)]).toEqual([false, true]);
    expect(await notCached(page, ['en'])).toEqual([]);
  });
});
