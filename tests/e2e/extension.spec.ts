import { expect, test as base, type BrowserContext, type Page, type Request, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, extensionWorker, launchWithExtension, openView } from './browser';
import { expectAccessible } from './fixtures';
import { remindAllDayEveryDay, windowStart, windowEnd } from './weekPlan';

// Runs inside the extension's service worker (worker.evaluate), where `chrome` exists.
declare const chrome: {
  action: { getBadgeText(d: object): Promise<string>; setBadgeText(d: { text: string }): Promise<void> };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
};

// The real built extension, loaded unpacked into Chromium, used through its pages the way
// a person would: by role and accessible name.

const test = base.extend<{ context: BrowserContext; worker: Worker; extensionId: string; requests: Request[] }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension();
    await use(context);
    await close();
  },
  worker: async ({ context }, use) => use(await extensionWorker(context)),
  extensionId: async ({ worker }, use) => use(new URL(worker.url()).host),
  requests: async ({ context }, use) => {
    const seen: Request[] = [];
    context.on('request', (r) => seen.push(r));
    await use(seen);
  },
});

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByRole('heading', { name: 'How are you right now?' })).toBeVisible();
  return page;
}

/** Makes every moment a working moment, so a prompt is due whatever time the test runs. */
async function remindAllDay(context: BrowserContext, extensionId: string): Promise<Page> {
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
  await remindAllDayEveryDay(dashboard);
  await dashboard.getByRole('spinbutton', { name: 'Remind me every (minutes)' }).fill('15');
  await dashboard.getByRole('button', { name: 'Save settings' }).click();
  await expect(dashboard.getByText('Settings saved.')).toBeVisible();
  await openView(dashboard, 'Check in');
  return dashboard;
}

const badgeText = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));

test('asks only for the permissions it uses, and no host access', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect([...manifest.permissions].sort()).toEqual(['alarms', 'idle', 'unlimitedStorage']);
  expect(manifest.optional_permissions).toEqual(['notifications']);
  expect(manifest.host_permissions).toBeUndefined();
  expect(manifest.content_scripts).toBeUndefined();
  expect(manifest.commands._execute_action.suggested_key.default).toBeTruthy();
});

test('the Firefox build pins its add-on id and asks for the same permissions', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, '..', 'firefox-mv2', 'manifest.json'), 'utf8'));
  expect(manifest.browser_specific_settings.gecko.id).toBe('{5c35f2c5-13e7-4ad1-904e-0381f1eac6aa}');
  expect([...manifest.permissions].sort()).toEqual(['alarms', 'idle', 'unlimitedStorage']);
  expect(manifest.commands._execute_browser_action.suggested_key.default).toBeTruthy();
  expect(manifest.browser_action.default_popup).toBe('popup.html');
});

test('checks in from the popup with one click, adds a micro-win and a HALT tag, and sees the streak', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: /^4 / }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Saved: 4 Good' })).toBeVisible();

  const win = popup.getByRole('textbox', { name: 'Micro-win' });
  await expect(win).toBeFocused();
  await win.fill('Took a real lunch break');
  await win.press('Enter');
  await expect(popup.getByText('Micro-win saved. Nice.')).toBeVisible();

  const tired = popup.getByRole('button', { name: 'Tired' });
  await tired.click();
  await expect(tired).toHaveAttribute('aria-pressed', 'true');
  await expect(popup.getByText('1-day streak')).toBeVisible();

  // A fresh popup shows the same check-in from the database.
  await popup.close();
  const again = await openPopup(context, extensionId);
  await expect(again.getByText('1-day streak')).toBeVisible();
  const today = again.getByRole('list', { name: 'Today’s check-ins' });
  await expect(today.getByRole('listitem')).toHaveCount(1);
  await expect(today).toContainText('4 Good');
  await expect(today).toContainText('Tired');
  await expect(today).toContainText('Took a real lunch break');

  // So does the dashboard page.
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const recent = dashboard.getByRole('list', { name: 'Recent check-ins' });
  await expect(recent).toContainText('Took a real lunch break');
  await expect(recent).toContainText('4 Good');
  await expect(dashboard.getByText('1-day streak')).toBeVisible();
});

test('a popup opened again shows its mood buttons before its code runs, and a mood picked on them then is saved once', async ({
  context,
  extensionId,
}) => {
  const first = await openPopup(context, extensionId);
  await expect(first.getByText('0-day streak')).toBeVisible();
  await first.close();
  // On the next open, the moment a mood button exists it is clicked, and whether it was the kept
  // shell's (the page's own code not yet run) is noted.
  await context.addInitScript(() => {
    new MutationObserver((_, watch) => {
      const button = document.querySelector<HTMLButtonElement>('.mood-picker .mood-4');
      if (!button) return;
      watch.disconnect();
      const w = window as unknown as { tandemShell?: unknown; __tandemShell?: unknown };
      w.tandemShell = w.__tandemShell !== undefined;
      button.click();
    }).observe(document, { childList: true, subtree: true });
  });
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByRole('status').filter({ hasText: 'Saved: 4 Good' })).toBeVisible();
  expect(await popup.evaluate(() => (window as unknown as { tandemShell?: boolean }).tandemShell)).toBe(true);
  // The page took the kept buttons over: they are its own now, named and pressed as usual.
  await expect(popup.getByRole('button', { name: /^4 Good/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(popup.getByRole('list', { name: 'Today’s check-ins' }).getByRole('listitem')).toHaveCount(1);
  await expect(popup.getByText('1-day streak')).toBeVisible();
  await expectAccessible(popup, 'popup after a check-in made on the kept buttons');
});

test('checks in with a single keystroke', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await popup.keyboard.press('2');
  await expect(popup.getByRole('status').filter({ hasText: 'Saved: 2 Low' })).toBeVisible();
  await expect(popup.getByRole('textbox', { name: 'Micro-win' })).toBeFocused();
  // Typing a digit into the micro-win is text, not another check-in.
  await popup.keyboard.type('3 glasses of water');
  await expect(popup.getByRole('list', { name: 'Today’s check-ins' }).getByRole('listitem')).toHaveCount(1);
});

test('refuses an empty or over-long micro-win with a clear message', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: /^3 / }).click();
  const win = popup.getByRole('textbox', { name: 'Micro-win' });
  await win.press('Enter');
  await expect(popup.getByRole('alert').filter({ hasText: /Write a few words for your micro-win/ })).toBeVisible();
  await win.fill('a'.repeat(400));
  await expect(win).toHaveValue('a'.repeat(280));
  await expect(popup.getByText('That’s the limit: 280 characters.')).toBeVisible();
});

test('edits and deletes a check-in in the dashboard, with undo', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: /^5 / }).click();
  await popup.getByRole('textbox', { name: 'Micro-win' }).fill('Finished the report');
  await popup.getByRole('button', { name: 'Save micro-win' }).click();
  await expect(popup.getByText('Micro-win saved. Nice.')).toBeVisible();

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const recent = page.getByRole('list', { name: 'Recent check-ins' });
  await recent.getByRole('button', { name: /^Edit check-in/ }).click();
  const form = page.getByRole('form', { name: 'Edit check-in' });
  await form.getByRole('combobox', { name: 'Mood' }).selectOption({ label: '4 Good' });
  await form.getByRole('textbox', { name: 'Micro-win' }).fill('Finished the report early');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(recent).toContainText('Finished the report early');
  await expect(recent).toContainText('4 Good');

  await recent.getByRole('button', { name: /^Delete check-in/ }).click();
  await expect(page.getByText('Check-in deleted.')).toBeVisible();
  await expect(page.getByText('Your check-ins will appear here.')).toBeVisible();
  await expect(page.getByText('0-day streak')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(recent).toContainText('Finished the report early');
  await expect(page.getByText('1-day streak')).toBeVisible();
});

test('the background sets the badge when a check-in is due, from its alarm, and clears it after a check-in', async ({
  context,
  extensionId,
  worker,
}) => {
  const dashboard = await remindAllDay(context, extensionId);
  await expect.poll(() => badgeText(worker)).toBe('•');
  await expect(dashboard.getByRole('status').filter({ hasText: 'A check-in is due' })).toBeVisible();

  // The prompt alarm alone brings the badge back: clear it by hand, then let the alarm fire.
  await worker.evaluate(() => chrome.action.setBadgeText({ text: '' }));
  expect(await badgeText(worker)).toBe('');
  await worker.evaluate(() => chrome.alarms.create('tandem-prompt', { when: Date.now() + 200 }));
  await expect.poll(() => badgeText(worker)).toBe('•');

  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: /^3 / }).click();
  await expect.poll(() => badgeText(worker)).toBe('');
  await expect(popup.getByRole('region', { name: 'Reminders' })).toContainText('Next reminder');
});

test('snooze and pause for today are available from the popup when a check-in is due', async ({
  context,
  extensionId,
  worker,
}) => {
  await remindAllDay(context, extensionId);
  await expect.poll(() => badgeText(worker)).toBe('•');

  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: 'Snooze 30 minutes' }).click();
  await expect(popup.getByText(/^Snoozed until/)).toBeVisible();
  await expect.poll(() => badgeText(worker)).toBe('');
  await popup.getByRole('button', { name: 'Resume reminders' }).click();
  await expect.poll(() => badgeText(worker)).toBe('•');
  await popup.getByRole('button', { name: 'Pause for today' }).click();
  await expect(popup.getByText('Reminders are paused for today.')).toBeVisible();
  await expect.poll(() => badgeText(worker)).toBe('');
});

test('invalid settings get a clear message and change nothing', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await openView(page, 'Settings');
  await windowStart(page, 'Tuesday').fill('17:00');
  await windowEnd(page, 'Tuesday').fill('09:00');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Tuesday, window 1 (05:00 PM – 09:00 AM): the end is before the start' })).toBeVisible();
  await expect(windowStart(page, 'Tuesday')).toHaveAttribute('aria-invalid', 'true');

  await windowStart(page, 'Tuesday').fill('09:00');
  await windowEnd(page, 'Tuesday').fill('17:00');
  await page.getByRole('spinbutton', { name: 'Remind me every (minutes)' }).fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose a reminder interval between 15 and 720' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('spinbutton', { name: 'Remind me every (minutes)' })).toHaveValue('120');
  await expect(windowStart(page, 'Tuesday')).toHaveValue('09:00');
});

test('makes no network request at all', async ({ context, extensionId, worker, requests }) => {
  const popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: /^1 / }).click();
  await popup.getByRole('textbox', { name: 'Micro-win' }).fill('Got out of bed');
  await popup.keyboard.press('Enter');
  await expect(popup.getByText('Micro-win saved. Nice.')).toBeVisible();
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(dashboard.getByText('Got out of bed').first()).toBeVisible();
  // Wake the background through its alarm and its messages as well.
  await worker.evaluate(() => chrome.alarms.create('tandem-prompt', { when: Date.now() + 100 }));
  await dashboard.waitForTimeout(500);

  expect(requests.length).toBeGreaterThan(0); // the recorder is live: it saw the pages load
  const offDevice = requests.map((r) => r.url()).filter((url) => !/^(chrome-extension|data|blob):/.test(url));
  expect(offDevice).toEqual([]);
});
