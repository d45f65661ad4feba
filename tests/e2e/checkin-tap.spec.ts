import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { extensionWorker, launchWithExtension, openView } from './browser';
import { expectAccessible, pwaTest } from './fixtures';

// One tap, one check-in: the chosen mood shows as chosen, a second mood soon after changes that
// check-in instead of adding another, and Undo steps back. On a touch screen the page says "tap"
// and leaves the phone's keyboard down.

const extensionTest = base.extend<{ context: BrowserContext; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension();
    await use(context);
    await close();
  },
  extensionId: async ({ context }, use) => use(new URL((await extensionWorker(context)).url()).host),
});

async function openPopup(context: BrowserContext, extensionId: string, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByRole('heading', { name: 'How are you right now?' })).toBeVisible();
  return page;
}

const mood = (page: Page, digit: number) => page.getByRole('group', { name: 'Mood' }).getByRole('button', { name: new RegExp(`^${digit} `) });

async function pressedMoods(page: Page): Promise<string[]> {
  const group = page.getByRole('group', { name: 'Mood' });
  return group.locator('button[aria-pressed="true"]').evaluateAll((buttons) => buttons.map((b) => b.textContent ?? ''));
}

extensionTest('in the popup, 4 then 2 is one check-in with mood 2; Undo brings back 4, then removes the check-in', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId);
  const today = popup.getByRole('list', { name: 'Today’s check-ins' });
  // Before any choice every mood is a toggle that is not pressed.
  for (const digit of [1, 2, 3, 4, 5]) await expect(mood(popup, digit)).toHaveAttribute('aria-pressed', 'false');

  await mood(popup, 4).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Saved: 4 Good' })).toBeVisible();
  await expect(mood(popup, 4)).toHaveAttribute('aria-pressed', 'true');
  expect(await pressedMoods(popup)).toEqual(['4 Good']);
  await expect(popup.getByRole('button', { name: 'Undo this check-in' })).toBeVisible();
  // The chosen mood is marked by more than its colour: a ring around it.
  expect(await mood(popup, 4).evaluate((b) => getComputedStyle(b).boxShadow)).not.toBe('none');
  expect(await mood(popup, 3).evaluate((b) => getComputedStyle(b).boxShadow)).toBe('none');

  await mood(popup, 2).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Changed to 2 Low. Still one check-in' })).toBeVisible();
  expect(await pressedMoods(popup)).toEqual(['2 Low']);
  await expect(today.getByRole('listitem')).toHaveCount(1);
  await expect(today).toContainText('2 Low');
  await expectAccessible(popup, 'popup after a change (light)');

  await popup.getByRole('button', { name: 'Undo, back to 4 Good' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Undone: back to 4 Good.' })).toBeVisible();
  expect(await pressedMoods(popup)).toEqual(['4 Good']);
  await expect(today.getByRole('listitem')).toHaveCount(1);
  await expect(today).toContainText('4 Good');
  await expect(popup.getByText('1-day streak')).toBeVisible();

  // One more step back: the check-in made by the first tap goes, and the moods are free again.
  await popup.getByRole('button', { name: 'Undo this check-in' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Check-in undone.' })).toBeVisible();
  await expect(popup.getByText('No check-ins yet today.')).toBeVisible();
  expect(await pressedMoods(popup)).toEqual([]);
  await expect(popup.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
  await expect(mood(popup, 4)).toBeFocused();
  await expect(popup.getByRole('textbox', { name: 'Micro-win' })).toHaveCount(0);

  // A fresh popup agrees: nothing was kept.
  await popup.close();
  const again = await openPopup(context, extensionId, 'dark');
  await expect(again.getByText('No check-ins yet today.')).toBeVisible();
  await again.keyboard.press('5');
  await expect(again.getByRole('status').filter({ hasText: 'Saved: 5 Very good' })).toBeVisible();
  await expect(again.getByRole('textbox', { name: 'Micro-win' })).toBeFocused();
  await expectAccessible(again, 'popup after a check-in (dark)');
});

extensionTest('a micro-win and HALT tags stay with the check-in when its mood changes', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await mood(popup, 3).click();
  await popup.getByRole('textbox', { name: 'Micro-win' }).fill('Walked home');
  await popup.getByRole('button', { name: 'Save micro-win' }).click();
  await expect(popup.getByText('Micro-win saved. Nice.')).toBeVisible();
  await popup.getByRole('button', { name: 'Tired' }).click();
  await expect(popup.getByRole('button', { name: 'Tired' })).toHaveAttribute('aria-pressed', 'true');
  await mood(popup, 1).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Changed to 1 Very low' })).toBeVisible();
  const today = popup.getByRole('list', { name: 'Today’s check-ins' });
  await expect(today.getByRole('listitem')).toHaveCount(1);
  await expect(today).toContainText('1 Very low');
  await expect(today).toContainText('Tired');
  await expect(today).toContainText('Walked home');
});

extensionTest('the popup closed and opened again within two minutes shows the mood chosen, and a new one changes it', async ({
  context,
  extensionId,
}) => {
  const first = await openPopup(context, extensionId);
  await mood(first, 4).click();
  await expect(first.getByRole('status').filter({ hasText: 'Saved: 4 Good' })).toBeVisible();
  await first.close();

  const popup = await openPopup(context, extensionId);
  await expect(mood(popup, 4)).toHaveAttribute('aria-pressed', 'true');
  // The micro-win and HALT tags are there to finish, without taking the focus.
  await expect(popup.getByRole('button', { name: 'Lonely' })).toBeVisible();
  await expect(popup.getByRole('textbox', { name: 'Micro-win' })).not.toBeFocused();
  await popup.keyboard.press('2');
  await expect(popup.getByRole('status').filter({ hasText: 'Changed to 2 Low' })).toBeVisible();
  const today = popup.getByRole('list', { name: 'Today’s check-ins' });
  await expect(today.getByRole('listitem')).toHaveCount(1);
  await expect(today).toContainText('2 Low');
  await popup.getByRole('button', { name: 'Undo, back to 4 Good' }).click();
  await expect(today).toContainText('4 Good');
  await expect(today.getByRole('listitem')).toHaveCount(1);
});

const test = pwaTest;

test('after two minutes a new mood is a new check-in', async ({ page, server }) => {
  const start = new Date('2026-03-10T10:00:00Z');
  await page.clock.setSystemTime(start);
  await page.goto(server.url);
  await openView(page, 'Check in');
  await mood(page, 4).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 4 Good' })).toBeVisible();
  // Two minutes and a second after the check-in itself: the page's clock ran on from `start`
  // while it loaded, by however long that took on a busy machine.
  const checkedInAt = await page.evaluate(() => Date.now());
  await page.clock.setSystemTime(new Date(checkedInAt + 2 * 60_000 + 1_000));
  await mood(page, 2).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 2 Low' })).toBeVisible();
  expect(await pressedMoods(page)).toEqual(['2 Low']);
  await expect(page.getByRole('list', { name: 'Recent check-ins' }).getByRole('listitem')).toHaveCount(2);
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the page says tap, names no keys and leaves the keyboard down (${scheme})`, async ({ page, server }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.url);
      expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches && !matchMedia('(any-pointer: fine)').matches)).toBe(true);
      const panel = page.getByRole('region', { name: 'How are you right now?' });
      await expect(panel.getByText('Tap the one closest to how you feel.')).toBeVisible();
      await expect(panel).not.toContainText('press a key');

      await mood(page, 4).tap();
      await expect(page.getByRole('status').filter({ hasText: 'Saved: 4 Good' })).toBeVisible();
      const win = page.getByRole('textbox', { name: 'Micro-win' });
      await expect(win).toBeVisible();
      await expect(win).not.toBeFocused();
      expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('INPUT');
      await expect(panel).not.toContainText('Press Enter');
      await expect(panel.getByText('Optional: one small thing that went well.')).toBeVisible();

      // A second tap changes the same check-in; the HALT buttons are there to tap, no keyboard over them.
      await mood(page, 2).tap();
      await expect(page.getByRole('status').filter({ hasText: 'Changed to 2 Low' })).toBeVisible();
      await expect(win).not.toBeFocused();
      const lonely = panel.getByRole('button', { name: 'Lonely' });
      await lonely.tap();
      await expect(lonely).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByRole('list', { name: 'Recent check-ins' }).getByRole('listitem')).toHaveCount(1);
      await expectAccessible(page, `touch check-in (${scheme})`);

      await page.getByRole('button', { name: 'Undo, back to 4 Good' }).tap();
      await expect(page.getByRole('status').filter({ hasText: 'Undone: back to 4 Good.' })).toBeVisible();
      expect(await pressedMoods(page)).toEqual(['4 Good']);
    });
  }
});
