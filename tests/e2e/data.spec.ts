import { expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionWorker, launchWithExtension, openView } from './browser';
import { expectAccessible, pwaTest } from './fixtures';

// Issue 5 end to end: a backup made in the real extension opens in the served web app in a
// fresh browser, twice without change, and a damaged file is refused with the data untouched.

const test = pwaTest.extend<{ dir: string }>({
  // eslint-disable-next-line no-empty-pattern
  dir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-data-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

const EVIL_WIN = '<img src=x onerror="document.title=1">Called Sam';

/** Every record in the page's IndexedDB, read with the raw API. */
function dumpDatabase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('tandem');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of [...db.objectStoreNames]) {
      out[name] = await new Promise((ok) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => ok(req.result);
      });
    }
    db.close();
    return JSON.stringify(out);
  });
}

async function checkInTwice(page: Page) {
  await openView(page, 'Check in');
  await page.getByRole('button', { name: /^4 / }).click();
  const win = page.getByRole('textbox', { name: 'Micro-win' });
  await win.fill(EVIL_WIN);
  await win.press('Enter');
  await expect(page.getByText('Micro-win saved. Nice.')).toBeVisible();
  // A second mood within two minutes changes the first; this is a later check-in.
  await page.clock.setSystemTime(Date.now() + 3 * 60_000);
  await page.getByRole('button', { name: /^2 / }).click();
  await expect(page.getByText('1-day streak')).toBeVisible();
  await openView(page, 'Settings');
}

async function openExtensionDashboard() {
  const launched = await launchWithExtension();
  const id = new URL((await extensionWorker(launched.context)).url()).host;
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${id}/dashboard.html`);
  await expect(page.getByText('0-day streak')).toBeVisible();
  return { ...launched, page };
}

test('a backup from the extension opens in the web app, twice without change; a damaged file changes nothing', async ({ pwaBrowser, server, dir }) => {
  const extension = await openExtensionDashboard();
  let backupPath: string;
  try {
    await checkInTwice(extension.page);
    await expect(extension.page.getByText('No backup saved from this device yet.')).toBeVisible();
    await expect(extension.page.getByText(/As a browser extension with unlimited storage/)).toBeVisible();
    await expect(extension.page.getByText(/^Tandem uses .+ of the .+ this browser allows\.$/)).toBeVisible();
    const downloading = extension.page.waitForEvent('download');
    await extension.page.getByRole('button', { name: 'Save backup file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^tandem-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = join(dir, download.suggestedFilename());
    await download.saveAs(backupPath);
    await expect(extension.page.getByText(/^Last backup: Today/)).toBeVisible();

    const csvDownload = extension.page.waitForEvent('download');
    await extension.page.getByRole('button', { name: 'Save spreadsheet (CSV)' }).click();
    const csvPath = join(dir, 'tandem.csv');
    await (await csvDownload).saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toMatch(/^type,day,local time,mood,micro-win,/);
    expect(csv.filter((line) => line.startsWith('check-in,'))).toHaveLength(2);
    expect(csv.join('\n')).toContain('<img src=x onerror=""document.title=1"">Called Sam');
  } finally {
    await extension.close();
  }
  const file = JSON.parse(readFileSync(backupPath, 'utf8'));
  expect(file).toMatchObject({ format: 'tandem-backup', version: 3 });
  expect(file.tables.checkins).toHaveLength(2);

  const page = await (await pwaBrowser.newContext()).newPage();
  await page.goto(server.url);
  await expect(page.getByText('0-day streak')).toBeVisible();
  await openView(page, 'Settings');
  const chooser = page.getByLabel('Choose a backup or transfer file');

  await chooser.setInputFiles(backupPath);
  await expect(page.getByRole('heading', { name: 'What this file would change' })).toBeFocused();
  await expect(page.getByText('2 new, 0 updated, 0 deleted, 0 unchanged')).toBeVisible();
  await page.getByRole('button', { name: 'Add to my data' }).click();
  await expect(page.getByText('Done: 2 new, 0 updated, 0 deleted, 0 unchanged.')).toBeVisible();
  await openView(page, 'Check in');
  await expect(page.getByText('1-day streak')).toBeVisible();
  const recent = page.getByRole('list', { name: 'Recent check-ins' });
  await expect(recent).toContainText(EVIL_WIN);
  await expect(recent.locator('img')).toHaveCount(0);
  expect(await page.title()).not.toBe('1');

  // The same file again: nothing new, nothing changed.
  await openView(page, 'Settings');
  const afterFirst = await dumpDatabase(page);
  await chooser.setInputFiles(backupPath);
  await expect(page.getByText('0 new, 0 updated, 0 deleted, 2 unchanged')).toBeVisible();
  await expect(page.getByText('Everything in this file is already here.')).toBeVisible();
  await page.getByRole('button', { name: 'Add to my data' }).click();
  await expect(page.getByText('Done: 0 new, 0 updated, 0 deleted, 2 unchanged.')).toBeVisible();
  expect(await dumpDatabase(page)).toBe(afterFirst);

  // A download that was cut short.
  await chooser.setInputFiles({ name: 'tandem-backup.json', mimeType: 'application/json', buffer: readFileSync(backupPath).subarray(0, 300) });
  await expect(page.getByRole('alert').filter({ hasText: 'seems cut off or damaged' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add to my data' })).toHaveCount(0);
  expect(await dumpDatabase(page)).toBe(afterFirst);
  await openView(page, 'Check in');
  await expect(page.getByText('1-day streak')).toBeVisible();
});

test('a transfer link made in the extension opens in the web app after the passphrase, then leaves the address bar', async ({ pwaBrowser, server }) => {
  const extension = await openExtensionDashboard();
  let link: string;
  try {
    await checkInTwice(extension.page);
    const move = extension.page.getByRole('region', { name: 'Move to my phone' });
    await move.getByLabel('Passphrase').fill('blue kettle morning');
    await move.getByRole('textbox', { name: 'Address of Tandem’s web app' }).fill(server.url);
    await move.getByRole('button', { name: 'Make a link (last 90 days)' }).click();
    const field = move.getByRole('textbox', { name: 'Transfer link' });
    await expect(field).toBeVisible();
    link = await field.inputValue();
    expect(link.startsWith(`${server.url}/#transfer=`) || link.startsWith(`${server.url}#transfer=`)).toBe(true);
    await expect(move.getByRole('img', { name: /QR code of the transfer link/ })).toBeVisible();
  } finally {
    await extension.close();
  }

  const page = await (await pwaBrowser.newContext()).newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'A transfer link was opened' })).toBeVisible();
  const passphrase = page.getByLabel('Passphrase').first();
  await expect(passphrase).toBeFocused();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, 'transfer prompt', '.transfer-receiver');
  }
  await passphrase.fill('blue kettle evening');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'doesn’t open this file' })).toBeVisible();
  expect(JSON.parse(await dumpDatabase(page)).checkins).toEqual([]);
  await page.getByLabel('Passphrase').first().fill('blue kettle morning');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByText('2 new, 0 updated, 0 deleted, 0 unchanged')).toBeVisible();
  await expect(page.getByText(/This transfer holds check-ins and reflections from [A-Z][a-z]+ \d{1,2}, \d{4} on/)).toBeVisible();
  await page.getByRole('button', { name: 'Add to my data' }).click();
  await expect(page.getByText('Done: 2 new, 0 updated, 0 deleted, 0 unchanged.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'A transfer link was opened' })).toBeFocused();
  await expect(page.getByText('1-day streak')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'A transfer link was opened' })).toHaveCount(0);
  await expect(page.getByText('1-day streak')).toBeVisible();
});

test('a transfer file from the web app opens in the extension after the passphrase', async ({ pwaBrowser, server, dir }) => {
  const page = await (await pwaBrowser.newContext()).newPage();
  await page.goto(server.url);
  await checkInTwice(page);
  const move = page.getByRole('region', { name: 'Move to my phone' });
  await move.getByRole('button', { name: 'Save transfer file (everything)' }).click();
  await expect(move.getByRole('alert')).toContainText('at least 8 characters');
  await move.getByLabel('Passphrase').fill('green tram to work');
  const downloading = page.waitForEvent('download');
  await move.getByRole('button', { name: 'Save transfer file (everything)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^tandem-transfer-\d{4}-\d{2}-\d{2}\.json$/);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  const sealed = readFileSync(path, 'utf8');
  expect(JSON.parse(sealed)).toMatchObject({ format: 'tandem-backup-encrypted', version: 1 });
  expect(sealed).not.toContain('Called Sam');

  const extension = await openExtensionDashboard();
  try {
    const dashboard = extension.page;
    await openView(dashboard, 'Settings');
    await dashboard.getByLabel('Choose a backup or transfer file').setInputFiles(path);
    const passphrase = dashboard.getByRole('region', { name: 'Restore or add from a file' }).getByLabel('Passphrase');
    await expect(passphrase).toBeFocused();
    await passphrase.fill('green tram to work');
    await passphrase.press('Enter');
    await expect(dashboard.getByText('2 new, 0 updated, 0 deleted, 0 unchanged')).toBeVisible();
    await dashboard.getByRole('button', { name: 'Add to my data' }).click();
    await expect(dashboard.getByText('Done: 2 new, 0 updated, 0 deleted, 0 unchanged.')).toBeVisible();
    await openView(dashboard, 'Check in');
    await expect(dashboard.getByText('1-day streak')).toBeVisible();
    await expect(dashboard.getByRole('list', { name: 'Recent check-ins' })).toContainText(EVIL_WIN);
  } finally {
    await extension.close();
  }
});

test('after a month without a backup the panel nudges, and a backup ends the nudge', async ({ pwaBrowser, server }) => {
  const page = await (await pwaBrowser.newContext({ acceptDownloads: true })).newPage();
  await page.goto(server.url);
  await checkInTwice(page);
  const nudge = page.getByText('It’s been over a month without a backup.');
  await expect(page.getByText('No backup saved from this device yet.')).toBeVisible();
  await expect(nudge).toHaveCount(0);
  // A check-in from 40 days ago, as if Tandem had been in use since then.
  const at = Date.now() - 40 * 86_400_000;
  await page.evaluate(
    (row) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('tandem');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('checkins', 'readwrite');
          tx.objectStore('checkins').put(row);
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
        };
      }),
    { id: 'old-1', at, day: new Date(at).toISOString().slice(0, 10), utcOffset: 0, timeZone: 'UTC', mood: 3, win: '', tags: [], createdAt: at, updatedAt: at, deletedAt: null },
  );
  await page.reload();
  // Where people look first, and in Settings.
  await openView(page, 'Check in');
  await expect(nudge).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('button', { name: 'Save backup file' })).toBeVisible();
  await expect(nudge).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save backup file' }).click();
  await downloading;
  await expect(page.getByText(/^Last backup: Today/)).toBeVisible();
  await expect(nudge).toHaveCount(0);
  await openView(page, 'Check in');
  await expect(page.getByText('1-day streak')).toBeVisible();
  await expect(nudge).toHaveCount(0);
});

test('delete all my data asks for DELETE, then removes everything and says what it cannot', async ({ pwaBrowser, server }) => {
  const page = await (await pwaBrowser.newContext()).newPage();
  await page.goto(server.url);
  await checkInTwice(page);
  const erase = page.getByRole('region', { name: 'Delete all my data' });
  await expect(erase).toContainText('links you sent to a mentor');
  await erase.getByRole('textbox', { name: 'Type DELETE to confirm' }).fill('delete');
  await erase.getByRole('button', { name: 'Delete all my data' }).click();
  await expect(erase.getByRole('alert')).toContainText('type DELETE in capitals');
  expect(JSON.parse(await dumpDatabase(page)).checkins).toHaveLength(2);
  await erase.getByRole('textbox', { name: 'Type DELETE to confirm' }).fill('DELETE');
  await erase.getByRole('textbox', { name: 'Type DELETE to confirm' }).press('Enter');
  await expect(erase.getByText('All your Tandem data on this device has been deleted.')).toBeVisible();
  await openView(page, 'Check in');
  await expect(page.getByText('0-day streak')).toBeVisible();
  const dump = JSON.parse(await dumpDatabase(page)) as Record<string, unknown[]>;
  expect(Object.values(dump).every((rows) => rows.length === 0)).toBe(true);
  await page.reload();
  await expect(page.getByText('0-day streak')).toBeVisible();
});

test('a page holding the database open lets a newer version upgrade it, and asks to be reloaded', async ({ pwaBrowser, server }) => {
  const context = await pwaBrowser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await checkInTwice(page);
  // Another tab opens the database at a higher version, as an updated Tandem would.
  const other = await context.newPage();
  await other.goto(`${server.url}/manifest.webmanifest`);
  const upgraded = await other.evaluate(
    () =>
      new Promise<number>((ok, fail) => {
        const req = indexedDB.open('tandem', 1000);
        req.onsuccess = () => {
          ok(req.result.version);
          req.result.close();
        };
        req.onerror = () => fail(req.error);
        req.onblocked = () => fail(new Error('blocked'));
      }),
  );
  expect(upgraded).toBe(1000);
  await expect(page.getByText('Tandem was updated in another window. Reload this page to keep going')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload', exact: true })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the data panel passes axe in ${colorScheme} mode, with a preview and a link showing`, async ({ pwaBrowser, server, dir }) => {
    const page = await (await pwaBrowser.newContext({ colorScheme, acceptDownloads: true })).newPage();
    await page.goto(server.url);
    await checkInTwice(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save backup file' }).click();
    const path = join(dir, 'b.json');
    await (await downloading).saveAs(path);
    await page.getByLabel('Choose a backup or transfer file').setInputFiles(path);
    await expect(page.getByText('0 new, 0 updated, 0 deleted, 2 unchanged')).toBeVisible();
    const move = page.getByRole('region', { name: 'Move to my phone' });
    await move.getByLabel('Passphrase').fill('blue kettle morning');
    await move.getByRole('button', { name: 'Make a link (last 90 days)' }).click();
    await expect(move.getByRole('textbox', { name: 'Transfer link' })).toBeVisible();
    await page.getByRole('region', { name: 'Delete all my data' }).getByRole('button').click();
    await expectAccessible(page, 'data panel', '.data-panel');
  });
}
