import { expect, type Page } from '@playwright/test';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, dayKey, instantAt, utcOffsetMinutes } from '../../lib/days';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { openView } from './browser';
import { pwaTest, withDeployedCopy } from './fixtures';
import { remindAllDayEveryDay } from './weekPlan';

// The real PWA build, served as static files, in a plain browser context.

const test = pwaTest;

/** Waits until the service worker is active and controls the page. */
async function controlledBy(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
  }
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
}

test('is installable: a valid manifest with icons, and an active service worker', async ({ page, server }) => {
  await page.goto(server.url);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const response = await page.request.get(new URL(href!, server.url).toString());
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: 'Tandem',
    short_name: 'Tandem',
    display: 'standalone',
    start_url: './',
    theme_color: '#1d6b64',
  });
  const icons: { src: string; sizes: string; purpose?: string }[] = manifest.icons;
  expect(icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(icons.some((i) => i.purpose === 'maskable')).toBe(true);
  for (const icon of icons) {
    const image = await page.request.get(new URL(icon.src, server.url).toString());
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
  }
  await controlledBy(page);
  const state = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state);
  expect(state).toBe('activated');
});

test('checks in, then works offline after the first visit with the data still there', async ({ page, context, server }) => {
  await page.goto(server.url);
  await controlledBy(page);
  await page.getByRole('button', { name: /^3 / }).click();
  const win = page.getByRole('textbox', { name: 'Micro-win' });
  await expect(win).toBeFocused();
  await win.fill('Walked to the station');
  await win.press('Enter');
  await expect(page.getByText('Micro-win saved. Nice.')).toBeVisible();
  await expect(page.getByText('1-day streak')).toBeVisible();

  // Really offline: the server is gone and the browser says so.
  server.server.closeAllConnections();
  await new Promise((done) => server.server.close(done));
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tandem', level: 1 })).toBeVisible();
  await expect(page.getByText('1-day streak')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recent check-ins' })).toContainText('Walked to the station');

  // And it still checks in offline.
  await page.getByRole('button', { name: /^5 / }).click();
  await expect(page.getByRole('list', { name: 'Today’s check-ins' }).getByRole('listitem')).toHaveCount(2);
});

test('parts beside the check-in whose code cannot be fetched are left out: the check-in still works', async ({ page, context, server }) => {
  // As offline before they were ever cached: the recent list and the wellbeing check (for the
  // page and its service worker; the page reloads once, as after a deploy, then does without).
  await context.route(/\/assets\/(CheckinList|WellbeingCheck)-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto(server.url);
  await expect(page.getByText('0-day streak')).toBeVisible();
  await page.getByRole('button', { name: /^4 / }).click();
  await expect(page.getByText(/^Saved/)).toBeVisible();
  await expect(page.getByText('1-day streak')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Today’s check-ins' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Recent check-ins' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'A short wellbeing check' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});

test('says honestly that it cannot remind in the background, and shows when a check-in is due', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page.getByText(/can’t remind you while it is closed/)).toBeVisible();
  await openView(page, 'Settings');
  await remindAllDayEveryDay(page);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.reload();
  await openView(page, 'Check in');
  const reminders = page.getByRole('region', { name: 'Reminders' });
  await expect(reminders.getByRole('status').filter({ hasText: 'A check-in is due' })).toBeVisible();
  await page.getByRole('button', { name: /^4 / }).click();
  await expect(reminders.getByRole('status').filter({ hasText: 'A check-in is due' })).toBeHidden();
});

test('keys 1–5 check in while the check-in has focus, and a micro-win draft survives a reload', async ({ page, server }) => {
  await page.goto(`${server.url}#checkin`);
  await expect(page.getByRole('button', { name: /^1 / })).toBeFocused();
  await page.keyboard.press('4');
  const win = page.getByRole('textbox', { name: 'Micro-win' });
  await expect(win).toBeFocused();
  await win.fill('Said no to the after-work drinks');
  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Micro-win' })).toHaveValue('Said no to the after-work drinks');
});

test('a failed save is shown to the person, and nothing is half-stored', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByText('0-day streak')).toBeVisible();
  await page.evaluate(() => {
    IDBObjectStore.prototype.add = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByRole('button', { name: /^2 / }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'no room left' })).toBeVisible();
  await page.reload();
  await expect(page.getByText('Your check-ins will appear here.')).toBeVisible();
});

test('renders what the person typed as text, never as HTML', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /^3 / }).click();
  const payload = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
  await page.getByRole('textbox', { name: 'Micro-win' }).fill(payload);
  await page.keyboard.press('Enter');
  const recent = page.getByRole('list', { name: 'Recent check-ins' });
  await expect(recent).toContainText(payload);
  expect(await recent.locator('img, b').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('offers "reload to update" when a new version is deployed, and keeps a half-typed micro-win', async ({ page }) => {
  // Deploy a copy, visit it, then deploy a changed service worker over it.
  await withDeployedCopy(async (site) => {
    await page.goto(site.url);
    await controlledBy(page);
    await page.getByRole('button', { name: /^2 / }).click();
    await page.getByRole('textbox', { name: 'Micro-win' }).fill('Left the party early');
    await expect(page.getByText('A new version of Tandem is ready.')).toBeHidden();

    appendFileSync(join(site.dir, 'sw.js'), '\n// next release\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText('A new version of Tandem is ready.')).toBeVisible();

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()]);
    await expect(page.getByRole('textbox', { name: 'Micro-win' })).toHaveValue('Left the party early');
    await expect(page.getByText('A new version of Tandem is ready.')).toBeHidden();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
  });
});

test('a week of showing up is celebrated once, and the best streak is kept', async ({ pwaBrowser, server }) => {
  const timeZone = 'Europe/Berlin';
  const context = await pwaBrowser.newContext({ timezoneId: timeZone });
  const page = await context.newPage();
  await page.goto(server.url);
  await expect(page.getByText('0-day streak')).toBeVisible();
  // Today's list comes with the records' code, which creates the database the next step writes into.
  await expect(page.getByText('No check-ins yet today.')).toBeVisible();

  // Seven days in a row, ending yesterday, written straight into the app's database.
  const today = dayKey(Date.now(), timeZone, DEFAULT_SETTINGS.dayStartHour);
  const records = Array.from({ length: 7 }, (_, i) => {
    const day = addDays(today, -(i + 1));
    const at = instantAt(day, 12 * 60, timeZone);
    return {
      id: `seed-${i}`, at, day, utcOffset: utcOffsetMinutes(at, timeZone), timeZone, mood: 3, win: '', tags: [],
      createdAt: at, updatedAt: at, deletedAt: null,
    };
  });
  await page.evaluate(
    (rows) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('tandem');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('checkins', 'readwrite');
          for (const row of rows) tx.objectStore('checkins').put(row);
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    records,
  );
  await page.reload();
  await expect(page.getByText('7-day streak')).toBeVisible();
  await expect(page.getByText('Check in today to keep it going.').or(page.getByText('A day off: your streak is safe.'))).toBeVisible();
  const celebration = page.getByText('7 days of showing up. That matters.');
  await expect(celebration).toBeVisible();
  await page.getByRole('button', { name: 'Thank you' }).click();
  await expect(celebration).toBeHidden();

  await page.getByRole('button', { name: /^4 / }).click();
  await expect(page.getByText('8-day streak')).toBeVisible();
  await expect(page.getByText(/Best: 8 days/)).toBeVisible();
  await page.reload();
  await expect(page.getByText('8-day streak')).toBeVisible();
  await expect(celebration).toBeHidden();
  await context.close();
});

test('a late-night check-in follows the day-start setting, and changing it re-buckets history', async ({
  pwaBrowser,
  server,
}) => {
  const context = await pwaBrowser.newContext({ timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  // 02:30 on a Tuesday night shift.
  await page.clock.setFixedTime(new Date('2026-06-02T02:30:00+02:00'));
  await page.goto(server.url);
  await page.getByRole('button', { name: /^3 / }).click();
  const today = page.getByRole('list', { name: 'Today’s check-ins' });
  await expect(today.getByRole('listitem')).toHaveCount(1);
  const recent = page.getByRole('list', { name: 'Recent check-ins' });
  // With the default 04:00, it still belongs to Monday, which is "today" until 04:00.
  await expect(recent).toContainText('Today');

  await openView(page, 'Settings');
  const dayStart = page.getByRole('combobox', { name: 'A new day starts at' });
  await dayStart.selectOption('00:00');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await openView(page, 'Check in');
  // Now it is Tuesday, and the check-in moved with it: still today, still one.
  await expect(today.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('1-day streak')).toBeVisible();

  await page.reload();
  await openView(page, 'Settings');
  await expect(page.getByRole('combobox', { name: 'A new day starts at' })).toHaveValue('00:00');
  await openView(page, 'Check in');
  await expect(page.getByRole('list', { name: 'Today’s check-ins' }).getByRole('listitem')).toHaveCount(1);
  await context.close();
});
