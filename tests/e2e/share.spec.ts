import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { encodeFragment } from '../../lib/share/link';
import { extensionWorker, launchWithExtension, openView } from './browser';
import { expectAccessible, pwaTest } from './fixtures';

// The mentor link end to end: made in the real extension (or the PWA), opened in a plain
// browser context that has never seen Tandem, the way a mentor opens it on a phone.

const CONFIGURED_APP_URL = 'http://127.0.0.1:4173/';

const test = pwaTest;

async function checkInWithWin(page: Page, win: string) {
  await openView(page, 'Check in');
  await page.getByRole('button', { name: /^4 / }).click();
  const field = page.getByRole('textbox', { name: 'Micro-win' });
  await field.fill(win);
  await field.press('Enter');
  await expect(page.getByText('Micro-win saved. Nice.')).toBeVisible();
}

interface LinkOptions {
  name: string;
  mentor: string;
  passphrase?: string;
}

async function openShareDialog(page: Page) {
  await openView(page, 'Mentor links');
  await page.getByRole('button', { name: 'Share with mentor' }).click();
}

/** Fills the dialog, checks the preview, creates the link and returns it. */
async function createLink(page: Page, { name, mentor, passphrase }: LinkOptions, win: string): Promise<string> {
  await openShareDialog(page);
  const dialog = page.getByRole('dialog', { name: 'Share with mentor' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Your name, as your mentor will see it' }).fill(name);
  await dialog.getByRole('textbox', { name: /Your mentor’s name/ }).fill(mentor);
  await expect(dialog.getByRole('radio', { name: 'Last 30 days' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Mood chart' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Micro-win texts' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /near misses and setbacks/ })).not.toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /My plan/ })).not.toBeChecked();
  await expect(dialog.getByRole('combobox', { name: 'The link opens for' })).toHaveValue('14');
  if (passphrase) await dialog.getByLabel('Passphrase (optional)').fill(passphrase);
  const preview = dialog.getByRole('region', { name: /Preview/ });
  await expect(preview.getByRole('heading', { name })).toBeVisible();
  await expect(preview.getByText(win)).toBeVisible();
  await expect(preview.getByText('Current streak: 1 day')).toBeVisible();
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByRole('heading', { name: 'Your link is ready' })).toBeFocused({ timeout: 20_000 });
  const link = await dialog.getByRole('textbox', { name: 'Link for your mentor' }).inputValue();
  await expect(dialog.getByRole('img', { name: /QR code of the link/ })).toBeVisible();
  return link;
}

/** The link as the configured app URL would serve it, moved onto the test server. */
function onServer(link: string, serverUrl: string): string {
  expect(link.startsWith(`${CONFIGURED_APP_URL}viewer.html#`)).toBe(true);
  return `${serverUrl}viewer.html${new URL(link).hash}`;
}

/** Everything the viewer's origin has stored: databases, web storage, caches. */
function storedData(page: Page) {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    caches: await caches.keys(),
    serviceWorker: (await navigator.serviceWorker.getRegistrations()).length,
  }));
}

/** A fresh browser profile for the mentor, and every request it makes. */
async function mentorContext(
  pwaBrowser: Browser,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ mentor: BrowserContext; requests: string[] }> {
  const mentor = await pwaBrowser.newContext({ colorScheme });
  const requests: string[] = [];
  mentor.on('request', (r) => requests.push(r.url()));
  // Errors (a script crash, a blocked style or request under the viewer's CSP) are recorded as
  // requests that went wrong, so the same check catches them.
  mentor.on('console', (m) => {
    if (m.type() === 'error') requests.push(`console error: ${m.text()}`);
  });
  mentor.on('weberror', (e) => requests.push(`page error: ${e.error().message}`));
  return { mentor, requests };
}

/** Nothing may leave the viewer except requests for the PWA's own files, and nothing failed. */
function expectOnlyOwnFiles(requests: string[], serverUrl: string) {
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((url) => !url.startsWith(serverUrl))).toEqual([]);
}

test('a link made in the extension opens read-only for the mentor, stores nothing, and a changed copy is refused', async ({
  pwaBrowser,
  server,
}) => {
  const { context, close } = await launchWithExtension();
  let link: string;
  try {
    const id = new URL((await extensionWorker(context)).url()).host;
    const dashboard = await context.newPage();
    await dashboard.goto(`chrome-extension://${id}/dashboard.html`);
    await checkInWithWin(dashboard, 'Walked to the station instead of the pub');
    link = await createLink(dashboard, { name: 'Sam', mentor: 'Alex' }, 'Walked to the station instead of the pub');
    await dashboard.keyboard.press('Escape');
    await expect(dashboard.getByRole('dialog')).toBeHidden();
    await expect(dashboard.getByRole('button', { name: 'Share with mentor' })).toBeFocused();
    const log = dashboard.getByRole('list', { name: 'Links you have shared' });
    await expect(log.getByRole('listitem')).toHaveCount(1);
    await expect(log).toContainText('To Alex · last 30 days');
    await expect(log).toContainText('Contains: check-in days and streak, mood chart, micro-win texts (1), number of near misses and setbacks.');
    await expect(log).not.toContainText(new URL(link).hash.slice(1, 12));
    await log.getByRole('button', { name: /^Remove from list: the link to Alex/ }).click();
    await expect(dashboard.getByText('You haven’t shared a link yet.')).toBeVisible();
  } finally {
    await close();
  }

  const { mentor, requests } = await mentorContext(pwaBrowser);
  const page = await mentor.newPage();
  await page.goto(onServer(link, server.url));
  await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sam', level: 1 })).toBeVisible();
  await expect(page.getByText('Current streak: 1 day')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Micro-wins' })).toContainText('Walked to the station instead of the pub');
  await expect(page.getByRole('list', { name: 'Check-in days' }).getByRole('listitem').filter({ hasText: /: 1 check-in$/ })).toHaveCount(1);
  await expect(page.getByText(/Average mood 4 of 5/)).toBeVisible();
  // Read-only: no field to type in, and nothing to edit.
  await expect(page.getByRole('textbox')).toHaveCount(0);
  // The data left the address bar, and the origin keeps nothing.
  expect(new URL(page.url()).hash).toBe('');
  expect(page.url()).toBe(`${server.url}viewer.html`);
  expect(await storedData(page)).toEqual({ databases: [], localStorage: 0, sessionStorage: 0, caches: [], serviceWorker: 0 });

  const fragment = new URL(link).hash.slice(1);
  const middle = Math.floor(fragment.length / 2);
  const changed = fragment.slice(0, middle) + (fragment[middle] === 'A' ? 'B' : 'A') + fragment.slice(middle + 1);
  const tampered = await mentor.newPage();
  await tampered.goto(`${server.url}viewer.html#${changed}`);
  await expect(tampered.getByRole('alert')).toContainText('changed or damaged');
  await expect(tampered.getByRole('heading', { name: 'This link can’t be opened' })).toBeVisible();
  await expect(tampered.getByText('Sam')).toHaveCount(0);
  await expect(tampered.getByText('Read-only', { exact: true })).toHaveCount(0);
  expect(new URL(tampered.url()).hash).toBe('');

  // Fifteen days later the 14-day link is refused, with nothing of it shown.
  const later = await mentor.newPage();
  await later.clock.install({ time: Date.now() + 15 * 86_400_000 });
  await later.goto(onServer(link, server.url));
  await expect(later.getByRole('alert')).toContainText('has expired');
  await expect(later.getByText('Walked to the station instead of the pub')).toHaveCount(0);

  const cut = await mentor.newPage();
  await cut.goto(`${server.url}viewer.html#${fragment.slice(0, fragment.length - 40)}`);
  await expect(cut.getByRole('alert')).toContainText('cut short');
  expect(await storedData(cut)).toEqual({ databases: [], localStorage: 0, sessionStorage: 0, caches: [], serviceWorker: 0 });
  expectOnlyOwnFiles(requests, server.url);
  await mentor.close();
});

test('a passphrase link asks for it, refuses a wrong one, opens with the right one; kept snapshots show what changed', async ({
  pwaBrowser,
  server,
}) => {
  const { context, close } = await launchWithExtension();
  let first: string;
  let second: string;
  try {
    const id = new URL((await extensionWorker(context)).url()).host;
    const dashboard = await context.newPage();
    await dashboard.goto(`chrome-extension://${id}/dashboard.html`);
    await checkInWithWin(dashboard, 'Called my sponsor');
    first = await createLink(dashboard, { name: 'Robin', mentor: 'Alex', passphrase: 'river lamp orange' }, 'Called my sponsor');
    await expect(dashboard.getByText('Tell Alex the passphrase separately')).toBeVisible();
    await dashboard.keyboard.press('Escape');
    // A later link, after one more micro-win.
    await checkInWithWin(dashboard, 'Made tea instead');
    second = await createLink(dashboard, { name: 'Robin', mentor: 'Alex' }, 'Made tea instead');
  } finally {
    await close();
  }

  const { mentor, requests } = await mentorContext(pwaBrowser);
  const page = await mentor.newPage();
  await page.goto(onServer(first, server.url));
  await expect(page.getByRole('heading', { name: 'This link needs a passphrase' })).toBeVisible();
  const field = page.getByLabel('Passphrase', { exact: true });
  await expect(field).toBeFocused();
  await field.fill('river lamp apple');
  await field.press('Enter');
  await expect(page.getByRole('alert')).toContainText('doesn’t open this link', { timeout: 20_000 });
  await expect(page.getByText('Called my sponsor')).toHaveCount(0);
  // Not opened yet: the link is still in the address bar, so the mentor can try again.
  expect(new URL(page.url()).hash.length).toBeGreaterThan(10);

  await field.fill('river lamp orange');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { name: 'Robin', level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Called my sponsor')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  expect((await storedData(page)).databases).toEqual([]);

  await page.getByRole('button', { name: 'Keep in my list' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kept.' })).toBeVisible();
  expect((await storedData(page)).databases).toEqual(['tandem-mentor']);

  const next = await mentor.newPage();
  await next.goto(onServer(second, server.url));
  await expect(next.getByText('Made tea instead')).toBeVisible();
  await next.getByRole('button', { name: 'Keep in my list' }).click();
  const keep = next.getByRole('region', { name: 'Keep in my list' });
  await expect(keep).toContainText('Since the snapshot before:');
  await expect(keep).toContainText('Current streak unchanged: 1 day.');
  await expect(keep).toContainText('1 new micro-win.');

  await next.reload();
  const list = next.getByRole('region', { name: 'My list' });
  await expect(list.getByRole('button', { name: /^Show / })).toHaveCount(1);
  await expect(list).toContainText('1 new micro-win.');
  await list.getByRole('button', { name: 'Show Robin’s snapshot' }).click();
  await expect(next.getByText('Made tea instead')).toBeVisible();
  await expect(next.getByText('Called my sponsor')).toBeVisible();
  expectOnlyOwnFiles(requests, server.url);
  await mentor.close();
});

test('a link anyone could mint is shown as text only: no markup, no script, no links', async ({ pwaBrowser, server }) => {
  const now = Date.now();
  const markup = '<img src=x onerror="window.__pwned=1">';
  const fragment = await encodeFragment({
    name: `${markup}Eve`,
    createdAt: now,
    expiresAt: now + 86_400_000,
    period: 7,
    lastDay: new Date(now).toISOString().slice(0, 10),
    streak: { current: 1, best: 1 },
    checkins: [0, 0, 0, 0, 0, 0, 1],
    mood: [0, 0, 0, 0, 0, 0, 30],
    wins: [{ day: 6, text: '<b>bold</b> javascript:alert(1) <a href="https://evil.example">x</a>' }],
    reflections: { nearMisses: 0, setbacks: 1, items: [{ day: 6, kind: 'setback', triggers: ['<script>'], helped: '<i>x</i>', nextTime: '' }] },
    plan: [{ trigger: '<svg onload="window.__pwned=2">', steps: ['<u>call</u>'] }],
  });
  const { mentor, requests } = await mentorContext(pwaBrowser);
  const page = await mentor.newPage();
  await page.goto(`${server.url}viewer.html#${fragment}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${markup}Eve`);
  await expect(page.getByText('javascript:alert(1)')).toBeVisible();
  await expect(page.getByText('<svg onload="window.__pwned=2">')).toBeVisible();
  expect(await page.locator('main img, main b, main a, main i, main u, main script, main svg').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expectOnlyOwnFiles(requests, server.url);
  await mentor.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`in the PWA (${colorScheme}): the dialog and the viewer pass axe, and links point at the PWA itself`, async ({
    pwaBrowser,
    server,
  }) => {
    const context = await pwaBrowser.newContext({ colorScheme });
    const app = await context.newPage();
    await app.goto(server.url);
    await checkInWithWin(app, 'Cooked dinner for the kids');
    await openShareDialog(app);
    const dialog = app.getByRole('dialog', { name: 'Share with mentor' });
    await expect(dialog.getByText('Cooked dinner for the kids')).toBeVisible();
    await dialog.getByRole('checkbox', { name: /near misses and setbacks/ }).check();
    await dialog.getByRole('checkbox', { name: /My plan/ }).check();
    await expectAccessible(app, 'share dialog');
    // Refused with a message, not a crash.
    await dialog.getByRole('button', { name: 'Create link' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Write your name');
    await dialog.getByRole('checkbox', { name: /My plan/ }).uncheck();
    await dialog.getByRole('checkbox', { name: /near misses and setbacks/ }).uncheck();
    await context.close();

    const fresh = await pwaBrowser.newContext({ colorScheme });
    const page = await fresh.newPage();
    await page.goto(server.url);
    await checkInWithWin(page, 'Cooked dinner for the kids');
    const link = await createLink(page, { name: 'Jo', mentor: 'Alex' }, 'Cooked dinner for the kids');
    expect(link.startsWith(`${server.url}viewer.html#`)).toBe(true);
    await expectAccessible(page, 'share result');
    // The next time, the mentor's name starts as it was last time.
    await page.keyboard.press('Escape');
    await openShareDialog(page);
    await expect(page.getByRole('textbox', { name: /Your mentor’s name/ })).toHaveValue('Alex');
    await fresh.close();

    const { mentor, requests } = await mentorContext(pwaBrowser, colorScheme);
    const viewer = await mentor.newPage();
    await viewer.goto(link);
    await expect(viewer.getByRole('heading', { name: 'Jo', level: 1 })).toBeVisible();
    await expect(viewer.locator('.mood-chart canvas').first()).toBeVisible();
    await expectAccessible(viewer, 'viewer');
    await viewer.getByText('Mood by day, as a table').click();
    await expect(viewer.getByRole('table')).toBeVisible();
    await expectAccessible(viewer, 'viewer with table');
    await viewer.goto(`${server.url}viewer.html#AQ`);
    await expect(viewer.getByRole('alert')).toContainText('cut short');
    await expectAccessible(viewer, 'viewer error');
    expectOnlyOwnFiles(requests, server.url);
    await mentor.close();
  });
}
