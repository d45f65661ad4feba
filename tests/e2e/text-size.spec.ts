import { chromium, expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath, EXTENSION_DIR, extensionWorker, openView } from './browser';
import { expectAccessible, pwaTest } from './fixtures';

// Text size: the pages follow the browser's font-size setting. Chromium is started with its own
// "Font size" preference at 32px (Settings › Appearance › Font size, stored in the profile as
// webkit.webprefs.default_font_size), exactly as a person who needs large text would set it.
// And tables keep their words whole on a phone.

const LARGE = 32;

const largeText = base.extend<{ context: BrowserContext; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('The extension is not built: run `npm run build` first.');
    const userDataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-font-'));
    mkdirSync(join(userDataDir, 'Default'));
    writeFileSync(
      join(userDataDir, 'Default', 'Preferences'),
      JSON.stringify({ webkit: { webprefs: { default_font_size: LARGE } } }),
    );
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
    });
    await use(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },
  extensionId: async ({ context }, use) => use(new URL((await extensionWorker(context)).url()).host),
});

const rootFontSize = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

/** Visible body text (paragraphs, list items, labels, legends) smaller than `min` px: none, we expect. */
function smallBodyText(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('p, li, label, legend, dd, dt')) {
      if (!el.textContent?.trim() || !el.checkVisibility() || el.closest('.visually-hidden')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < min) out.push(`${el.textContent.trim().slice(0, 40)}: ${size}px`);
    }
    return out;
  }, min);
}

/**
 * Every pair of visible text fragments in `selector` whose boxes overlap, and every fragment that
 * sticks out of the button it is in. A fragment is one line of one text node.
 */
function overlappingText(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) return [`${selector} not found`];
    const boxes: { text: string; r: DOMRect }[] = [];
    const problems: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent || !parent.checkVisibility() || parent.closest('.visually-hidden')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const button = parent.closest('button');
      const frame = button?.getBoundingClientRect();
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue;
        boxes.push({ text, r });
        if (frame && (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1)) {
          problems.push(`"${text}" sticks out of its button`);
        }
      }
    }
    const tolerance = 1;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > tolerance && y > tolerance) problems.push(`"${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`);
      }
    }
    return problems;
  }, selector);
}

const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

largeText('at a 32px default font the popup and the dashboard grow with it, nothing overlaps, and a key still checks in', async ({
  context,
  extensionId,
}) => {
  for (const scheme of ['light', 'dark'] as const) {
    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByRole('heading', { name: 'How are you right now?' })).toBeVisible();
    expect(await rootFontSize(popup)).toBe(`${LARGE}px`);
    const hint = popup.getByText('Pick one, or press a key from 1 to 5.');
    expect(parseFloat(await hint.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(28);
    // The popup itself widens with the text (up to what a browser popup allows).
    expect(await popup.locator('main.popup').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(600);

    await popup.keyboard.press(scheme === 'light' ? '3' : '4');
    await expect(popup.getByRole('status').filter({ hasText: scheme === 'light' ? 'Saved: 3 Okay' : 'Changed to 4 Good' })).toBeVisible();
    await expect(popup.getByRole('textbox', { name: 'Micro-win' })).toBeFocused();
    await expect(popup.getByRole('button', { name: 'Tired' })).toBeVisible();
    expect(await smallBodyText(popup, 28)).toEqual([]);
    expect(await overlappingText(popup, 'section.checkin')).toEqual([]);
    expect(await overlappingText(popup, 'main.popup')).toEqual([]);
    expect(await noSideways(popup)).toBe(true);
    // Buttons stay tall enough to hit: 2.75rem.
    expect((await popup.getByRole('button', { name: 'Tired' }).boundingBox())!.height).toBeGreaterThanOrEqual(2.75 * LARGE - 1);
    await expectAccessible(popup, `popup at ${LARGE}px (${scheme})`);
    await popup.close();
  }

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(dashboard.getByRole('heading', { name: 'How are you right now?' })).toBeVisible();
  expect(await rootFontSize(dashboard)).toBe(`${LARGE}px`);
  await expect(dashboard.getByRole('list', { name: 'Recent check-ins' }).getByRole('listitem')).toHaveCount(1);
  expect(await smallBodyText(dashboard, 28)).toEqual([]);
  expect(await overlappingText(dashboard, 'section.checkin')).toEqual([]);
  expect(await noSideways(dashboard)).toBe(true);
  await openView(dashboard, 'Insights');
  expect(await smallBodyText(dashboard, 28)).toEqual([]);
  expect(await noSideways(dashboard)).toBe(true);
});

const test = pwaTest;

/**
 * For every table header cell: its words that are split over two lines, or that stick out of it.
 * A line may end at a space, or after a hyphen the text itself has ("Check-" / "ins"), as in print;
 * never inside a word ("Trigge" / "r").
 */
function brokenHeaders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const th of document.querySelectorAll<HTMLTableCellElement>('table th')) {
      if (!th.checkVisibility()) continue;
      if (th.scrollWidth > th.clientWidth + 1) out.push(`"${th.textContent}" is wider than its cell`);
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? '').matchAll(/[^\s-]+-?/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          // One line: every fragment of the word on the same line (the same top, give or take).
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push(`"${word[0]}" in "${th.textContent}" is broken over ${tops.size} lines`);
        }
      }
    }
    return out;
  });
}

test.describe('on a 390px touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the header with the crisis sheet stays in view while the page scrolls', async ({ pwaBrowser, server }) => {
    const context = await pwaBrowser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}#insights`);
      await page.getByRole('button', { name: 'Load demo data' }).tap();
      await expect(page.getByText('Show as a table', { exact: true }).first()).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
      const crisis = page.getByRole('button', { name: 'Crisis sheet' });
      await expect(crisis).toBeInViewport();
      await crisis.tap();
      await expect(page.getByRole('dialog', { name: 'Crisis sheet' })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  for (const locale of ['en-GB', 'es-ES'] as const) {
    test(`no table header breaks inside a word (${locale})`, async ({ pwaBrowser, server }) => {
      const context = await pwaBrowser.newContext({ locale, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}#insights`);
        const en = locale === 'en-GB';
        await page.getByRole('button', { name: en ? 'Load demo data' : 'Cargar datos de ejemplo' }).tap();
        const show = page.getByText(en ? 'Show as a table' : 'Ver como tabla', { exact: true });
        await expect(show.first()).toBeVisible();
        for (let i = 0; i < (await show.count()); i++) await show.nth(i).tap();
        await expect(page.locator('table').first()).toBeVisible();
        expect(await page.locator('table th[scope="col"]').count()).toBeGreaterThan(8);
        expect(await brokenHeaders(page)).toEqual([]);
        // The page never scrolls sideways: a table wider than the screen scrolls in its own figure,
        // a region named by its heading that the keyboard can reach.
        expect(await noSideways(page)).toBe(true);
        const wide = await page.locator('table').evaluateAll((tables) =>
          tables
            .filter((t) => t.getBoundingClientRect().width > document.documentElement.clientWidth)
            .map((t) => {
              const figure = t.closest('section.figure') as HTMLElement | null;
              return {
                named: figure?.getAttribute('aria-labelledby') ? document.getElementById(figure.getAttribute('aria-labelledby')!)?.textContent : null,
                scrolls: figure !== null && getComputedStyle(figure).overflowX === 'auto' && figure.scrollWidth > figure.clientWidth,
              };
            }),
        );
        for (const figure of wide) expect(figure).toMatchObject({ named: expect.any(String), scrolls: true });
        if (wide.length > 0) {
          const region = page.getByRole('region', { name: wide[0]!.named! });
          await region.focus();
          await page.keyboard.press('ArrowRight');
          await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
        }
        await expectAccessible(page, `insights tables at 390px (${locale})`);
      } finally {
        await context.close();
      }
    });
  }
});
