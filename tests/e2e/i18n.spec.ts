import { expect, type Page } from '@playwright/test';
import { openView } from './browser';
import { pwaTest as test } from './fixtures';

// Every word on every screen comes from the catalogue. In the pseudo-locale each catalogue text
// is fenced in ⟦ ⟧, so a text node (or an accessible name) with letters and no fence was typed
// into a component: it would stay English for a Spanish speaker.

/** Chooses the language on this device the way Settings keeps it (idb-keyval's store), then reloads. */
async function chooseLanguage(page: Page, code: string) {
  await page.evaluate(
    (value) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('tandem-settings');
        open.onupgradeneeded = () => open.result.createObjectStore('values');
        open.onsuccess = () => {
          const tx = open.result.transaction('values', 'readwrite');
          tx.objectStore('values').put(value, 'language');
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
    code,
  );
  await page.reload();
}

/** Texts and accessible names with letters that did not come from the catalogue. */
function unfenced(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const letters = /\p{L}/u;
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !letters.test(text) || parent?.closest('script, style, [data-user-text]')) continue;
      if (!text.includes('⟦')) bad.push(`text: ${text.slice(0, 80)}`);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-roledescription]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const value = el.getAttribute(name);
        if (value && letters.test(value) && !value.includes('⟦')) bad.push(`${name}: ${value.slice(0, 80)}`);
      }
    }
    if (letters.test(document.title) && !document.title.includes('⟦')) bad.push(`title: ${document.title}`);
    return bad;
  });
}

test('in the pseudo-locale every text on every screen comes from the catalogue', async ({ page, server }) => {
  await page.goto(server.url);
  await chooseLanguage(page, 'pseudo');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const seen: Record<string, string[]> = {};
  const check = async (screen: string) => {
    // Let the live queries settle before reading the page.
    await page.waitForTimeout(300);
    const bad = await unfenced(page);
    if (bad.length > 0) seen[screen] = bad;
  };

  // A check-in by key, so the day's list, the streak and the micro-win form show.
  await page.keyboard.press('3');
  await check('check in');
  const views = await page.getByRole('navigation').getByRole('button').all();
  expect(views.length).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < views.length; i++) {
    await page.getByRole('navigation').getByRole('button').nth(i).click();
    await check(`view ${i + 1}`);
    if (i === 0) {
      // The hard-moment sheets and the crisis sheet open from here.
      for (const index of [0, 1]) {
        await page.locator('.reflect-buttons button, .reflect-actions button').nth(index).click().catch(() => undefined);
        await check(`reflection sheet ${index + 1}`);
        await page.keyboard.press('Escape');
      }
    }
  }
  await page.locator('header button').first().click();
  await check('crisis sheet');
  await page.keyboard.press('Escape');
  expect(seen).toEqual({});
});

test('the web app follows the browser’s language, and Settings can choose another one', async ({ pwaBrowser, server }) => {
  const context = await pwaBrowser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  await page.goto(server.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await openView(page, 'Ajustes');
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption({ label: 'English' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await context.close();
});
