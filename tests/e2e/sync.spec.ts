import { expect, type Page } from '@playwright/test';
import { extensionWorker, launchWithExtension, openView } from './browser';
import { expectAccessible, pwaTest } from './fixtures';
import { startSyncServer, userDbName, type SyncServer } from '../../scripts/sync-server.mjs';

// Issue 12 end to end: the real built extension and the served web app share one history
// through a CouchDB-protocol server on 127.0.0.1 (in memory, CORS on, started here), which
// stores only ciphertext. The extension asks for no host permission (extension.spec.ts).

const test = pwaTest.extend<{ sync: SyncServer }>({
  // eslint-disable-next-line no-empty-pattern
  sync: async ({}, use) => {
    const server = await startSyncServer({ users: { ana: 'horse battery staple' } });
    await use(server);
    await server.stop();
  },
});

const shifted = new WeakMap<Page, number>();

/**
 * A new check-in with a micro-win. A second mood within two minutes changes the first, so each
 * check-in after a page's first happens three minutes later on that page's clock.
 */
async function checkIn(page: Page, mood: number, win: string) {
  await openView(page, 'Check in');
  const offset = shifted.get(page);
  if (offset !== undefined) await page.clock.setSystemTime(Date.now() + offset + 3 * 60_000);
  shifted.set(page, (offset ?? -3 * 60_000) + 3 * 60_000);
  await page.getByRole('button', { name: new RegExp(`^${mood} `) }).click();
  const field = page.getByRole('textbox', { name: 'Micro-win' });
  await expect(field).toHaveValue('');
  await field.fill(win);
  await field.press('Enter');
  await expect(page.getByText('Micro-win saved. Nice.')).toBeVisible();
}

async function turnOn(page: Page, sync: SyncServer, password = 'horse battery staple') {
  await openView(page, 'Settings');
  const section = page.getByRole('region', { name: 'Sync between devices' });
  await section.getByRole('textbox', { name: 'Server address' }).fill(sync.url);
  await section.getByRole('textbox', { name: 'User name' }).fill('ana');
  await section.getByLabel('Password', { exact: true }).fill(password);
  await expect(section.getByRole('textbox', { name: 'Database' })).toHaveValue(userDbName('ana'));
  await section.getByRole('button', { name: 'Turn on sync' }).click();
  return section;
}

async function pairingLink(page: Page, passphrase: string, appAddress?: string): Promise<string> {
  const section = page.getByRole('region', { name: 'Sync between devices' });
  await section.getByLabel('Pairing passphrase', { exact: true }).fill(passphrase);
  if (appAddress) await section.getByRole('textbox', { name: 'Web app address' }).fill(appAddress);
  await section.getByRole('button', { name: 'Make pairing link' }).click();
  const link = section.getByRole('textbox', { name: 'Pairing link' });
  await expect(link).toHaveValue(/#sync=1\./);
  await expect(section.getByRole('img', { name: 'QR code of the pairing link' })).toBeVisible();
  return link.inputValue();
}

const recent = (page: Page) => page.getByRole('list', { name: 'Recent check-ins' });

test('the extension and the web app pair through a link and keep one history, with only ciphertext on the server', async ({ pwaBrowser, server, sync }) => {
  test.setTimeout(180_000);
  const extension = await launchWithExtension();
  try {
    const worker = await extensionWorker(extension.context);
    const id = new URL(worker.url()).host;
    const desk = await extension.context.newPage();
    await desk.goto(`chrome-extension://${id}/dashboard.html`);
    await checkIn(desk, 4, 'Walked past the bar');
    const section = await turnOn(desk, sync);
    await expect(section.getByText(/^Last synced /)).toBeVisible({ timeout: 20_000 });
    await expectAccessible(desk, 'sync settings (on)', '[aria-labelledby="sync-heading"]');
    const link = await pairingLink(desk, "purple kettle song", server.url);
    expect(link.startsWith(`${server.url.replace(/\/$/, "")}/#sync=`)).toBe(true);
    expect(link).not.toContain('horse');

    const phone = await (await pwaBrowser.newContext()).newPage();
    await phone.goto(link);
    // The sealed credentials leave the address bar at once.
    await expect.poll(() => phone.url()).not.toContain('#sync=');
    const join = phone.getByRole('form', { name: 'Join with a pairing link' });
    await join.getByLabel('Pairing passphrase', { exact: true }).fill('purple kettle sing');
    await join.getByRole('button', { name: 'Show what changes' }).click();
    await expect(join.getByText('That pairing passphrase doesn’t match. Check it on the other device and try again.')).toBeVisible();
    await expect(recent(phone)).toHaveCount(0);
    await join.getByLabel('Pairing passphrase', { exact: true }).fill('purple kettle song');
    await join.getByRole('button', { name: 'Show what changes' }).click();
    await expect(join.getByText('Joining will add 1 record here.')).toBeVisible({ timeout: 20_000 });
    await join.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(join.getByText('This device is joined. Its history and your other devices’ are one now.')).toBeVisible({ timeout: 20_000 });
    await openView(phone, 'Check in');
    await expect(recent(phone)).toContainText('Walked past the bar');

    // A check-in on the phone reaches the open extension page (live replication in the background).
    await checkIn(phone, 3, 'Called my sister');
    await openView(desk, 'Check in');
    await expect(recent(desk)).toContainText('Called my sister', { timeout: 20_000 });

    // The server goes away; both go on; when it is back they agree.
    await sync.stop();
    await checkIn(phone, 2, 'Made tea instead');
    await checkIn(desk, 5, 'Went to the meeting');
    await openView(desk, 'Settings');
    await desk.getByRole('region', { name: 'Sync between devices' }).getByRole('button', { name: 'Sync now' }).click();
    await expect(desk.getByText(/can’t be reached right now/)).toBeVisible({ timeout: 20_000 });
    await expect(desk.getByText('Your data is safe on this device.')).toBeVisible();
    await sync.start();
    await desk.getByRole('region', { name: 'Sync between devices' }).getByRole('button', { name: 'Sync now' }).click();
    await expect(desk.getByText('Synced.')).toBeVisible({ timeout: 20_000 });
    await openView(phone, 'Settings');
    await phone.getByRole('region', { name: 'Sync between devices' }).getByRole('button', { name: 'Sync now' }).click();
    await expect(phone.getByText('Synced.')).toBeVisible({ timeout: 20_000 });
    await openView(phone, 'Check in');
    await openView(desk, 'Check in');
    for (const page of [phone, desk]) {
      for (const text of ['Walked past the bar', 'Called my sister', 'Made tea instead', 'Went to the meeting']) {
        await expect(recent(page)).toContainText(text, { timeout: 20_000 });
      }
    }

    const stored = JSON.stringify(await sync.storedDocs('ana'));
    // Whole texts: a fragment of three letters could turn up in random base64 by chance.
    for (const text of ['Walked past the bar', 'Called my sister', 'Made tea instead', 'Went to the meeting', 'checkins']) expect(stored).not.toContain(text);

    // Turning sync off on both stops every request to the server.
    for (const page of [desk, phone]) {
      await openView(page, 'Settings');
      const s = page.getByRole('region', { name: 'Sync between devices' });
      await s.getByRole('button', { name: 'Turn off sync' }).click();
      await expect(s.getByText('Sync is off. Nothing leaves this device.')).toBeVisible();
    }
    const quiet = sync.requests.length;
    await checkIn(phone, 4, 'Quiet one');
    await checkIn(desk, 4, 'Quiet two');
    await desk.waitForTimeout(4000);
    expect(sync.requests.slice(quiet)).toEqual([]);
    await expect(recent(desk)).toContainText('Quiet two');
  } finally {
    await extension.close();
  }
});

test('a wrong password, a stopped server and an expired link each say so and change nothing', async ({ pwaBrowser, server, sync }) => {
  test.setTimeout(120_000);
  const page = await (await pwaBrowser.newContext()).newPage();
  await page.goto(server.url);
  await checkIn(page, 4, 'Stayed in tonight');
  const section = await turnOn(page, sync, 'not the password');
  await expect(section.getByText(/didn’t accept the user name and password/)).toBeVisible({ timeout: 20_000 });
  await expect(section.getByText('Sync is off. Nothing leaves this device.')).toBeVisible();
  await expectAccessible(page, 'sync settings (off, with a problem)', '[aria-labelledby="sync-heading"]');
  await sync.stop();
  await section.getByLabel('Password', { exact: true }).fill('horse battery staple');
  await section.getByRole('button', { name: 'Turn on sync' }).click();
  await expect(section.getByText(/can’t be reached right now/)).toBeVisible({ timeout: 20_000 });
  await expect(section.getByText('Sync is off. Nothing leaves this device.')).toBeVisible();
  await sync.start();
  await section.getByRole('button', { name: 'Turn on sync' }).click();
  await expect(section.getByText(/^Last synced /)).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, 'sync settings in the web app', '[aria-labelledby="sync-heading"]');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'sync settings in the web app, dark', '[aria-labelledby="sync-heading"]');
  await page.emulateMedia({ colorScheme: 'light' });
  const link = await pairingLink(page, 'purple kettle song');

  const other = await (await pwaBrowser.newContext()).newPage();
  await other.clock.install({ time: Date.now() + 16 * 60_000 });
  await other.goto(link);
  const join = other.getByRole('form', { name: 'Join with a pairing link' });
  await join.getByLabel('Pairing passphrase', { exact: true }).fill('purple kettle song');
  await join.getByRole('button', { name: 'Show what changes' }).click();
  await expect(join.getByText('That pairing link has expired (they last 15 minutes). Make a new one on the other device.')).toBeVisible();
  await openView(other, 'Settings');
  await expect(other.getByText('Sync is off. Nothing leaves this device.')).toBeVisible();
  await openView(other, 'Check in');
  await expect(recent(other)).toHaveCount(0);

  // Delete all my data with sync on: it says what happens to the server copy, and nothing comes back.
  await openView(page, 'Settings');
  await expect(page.getByText('Sync is on: erasing turns it off on this device first, so nothing comes back from the server.')).toBeVisible();
  expect((await sync.storedDocs('ana')).length).toBeGreaterThan(0);
  await page.getByRole('checkbox', { name: 'Also delete the copy on the sync server (otherwise your other devices keep it)' }).check();
  await page.getByRole('textbox', { name: 'Type DELETE to confirm' }).fill('DELETE');
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await expect(page.getByText('All your Tandem data on this device has been deleted.')).toBeVisible();
  await expect(page.getByText('Sync is off. Nothing leaves this device.')).toBeVisible();
  expect(await sync.storedDocs('ana')).toEqual([]);
  await openView(page, 'Check in');
  await expect(recent(page)).toHaveCount(0);
});

const answersTo = async (sync: SyncServer, password: string) =>
  (await fetch(`${sync.url}/${userDbName('ana')}`, { headers: { Authorization: `Basic ${Buffer.from(`ana:${password}`).toString('base64')}` } })).status;

test('removing a lost device gives a new key and password; the other device is told to pair again and keeps its data', async ({ pwaBrowser, server, sync }) => {
  test.setTimeout(180_000);
  const desk = await (await pwaBrowser.newContext()).newPage();
  await desk.goto(server.url);
  await checkIn(desk, 4, 'Walked the long way home');
  // A slow server keeps the first sync going long enough to watch its progress.
  sync.setDelay(400);
  const section = await turnOn(desk, sync);
  const progress = section.getByRole('progressbar', { name: 'Sync progress' });
  await expect(progress).toBeVisible({ timeout: 20_000 });
  await expect(section.getByText(/sent and received$/)).toBeVisible();
  await expect(section.getByText(/^Last synced /)).toBeVisible({ timeout: 30_000 });
  await expect(progress).toHaveCount(0);
  sync.setDelay(0);

  const link = await pairingLink(desk, 'purple kettle song');
  const phone = await (await pwaBrowser.newContext()).newPage();
  await phone.goto(link);
  const join = phone.getByRole('form', { name: 'Join with a pairing link' });
  await join.getByLabel('Pairing passphrase', { exact: true }).fill('purple kettle song');
  await join.getByRole('button', { name: 'Show what changes' }).click();
  await expect(join.getByText('Joining will add 1 record here.')).toBeVisible({ timeout: 20_000 });
  await join.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(join.getByText('This device is joined. Its history and your other devices’ are one now.')).toBeVisible({ timeout: 20_000 });
  await checkIn(phone, 3, 'Texted my sponsor');
  await expect(recent(phone).getByRole('listitem')).toHaveCount(2);
  await openView(desk, 'Check in');
  await expect(recent(desk)).toContainText('Texted my sponsor', { timeout: 20_000 });
  const sealedBefore = new Set((await sync.storedDocs('ana')).map((d) => d._id));
  expect(sealedBefore.size).toBeGreaterThan(0);

  // The phone is lost: the desk removes it with a new server password.
  await openView(desk, 'Settings');
  const lost = desk.getByRole('form', { name: 'Remove a lost device' });
  await lost.getByLabel('New server password', { exact: true }).fill('new kettle password');
  await lost.getByRole('button', { name: 'Remove a lost device' }).click();
  await expect(lost.getByText('Done. The lost device can no longer sync. Pair your other devices again with Add a device.')).toBeVisible({ timeout: 30_000 });
  expect(await answersTo(sync, 'horse battery staple')).toBe(401);
  expect(await answersTo(sync, 'new kettle password')).toBe(200);
  // A new key: everything is sealed again, under ids that share nothing with the old key's.
  const sealedAfter = (await sync.storedDocs('ana')).map((d) => d._id);
  expect(sealedAfter.length).toBeGreaterThan(0);
  expect(sealedAfter.filter((id) => sealedBefore.has(id))).toEqual([]);
  const stored = JSON.stringify(await sync.storedDocs('ana'));
  for (const text of ['Walked the long way home', 'Texted my sponsor', 'new kettle password']) expect(stored).not.toContain(text);
  await checkIn(desk, 5, 'Went to the evening meeting');
  await openView(desk, 'Settings');
  await desk.getByRole('region', { name: 'Sync between devices' }).getByRole('button', { name: 'Sync now' }).click();
  await expect(desk.getByText('Synced.')).toBeVisible({ timeout: 20_000 });

  // The lost phone's next sync says what happened and what to do, and changes nothing there.
  await openView(phone, 'Settings');
  const phoneSync = phone.getByRole('region', { name: 'Sync between devices' });
  await phoneSync.getByRole('button', { name: 'Sync now' }).click();
  await expect(phoneSync.getByRole('alert').filter({ hasText: 'The server didn’t accept the user name and password. If you removed a lost device, pair this one again.' })).toBeVisible({ timeout: 20_000 });
  await expect(phoneSync.getByText('Your data is safe on this device.')).toBeVisible();
  await expectAccessible(phone, 'sync settings after a lost device was removed', '[aria-labelledby="sync-heading"]');
  await openView(phone, 'Check in');
  await expect(recent(phone).getByRole('listitem')).toHaveCount(2);
  await expect(recent(phone)).toContainText('Walked the long way home');
  await expect(recent(phone)).toContainText('Texted my sponsor');
  await expect(recent(phone)).not.toContainText('Went to the evening meeting');
});
