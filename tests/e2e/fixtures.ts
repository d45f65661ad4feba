import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test as base, type Browser, type Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, chromiumPath, PWA_DIR } from './browser';

// What the end-to-end specs share: the built PWA served as static files to a plain browser
// (one per worker, a fresh context per test), and the accessibility check.

export const pwaTest = base.extend<{ server: { url: string; server: Server } }, { pwaBrowser: Browser }>({
  pwaBrowser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (!existsSync(join(PWA_DIR, 'index.html'))) throw new Error('The PWA is not built: run `npm run build` first.');
      const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const running = await serve(PWA_DIR, { port: 0 });
    await use(running);
    running.server.closeAllConnections();
    await new Promise((done) => running.server.close(done));
  },
  context: async ({ pwaBrowser }, use) => {
    const context = await pwaBrowser.newContext();
    await use(context);
    await context.close();
  },
});

/** axe-core's WCAG 2 A/AA rules on the page (or the part matching `include`): no violations. */
export async function expectAccessible(page: Page, label: string, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  expect(violations.map((v) => `${label}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Serves a copy of the built web app while `use` runs, so a test can deploy a new version over it. */
export async function withDeployedCopy(use: (site: { dir: string; url: string }) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-site-'));
  cpSync(PWA_DIR, dir, { recursive: true });
  const running = await serve(dir, { port: 0 });
  try {
    await use({ dir, url: running.url });
  } finally {
    running.server.closeAllConnections();
    await new Promise((done) => running.server.close(done));
    rmSync(dir, { recursive: true, force: true });
  }
}
