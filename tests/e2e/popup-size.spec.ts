import { expect, test as base, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { extensionWorker, launchWithExtension } from './browser';

// The browser caps a toolbar popup at 600 px tall (and 800 wide): whatever is taller scrolls.
// The check-in path (the moods, then the micro-win and HALT that follow a check-in, and the
// streak) must fit that without scrolling. The popup page is opened at the popup's size.

const POPUP = { width: 400, height: 600 };

const test = base.extend<{ context: BrowserContext; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension();
    await use(context);
    await close();
  },
  extensionId: async ({ context }, use) => use(new URL((await extensionWorker(context)).url()).host),
});

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(POPUP);
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByRole('heading', { name: 'How are you right now?' })).toBeVisible();
  return page;
}

/** How far below the popup's 600 px the bottom of `locator` is (≤ 0: it fits). */
async function overflow(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not rendered');
  return Math.ceil(box.y + box.height - POPUP.height);
}

for (const digit of [3, 1]) {
  test(`after a check-in (mood ${digit}) the moods, micro-win, HALT and streak fit 600 px without scrolling`, async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    await popup.getByRole('group', { name: 'Mood' }).getByRole('button', { name: new RegExp(`^${digit} `) }).click();
    await expect(popup.getByText(/^Saved:/)).toBeVisible();
    await expect(popup.getByText('1-day streak')).toBeVisible();
    const path = {
      moods: popup.getByRole('group', { name: 'Mood' }),
      'micro-win': popup.getByRole('button', { name: 'Save micro-win' }),
      HALT: popup.getByRole('group', { name: /Anything pulling/ }),
      streak: popup.getByText('You showed up today.'),
    };
    const over: Record<string, number> = {};
    for (const [name, locator] of Object.entries(path)) over[name] = await overflow(locator);
    // Reported with the distances, so a change that pushes the path down says by how much.
    expect(Object.entries(over).filter(([, px]) => px > 0), `pixels below the 600 px popup: ${JSON.stringify(over)}`).toEqual([]);
    // Nothing of the path scrolled into view: the page is where it opened.
    expect(await popup.evaluate(() => window.scrollY)).toBe(0);
  });
}
