import { chromium, expect, test } from '@playwright/test';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, chromiumPath, extensionWorker, launchWithExtension, openView, PWA_DIR } from './browser';
import { expectAccessible } from './fixtures';

// Accessibility is part of correctness: axe-core's WCAG 2 A/AA rules (names, roles,
// contrast) on every screen, in light and dark mode, before and after a check-in.

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the PWA passes axe in ${colorScheme} mode`, async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
    const running = await serve(PWA_DIR, { port: 0 });
    try {
      const page = await (await browser.newContext({ colorScheme })).newPage();
      await page.goto(running.url);
      await expect(page.getByText('0-day streak')).toBeVisible();
      await expectAccessible(page, 'empty');
      await page.getByRole('button', { name: /^3 / }).click();
      await page.getByRole('textbox', { name: 'Micro-win' }).fill('Made a phone call');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Hungry' }).click();
      await expectAccessible(page, 'after check-in');
      await openView(page, 'Settings');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect(page.getByText('Settings saved.')).toBeVisible();
      await expectAccessible(page, 'settings');
      await openView(page, 'Check in');
      await page.getByRole('list', { name: 'Recent check-ins' }).getByRole('button', { name: /^Edit/ }).click();
      await expectAccessible(page, 'editing');
    } finally {
      await browser.close();
      running.server.closeAllConnections();
      await new Promise((done) => running.server.close(done));
    }
  });

  test(`the extension popup and dashboard pass axe in ${colorScheme} mode`, async () => {
    const { context, close } = await launchWithExtension();
    try {
      const id = new URL((await extensionWorker(context)).url()).host;
      const popup = await context.newPage();
      await popup.emulateMedia({ colorScheme });
      await popup.goto(`chrome-extension://${id}/popup.html`);
      await expect(popup.getByText('0-day streak')).toBeVisible();
      await expectAccessible(popup, 'popup');
      await popup.keyboard.press('5');
      await expect(popup.getByRole('textbox', { name: 'Micro-win' })).toBeFocused();
      await expectAccessible(popup, 'popup after check-in');

      const dashboard = await context.newPage();
      await dashboard.emulateMedia({ colorScheme });
      await dashboard.goto(`chrome-extension://${id}/dashboard.html`);
      await expect(dashboard.getByText('1-day streak')).toBeVisible();
      await expectAccessible(dashboard, 'dashboard');
    } finally {
      await close();
    }
  });
}
