import { expect, test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { extensionWorker, launchWithExtension, openView } from './browser';
import { expectAccessible, pwaTest } from './fixtures';
import { clearWeekPlan, remindAllDayEveryDay, windowEnd, windowStart } from './weekPlan';

// Runs inside the extension's service worker (worker.evaluate), where `chrome` exists.
declare const chrome: {
  action: { getBadgeText(d: object): Promise<string> };
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
};

// The week plan and away ranges in the real extension: the background's badge follows the
// plan of the day it is now (the real clock, so the plan is built around the minute the test
// runs), and an away range keeps it off while the popup says so.

const test = base.extend<{ context: BrowserContext; worker: Worker; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension();
    await use(context);
    await close();
  },
  worker: async ({ context }, use) => use(await extensionWorker(context)),
  extensionId: async ({ worker }, use) => use(new URL(worker.url()).host),
});

const badgeText = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));
/** The background's alarms other than the urge timer's: the prompt alarm, only ever one. */
const promptAlarms = (worker: Worker) =>
  worker.evaluate(async () => (await chrome.alarms.getAll()).filter((a) => a.name === 'tandem-prompt').length);

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const clock = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The page's weekday and minute now, and the calendar date in `days` days (YYYY-MM-DD), on the machine's clock. */
function now(page: Page, days = 0) {
  return page.evaluate((days) => {
    const d = new Date();
    const later = new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);
    const key = `${later.getFullYear()}-${String(later.getMonth() + 1).padStart(2, '0')}-${String(later.getDate()).padStart(2, '0')}`;
    return { weekday: d.getDay(), minutes: d.getHours() * 60 + d.getMinutes(), later: key };
  }, days);
}

async function settingsPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
  await expect(windowStart(page, 'Monday')).toBeVisible();
  return page;
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
}

test('a week plan sets the badge only inside that day’s windows', async ({ context, extensionId, worker }) => {
  const page = await settingsPage(context, extensionId);
  const { weekday, minutes } = await now(page);
  const today = DAY_NAMES[weekday]!;
  const yesterday = DAY_NAMES[(weekday + 6) % 7]!;
  const tomorrow = DAY_NAMES[(weekday + 1) % 7]!;
  await clearWeekPlan(page);
  // The days either side remind all day; today only at an hour that is not now.
  for (const day of [yesterday, tomorrow]) {
    await page.getByRole('button', { name: `Add a window on ${day}` }).click();
    await windowStart(page, day).fill('00:00');
    await windowEnd(page, day).fill('00:00');
  }
  const [start, end] = minutes < 12 * 60 ? [minutes + 120, minutes + 180] : [minutes - 180, minutes - 120];
  await page.getByRole('button', { name: `Add a window on ${today}` }).click();
  await windowStart(page, today).fill(clock(start));
  await windowEnd(page, today).fill(clock(end));
  await save(page);
  await expect.poll(() => badgeText(worker)).toBe('');
  // Still off after the alarm is asked for again: the plan of the day it is now decides.
  await expect.poll(() => promptAlarms(worker)).toBe(1);

  // Today's window moved around now: the badge comes on, with still exactly one prompt alarm.
  await windowStart(page, today).fill(clock(Math.max(0, minutes - 60)));
  await windowEnd(page, today).fill(clock(Math.min(1440, minutes + 60)));
  await save(page);
  await expect.poll(() => badgeText(worker)).toBe('•');
  expect(await promptAlarms(worker)).toBe(1);

  // A second window on the same day, somewhere else, changes nothing about now.
  await page.getByRole('button', { name: `Add a window on ${today}` }).click();
  await windowStart(page, today, 2).fill(clock(minutes < 12 * 60 ? 22 * 60 : 60));
  await windowEnd(page, today, 2).fill(clock(minutes < 12 * 60 ? 23 * 60 : 2 * 60));
  await save(page);
  await expect.poll(() => badgeText(worker)).toBe('•');
  await page.reload();
  await expect(windowStart(page, today, 2)).toHaveValue(clock(minutes < 12 * 60 ? 22 * 60 : 60));
});

test('an away range keeps the badge off and the popup says so; removing it brings reminders back', async ({
  context,
  extensionId,
  worker,
}) => {
  const page = await settingsPage(context, extensionId);
  await remindAllDayEveryDay(page);
  await save(page);
  await expect.poll(() => badgeText(worker)).toBe('•');

  // A range that ends before it starts is refused, clearly, and nothing is saved.
  await page.getByRole('button', { name: 'Add an away range' }).click();
  const from = page.getByLabel('Away from (range 1)', { exact: true });
  const to = page.getByLabel('to (range 1)', { exact: true });
  await expect(from).toBeFocused();
  const { later } = await now(page, 3);
  const { later: before } = await now(page, -3);
  await to.fill(before);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Away range 1 ends before it starts' })).toBeVisible();
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  expect(await badgeText(worker)).toBe('•');

  await to.fill(later);
  await save(page);
  await expect.poll(() => badgeText(worker)).toBe('');
  await expect(page.getByRole('group', { name: 'Away range 1' }).getByText('Away now')).toBeVisible();

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const reminders = popup.getByRole('region', { name: 'Reminders' });
  await expect(reminders.getByRole('status')).toHaveText(/^You’re away until .+\. No reminders until then\.$/);
  await expect(reminders.getByRole('button', { name: 'Pause for today' })).toHaveCount(0);
  // A check-in still works while away, and nothing comes due.
  await popup.getByRole('button', { name: /^4 / }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Saved: 4 Good' })).toBeVisible();
  expect(await badgeText(worker)).toBe('');
  expect(await promptAlarms(worker)).toBe(1);

  await page.getByRole('button', { name: 'Remove away range 1' }).click();
  await expect(page.getByRole('button', { name: 'Add an away range' })).toBeFocused();
  await save(page);
  await expect(reminders.getByRole('status')).not.toHaveText(/away/);
});

pwaTest.describe('the week plan editor', () => {
  pwaTest.use({ viewport: { width: 390, height: 844 } });

  pwaTest('works by keyboard, fits 390 px at large text, and is accessible in light and dark', async ({ page, server }) => {
    await page.goto(server.url);
    await openView(page, 'Settings');
    await expect(windowStart(page, 'Monday')).toBeVisible();

    // Keyboard: adding a window puts focus in its start time; removing it returns focus to "Add".
    await page.getByRole('button', { name: 'Add a window on Tuesday' }).focus();
    await page.keyboard.press('Enter');
    await expect(windowStart(page, 'Tuesday', 2)).toBeFocused();
    await page.getByRole('button', { name: 'Remove Tuesday, window 2' }).focus();
    await page.keyboard.press('Enter');
    await expect(windowStart(page, 'Tuesday', 2)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add a window on Tuesday' })).toBeFocused();

    // Copy Monday to all weekdays: Tuesday to Friday, the weekend left alone.
    await windowStart(page, 'Monday').fill('07:00');
    await windowEnd(page, 'Monday').fill('11:00');
    await page.getByRole('button', { name: 'Add a window on Monday' }).click();
    await windowStart(page, 'Monday', 2).fill('22:00');
    await windowEnd(page, 'Monday', 2).fill('06:00');
    await page.getByLabel('Monday, window 2: ends the next day', { exact: true }).check();
    await page.getByRole('button', { name: 'Copy Monday to all weekdays' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Monday’s times are copied to Tuesday to Friday.' })).toBeVisible();
    for (const day of ['Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      await expect(windowStart(page, day, 2)).toHaveValue('22:00');
      await expect(page.getByLabel(`${day}, window 2: ends the next day`, { exact: true })).toBeChecked();
    }
    await expect(windowStart(page, 'Saturday')).toHaveCount(0);
    await expect(windowStart(page, 'Sunday')).toHaveCount(0);

    // Monday night runs into Tuesday 06:00; a Tuesday window from 05:00 overlaps it, and says so.
    await windowStart(page, 'Tuesday').fill('05:00');
    await page.getByRole('button', { name: 'Add an away range' }).click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Monday’s window 10:00 PM – 06:00 AM and Tuesday’s window 05:00 AM – 11:00 AM overlap.' })).toBeVisible();
    await expect(windowStart(page, 'Tuesday')).toHaveAttribute('aria-invalid', 'true');

    /** The settings' elements that reach past the right edge of the screen (none: no sideways scrolling). */
    const overflowing = () =>
      page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll<HTMLElement>('form.settings *')]
          .filter((el) => el.checkVisibility() && el.getBoundingClientRect().right > width + 0.5)
          .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}: ${Math.round(el.getBoundingClientRect().right)}`);
      });
    expect(await overflowing()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await expectAccessible(page, 'week plan (light)', 'form.settings');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'week plan (dark)', 'form.settings');

    // The browser's text size at 32px (the root size every rem follows; set through the CSSOM, which
    // the page's style-src policy allows): still no sideways scrolling.
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '32px', 'important'));
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    expect(await overflowing()).toEqual([]);

    await windowStart(page, 'Tuesday').fill('07:00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    // The web app says it too, where it shows reminders.
    await openView(page, 'Check in');
    await expect(page.getByRole('region', { name: 'Reminders' }).getByText(/^You’re away until /)).toBeVisible();
  });
});
