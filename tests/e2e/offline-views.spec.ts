import { expect, type Page } from '@playwright/test';
import { openView } from './browser';
import { pwaTest as test } from './fixtures';

// Every view but the check-in loads when it is opened (components/app/Dashboard.tsx); the service
// worker precaches them all, so after the first visit each one opens with no network at all.

async function controlledBy(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
}

const VIEWS: [view: string, heading: string][] = [
  ['Reflections', 'Reflections'],
  ['My plan', 'My recovery plan'],
  ['Insights', 'Insights'],
  ['Mentor links', 'Mentor links'],
  ['Settings', 'Your data'],
];

test('after the first visit every view opens offline, each loaded only when opened', async ({ page, context, server }) => {
  await page.goto(server.url);
  await controlledBy(page);
  await expect(page.getByText(/^\d+-day streak$/)).toBeVisible();

  server.server.closeAllConnections();
  await new Promise((done) => server.server.close(done));
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tandem', level: 1 })).toBeVisible();
  // Nothing of the other views is there before they are opened.
  await expect(page.getByRole('heading', { name: 'My recovery plan' })).toHaveCount(0);
  for (const [view, heading] of VIEWS) {
    await openView(page, view);
    await expect(page.getByRole('heading', { name: heading, exact: true }).first()).toBeVisible();
  }
  // And the crisis sheet, from the last of them.
  await page.getByRole('button', { name: 'Crisis sheet' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
});
