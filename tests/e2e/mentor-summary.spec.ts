import { expect, type Page } from '@playwright/test';
import { extensionWorker, launchWithExtension, openView } from './browser';
import { expectAccessible, pwaTest } from './fixtures';

// Issue 11, the mentor's side: a link made in the extension (whose default app address is the
// local http://127.0.0.1:4173/) says a mentor's phone can't open it and offers to set the web
// app's address, and still creates; the mentor's page opens with a summary; an insights
// pattern's action opens the plan on its situation.

const CONFIGURED_APP_URL = 'http://127.0.0.1:4173/';
const test = pwaTest;

/** A check-in with mood 4, then a hard moment got through, pulled by Tired. */
async function checkInAndGetThrough(page: Page) {
  await openView(page, 'Check in');
  await page.getByRole('button', { name: /^4 / }).click();
  await expect(page.getByRole('textbox', { name: 'Micro-win' })).toBeVisible();
  await page.getByRole('button', { name: 'I got through a hard moment' }).click();
  const sheet = page.getByRole('dialog', { name: 'I got through a hard moment' });
  await sheet.getByRole('button', { name: 'Tired' }).click();
  await sheet.getByRole('button', { name: 'Save reflection' }).click();
  await sheet.getByRole('button', { name: 'Done' }).click();
  await expect(sheet).toBeHidden();
}

async function fillNames(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Share with mentor' });
  await dialog.getByRole('textbox', { name: 'Your name, as your mentor will see it' }).fill('Sam');
  await dialog.getByRole('textbox', { name: /Your mentor’s name/ }).fill('Alex');
  await dialog.getByRole('checkbox', { name: /near misses and setbacks/ }).check();
  return dialog;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a link made in the extension warns that a phone can't open it, offers the web app's address, and still creates; the mentor's page opens with a summary (${colorScheme})`, async ({
    pwaBrowser,
    server,
  }) => {
    const { context, close } = await launchWithExtension();
    let local: string;
    let deployed: string;
    try {
      const id = new URL((await extensionWorker(context)).url()).host;
      const dashboard = await context.newPage();
      await dashboard.emulateMedia({ colorScheme });
      await dashboard.goto(`chrome-extension://${id}/dashboard.html`);
      await checkInAndGetThrough(dashboard);
      await openView(dashboard, 'Mentor links');
      await dashboard.getByRole('button', { name: 'Share with mentor' }).click();
      const dialog = await fillNames(dashboard);

      // The warning, with the address it would point to.
      const warning = dialog.getByRole('region', { name: 'Your mentor’s phone can’t open this link' });
      await expect(warning).toContainText('127.0.0.1:4173');
      await expect(warning).toContainText('You can still create the link');
      // The preview opens with the same summary the mentor will see.
      await expect(dialog.getByRole('region', { name: /Preview/ }).getByRole('region', { name: 'At a glance' })).toContainText(
        'What pulled most often: Tired (once).',
      );
      await expectAccessible(dashboard, `share dialog with the address warning (${colorScheme})`);

      // Create link still works, pointing at the local address.
      await dialog.getByRole('button', { name: 'Create link' }).click();
      await expect(dialog.getByRole('heading', { name: 'Your link is ready' })).toBeFocused({ timeout: 20_000 });
      local = await dialog.getByRole('textbox', { name: 'Link for your mentor' }).inputValue();
      expect(local.startsWith(`${CONFIGURED_APP_URL}viewer.html#`)).toBe(true);
      await dialog.getByRole('button', { name: 'Make another link' }).click();

      // Setting the address: refused when a phone can't use it, then saved; Enter saves, it does not create.
      await warning.getByRole('button', { name: 'Set the web app’s address' }).click();
      const address = warning.getByRole('textbox', { name: 'Address of Tandem’s web app' });
      await expect(address).toBeFocused();
      await address.fill('http://tandem.example/app/');
      await warning.getByRole('button', { name: 'Save the address' }).click();
      await expect(warning.getByRole('alert')).toHaveText('Type the web app’s address, starting with https:// (or http://localhost).');
      await expect(address).toHaveAttribute('aria-invalid', 'true');
      await expectAccessible(dashboard, `share dialog, address refused (${colorScheme})`);
      await address.fill('https://tandem.example/app/');
      await address.press('Enter');
      await expect(dialog.getByRole('status').filter({ hasText: 'Saved. Links now point to tandem.example.' })).toBeVisible();
      await expect(warning).toBeHidden();
      await expect(dialog.getByRole('heading', { name: 'Your link is ready' })).toHaveCount(0);
      await expect(dialog.getByRole('button', { name: 'Create link' })).toBeFocused();

      // This one without the reflection texts.
      await dialog.getByRole('checkbox', { name: /near misses and setbacks/ }).uncheck();
      // The preview follows (a create before it would be refused, as the dialog says).
      await expect(dialog.getByRole('region', { name: /Preview/ }).getByRole('region', { name: 'At a glance' })).not.toContainText('What pulled');
      await dialog.getByRole('button', { name: 'Create link' }).click();
      await expect(dialog.getByRole('heading', { name: 'Your link is ready' })).toBeFocused({ timeout: 20_000 });
      deployed = await dialog.getByRole('textbox', { name: 'Link for your mentor' }).inputValue();
      expect(deployed.startsWith('https://tandem.example/app/viewer.html#')).toBe(true);

      // The next time the dialog opens, the address is known: no warning.
      await dashboard.keyboard.press('Escape');
      await dashboard.getByRole('button', { name: 'Share with mentor' }).click();
      await expect(dashboard.getByRole('textbox', { name: /Your mentor’s name/ })).toHaveValue('Alex');
      await expect(dashboard.getByRole('region', { name: 'Your mentor’s phone can’t open this link' })).toHaveCount(0);
    } finally {
      await close();
    }

    // The mentor opens the link (moved onto the test server): the summary comes first.
    const mentor = await pwaBrowser.newContext({ colorScheme });
    const page = await mentor.newPage();
    await page.goto(`${server.url}viewer.html${new URL(local).hash}`);
    await expect(page.getByRole('heading', { name: 'Sam', level: 1 })).toBeVisible();
    const first = page.getByRole('region').first();
    await expect(first).toHaveAccessibleName('At a glance');
    const lines = first.getByRole('listitem');
    await expect(lines).toHaveText([
      /^Last check-in: \w{3}, \w{3} \d{1,2}, the day this link was made\.$/,
      'A streak of 1 day; the longest was 1 day.',
      'Mood in the last 7 days: 4 of 5.',
      'In these 30 days: 1 near miss (getting through a hard moment) and 0 setbacks.',
      'What pulled most often: Tired (once).',
    ]);
    // The lists come after it.
    await expect(page.getByRole('region').nth(1)).toHaveAccessibleName('Showing up');
    await expectAccessible(page, `viewer with the summary (${colorScheme})`);

    // Without the reflection texts, the summary says nothing about what pulled.
    const other = await mentor.newPage();
    await other.goto(`${server.url}viewer.html${new URL(deployed).hash}`);
    const summary = other.getByRole('region', { name: 'At a glance' });
    await expect(summary).toContainText('In these 30 days: 1 near miss (getting through a hard moment) and 0 setbacks.');
    await expect(summary).not.toContainText('What pulled');
    await expect(summary.getByRole('listitem')).toHaveCount(4);
    await mentor.close();
  });
}

test('the passphrase fields show and hide what was typed, by the same names as before', async ({ page, server }) => {
  await page.goto(server.url);
  await openView(page, 'Mentor links');
  await page.getByRole('button', { name: 'Share with mentor' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share with mentor' });
  const field = dialog.getByLabel('Passphrase (optional)');
  await field.fill('river lamp orange');
  await expect(field).toHaveAttribute('type', 'password');
  await dialog.getByRole('button', { name: 'Show passphrase' }).click();
  await expect(field).toHaveAttribute('type', 'text');
  await dialog.getByRole('button', { name: 'Hide passphrase' }).click();
  await expect(field).toHaveAttribute('type', 'password');
  await expectAccessible(page, 'share dialog passphrase');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`an insights pattern offers one action, which opens My plan on its situation (${colorScheme})`, async ({ pwaBrowser, server }) => {
    const context = await pwaBrowser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(`${server.url}#insights`);
    await page.getByRole('button', { name: 'Load demo data' }).click();
    const patterns = page.getByRole('region', { name: 'Patterns' });
    const tired = patterns.getByRole('listitem').filter({ hasText: 'Tired days are harder days for you.' });
    await expect(tired).toBeVisible();
    // The plain sentence first, then the numbers, then the action.
    await expect(tired).toContainText(/^Tired days are harder days for you\. On days tagged Tired your mood averages \d\.\d, against \d\.\d otherwise \(\d+ vs \d+ days\)\./);
    await expect(patterns).not.toContainText(/\b1 (days|check-ins|times)\b/);
    await expectAccessible(page, `insights with actions (${colorScheme})`);
    // The demo plan already has steps for Tired: the action opens them rather than a duplicate.
    await expect(tired.getByRole('button')).toHaveText('See my steps for Tired');
    // A pattern where no action fits offers none.
    const better = patterns.getByRole('listitem').filter({ hasText: /tend to go better for you|holds up even on days/ });
    for (const item of await better.all()) await expect(item.getByRole('button')).toHaveCount(0);
    // A situation the plan doesn't have yet: a new one, prefilled.
    const add = patterns.getByRole('button', { name: /^Add steps for / }).first();
    const situation = (await add.textContent())!.replace('Add steps for ', '');
    await add.click();
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'My plan' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('form', { name: 'Add to my plan' }).getByRole('textbox', { name: 'High-risk situation' })).toHaveValue(situation);
    await context.close();
  });
}
