import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { extensionWorker, launchWithExtension, openView } from './browser';
import { expectAccessible, pwaTest } from './fixtures';

// Reflections, the recovery plan, the crisis sheet and insights, used the way a person
// would: in the real extension's popup and dashboard, and in the served PWA.

async function addPlanEntry(page: Page, trigger: string, steps: string[]) {
  const form = page.getByRole('form', { name: 'Add to my plan' });
  await form.getByRole('textbox', { name: 'High-risk situation' }).fill(trigger);
  for (let i = 0; i < steps.length; i++) {
    if (i > 0) await form.getByRole('button', { name: 'Add a step' }).click();
    await form.getByRole('textbox', { name: `Step ${i + 1}` }).fill(steps[i]!);
  }
  await form.getByRole('button', { name: 'Add to my plan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added to your plan.' })).toBeVisible();
}

const extensionTest = base.extend<{ context: BrowserContext; extensionId: string }>({
    // eslint-disable-next-line no-empty-pattern
    context: async ({}, use) => {
      const { context, close } = await launchWithExtension();
      await use(context);
      await close();
    },
    extensionId: async ({ context }, use) => use(new URL((await extensionWorker(context)).url()).host),
  });

base.describe('in the extension', () => {
  const test = extensionTest;

  test('logs a near miss from the popup, sees its plan steps, then finds it in the dashboard and the insights', async ({ context, extensionId }) => {
    const dashboard = await context.newPage();
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await openView(dashboard, 'My plan');
    await addPlanEntry(dashboard, 'Payday', ['Leave the card at home', 'Text my mentor']);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'I got through a hard moment' }).click();
    const sheet = popup.getByRole('dialog', { name: 'I got through a hard moment' });
    await expect(sheet).toBeVisible();
    // Only what pulled is required; without it, a clear message and nothing saved.
    await sheet.getByRole('button', { name: 'Save reflection' }).click();
    await expect(sheet.getByRole('alert')).toHaveText(/Say what pulled at you/);

    await sheet.getByRole('button', { name: 'Payday' }).click();
    const plan = sheet.getByRole('group', { name: 'Your plan for “Payday”' });
    await expect(plan.getByRole('listitem')).toHaveText(['Leave the card at home (I used this)', 'Text my mentor (I used this)']);
    await plan.getByRole('checkbox', { name: /Text my mentor/ }).check();
    await sheet.getByRole('combobox', { name: 'How strong was the pull? (0 to 10)' }).selectOption('8');
    await sheet.getByRole('combobox', { name: 'How strong is it now? (0 to 10)' }).selectOption('3');
    await sheet.getByRole('textbox', { name: 'What helped?' }).fill('<b>Sam</b> picked up');
    await sheet.getByRole('button', { name: 'Save reflection' }).click();
    // Next steps are offered in the sheet; Done closes it.
    await sheet.getByRole('button', { name: 'Done' }).click();
    await expect(sheet).toBeHidden();
    await expect(popup.getByRole('status').filter({ hasText: 'That’s a win of its own.' })).toBeVisible();

    await openView(dashboard, 'Reflections');
    const list = dashboard.getByRole('list', { name: 'Reflections' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText('Got through a hard moment');
    await expect(list).toContainText('What pulled: Payday');
    await expect(list).toContainText('Pull: 8 → 3 of 10');
    await expect(list).toContainText('What helped: <b>Sam</b> picked up'); // as text, never as HTML

    // Editable, and deletable with undo.
    await list.getByRole('button', { name: /^Edit reflection/ }).click();
    const edit = dashboard.getByRole('dialog', { name: 'Edit reflection' });
    await edit.getByRole('combobox', { name: 'How strong is it now? (0 to 10)' }).selectOption('2');
    await edit.getByRole('button', { name: 'Save reflection' }).click();
    await expect(list).toContainText('Pull: 8 → 2 of 10');
    await list.getByRole('button', { name: /^Delete reflection/ }).click();
    await expect(list).toBeHidden();
    await dashboard.getByRole('button', { name: 'Undo' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(1);

    await openView(dashboard, 'Insights');
    await expect(dashboard.getByRole('table').filter({ hasText: 'Trigger' })).toContainText('Payday');
    const steps = dashboard.getByRole('region', { name: 'Which coping steps help' });
    await expect(steps.getByRole('row', { name: /Text my mentor/ })).toContainText('too few to compare (measured 1×)');
    await expect(dashboard.getByRole('region', { name: 'Patterns' })).toContainText('Not enough data for patterns');

    await openView(dashboard, 'Check in');
    await expect(dashboard.getByRole('region', { name: 'This week' })).toContainText('1 hard moment you got through.');
  });

  test('a setback leaves the streak exactly as it was, and the words stay warm', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.keyboard.press('4');
    await expect(popup.getByText('1-day streak')).toBeVisible();
    await popup.getByRole('button', { name: 'I had a setback' }).click();
    const sheet = popup.getByRole('dialog', { name: 'I had a setback' });
    await expect(sheet).toContainText('your streak is unchanged');
    // Keys typed in the sheet belong to it, never to the check-in behind it.
    await sheet.getByRole('textbox', { name: 'Something else' }).fill('An old friend called');
    await popup.keyboard.press('Enter');
    await popup.keyboard.press('2');
    await sheet.getByRole('combobox', { name: 'How strong was the pull? (0 to 10)' }).selectOption('10');
    await sheet.getByRole('button', { name: 'Save reflection' }).click();
    await sheet.getByRole('button', { name: 'Done' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'Thank you for being honest with yourself.' })).toBeVisible();
    await expect(popup.getByText('1-day streak')).toBeVisible();
    await expect(popup.getByRole('list', { name: 'Today’s check-ins' }).getByRole('listitem')).toHaveCount(1);
    const text = await popup.locator('body').innerText();
    expect(text).not.toMatch(/fail|reset|relapse/i);
  });

  test('opens the crisis sheet from the popup with the keyboard alone', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    // The page shows once its words are loaded; a person tabs through what they can see.
    await expect(popup.getByRole('heading', { name: 'How are you right now?' })).toBeVisible();
    await popup.keyboard.press('Tab');
    await expect(popup.getByRole('button', { name: 'Crisis sheet' })).toBeFocused();
    await popup.keyboard.press('Enter');
    const sheet = popup.getByRole('dialog', { name: 'Crisis sheet' });
    await expect(sheet).toBeVisible();
    await expect(sheet).toContainText('Tandem never fills in phone numbers for you.');
    await expect(sheet.getByRole('link')).toHaveCount(0);
    await popup.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(popup.getByRole('button', { name: 'Crisis sheet' })).toBeFocused();
  });
});

base.describe('in the PWA', () => {
  const test = pwaTest;

  test('keeps contacts with call and text links, refuses malformed numbers and empty steps', async ({ page, server }) => {
    await page.goto(`${server.url}#plan`);
    const contact = page.getByRole('form', { name: 'Add a contact' });
    await contact.getByRole('combobox', { name: 'Who is this?' }).selectOption('Mentor');
    await contact.getByRole('textbox', { name: 'Name' }).fill('Sam');
    await contact.getByRole('textbox', { name: 'Phone number' }).fill('call me');
    await contact.getByRole('button', { name: 'Add contact' }).click();
    await expect(contact.getByRole('alert')).toHaveText(/can’t dial/);
    await expect(page.getByRole('list', { name: 'Crisis contacts' }).getByRole('listitem')).toHaveCount(0);
    await contact.getByRole('textbox', { name: 'Phone number' }).fill('+44 20 7946 0958');
    await contact.getByRole('button', { name: 'Add contact' }).click();
    await expect(page.getByRole('list', { name: 'Crisis contacts' })).toContainText('Sam · Mentor · +44 20 7946 0958');

    const form = page.getByRole('form', { name: 'Add to my plan' });
    await form.getByRole('textbox', { name: 'High-risk situation' }).fill('Late shift');
    await form.getByRole('button', { name: 'Add to my plan' }).click();
    await expect(form.getByRole('alert')).toHaveText('A coping step can’t be empty.');
    await expect(page.getByRole('list', { name: 'Plan' }).getByRole('listitem')).toHaveCount(0);
    await addPlanEntry(page, 'Late shift', ['Eat before leaving', 'Call Sam on the way home']);
    await addPlanEntry(page, 'Payday', ['Leave the card at home']);
    await page.getByRole('button', { name: 'Move Payday up' }).click();
    await expect(page.getByRole('list', { name: 'Plan' }).locator('.plan-trigger')).toHaveText(['Payday', 'Late shift']);

    await page.getByRole('button', { name: 'Crisis sheet' }).click();
    const sheet = page.getByRole('dialog', { name: 'Crisis sheet' });
    await expect(sheet.getByRole('link', { name: 'Call Sam' })).toHaveAttribute('href', 'tel:+442079460958');
    await expect(sheet.getByRole('link', { name: 'Text Sam' })).toHaveAttribute('href', 'sms:+442079460958');
    await expect(sheet).toContainText('Call Sam on the way home');
  });

  test('the urge-surfing timer counts down calmly and ends by saving a hard moment got through', async ({ page, server }) => {
    await page.clock.install();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Crisis sheet' }).click();
    const sheet = page.getByRole('dialog', { name: 'Crisis sheet' });
    await sheet.getByText('More: other people, all my steps, other timer lengths').click();
    await sheet.getByRole('button', { name: '10 minutes' }).click();
    await sheet.getByRole('combobox', { name: 'How strong is the urge right now? (0 to 10)' }).selectOption('9');
    await sheet.getByRole('button', { name: 'Start the timer' }).click();
    await expect(sheet.getByRole('timer')).toHaveText('10:00');
    await page.clock.runFor(61_000);
    await expect(sheet.getByRole('timer')).toHaveText('8:59');
    await page.clock.runFor(10 * 60_000);
    await expect(sheet.getByText('How strong is the urge now?')).toBeVisible();
    await sheet.getByRole('button', { name: 'Save as a hard moment I got through' }).click();
    await expect(sheet.getByRole('alert')).toHaveText(/from 0 to 10/);
    await sheet.getByRole('combobox', { name: 'How strong is it now? (0 to 10)' }).selectOption('4');
    await sheet.getByRole('button', { name: 'Lonely' }).click();
    await sheet.getByRole('button', { name: 'Save as a hard moment I got through' }).click();
    await expect(sheet).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'That’s a win of its own.' })).toBeVisible();
    await openView(page, 'Reflections');
    const list = page.getByRole('list', { name: 'Reflections' });
    await expect(list).toContainText('Pull: 9 → 4 of 10');
    await expect(list).toContainText('Steps used: Urge surfing');
  });

  test('offers demo data only on an empty store, then shows charts, tables and patterns', async ({ page, server }) => {
    await page.goto(`${server.url}#insights`);
    await expect(page.getByRole('region', { name: 'Patterns' })).toContainText('Not enough data');
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await expect(page.getByRole('button', { name: 'Load demo data' })).toBeHidden();
    const patterns = page.getByRole('region', { name: 'Patterns' });
    await expect(patterns.getByRole('listitem').first()).toBeVisible();
    await expect(patterns).toContainText(/On days tagged Tired your mood averages \d\.\d, against \d\.\d otherwise \(\d+ vs \d+ days\)\./);
    const mood = page.getByRole('region', { name: 'Mood over time' });
    await expect(mood.getByRole('img', { name: 'Mood over time' }).locator('canvas')).toBeVisible();
    await expect(mood).toContainText(/Checked in on \d+ of 30 days/);
    await mood.getByText('Show as a table').click();
    await expect(mood.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await page.getByRole('button', { name: '1 year' }).click();
    await expect(mood).toContainText(/of 365 days/);
    // Charts follow the window's width.
    const wide = (await mood.locator('canvas').boundingBox())!.width;
    await page.setViewportSize({ width: 500, height: 900 });
    await expect.poll(async () => (await mood.locator('canvas').boundingBox())!.width).toBeLessThan(wide);
    await expect(page.getByRole('region', { name: 'Which coping steps help' }).getByRole('row')).not.toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Load demo data' })).toBeHidden();
  });

  test('HTML typed into every field stays text on every screen, also after a backup is restored elsewhere', async ({ pwaBrowser, page, server }) => {
    const evil = (what: string) => `<img src=x onerror="document.title='owned'">${what}`;
    await page.goto(`${server.url}#plan`);
    await addPlanEntry(page, evil('Payday'), [evil('Text Sam')]);
    const value = page.getByRole('form', { name: 'Add a value or goal' });
    await value.getByRole('textbox', { name: 'In your words' }).fill(evil('Honesty'));
    await value.getByRole('button', { name: 'Add' }).click();
    const contact = page.getByRole('form', { name: 'Add a contact' });
    await contact.getByRole('textbox', { name: 'Name' }).fill(evil('Sam'));
    await contact.getByRole('textbox', { name: 'Phone number' }).fill('0123 456');
    await contact.getByRole('textbox', { name: 'Note (optional)' }).fill(evil('evenings'));
    await contact.getByRole('button', { name: 'Add contact' }).click();
    await expect(page.getByRole('list', { name: 'Crisis contacts' }).getByRole('listitem')).toHaveCount(1);
    await openView(page, 'Check in');
    await page.getByRole('button', { name: /^3 / }).click();
    await page.getByRole('textbox', { name: 'Micro-win' }).fill(evil('Walked'));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'I got through a hard moment' }).click();
    const sheet = page.getByRole('dialog', { name: 'I got through a hard moment' });
    await sheet.getByRole('button', { name: evil('Payday') }).click();
    await sheet.getByRole('checkbox', { name: new RegExp('Text Sam') }).check();
    await sheet.getByRole('textbox', { name: 'Something else' }).fill(evil('Boss'));
    await sheet.getByRole('button', { name: 'Add', exact: true }).click();
    await sheet.getByRole('textbox', { name: 'What helped?' }).fill(evil('a walk'));
    await sheet.getByRole('textbox', { name: 'What could you try next time?' }).fill(evil('eat first'));
    await sheet.getByRole('button', { name: 'Save reflection' }).click();
    await sheet.getByRole('button', { name: 'Done' }).click();
    await expect(sheet).toBeHidden();

    async function everyScreenShowsText(p: Page) {
      for (const view of ['Check in', 'Reflections', 'My plan', 'Insights']) {
        await openView(p, view);
        await expect(p.locator('main')).toContainText(view === 'Insights' ? '<img src=x' : 'onerror');
        await expect(p.locator('img')).toHaveCount(0);
      }
      await p.getByRole('button', { name: 'Crisis sheet' }).click();
      await expect(p.getByRole('dialog', { name: 'Crisis sheet' })).toContainText(evil('Sam'));
      await expect(p.locator('img')).toHaveCount(0);
      await p.keyboard.press('Escape');
      expect(await p.title()).not.toBe('owned');
    }
    await everyScreenShowsText(page);

    await openView(page, 'Settings');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save backup file' }).click();
    const file = await (await downloading).path();
    const elsewhere = await (await pwaBrowser.newContext()).newPage();
    await elsewhere.goto(`${server.url}#settings`);
    await elsewhere.getByLabel('Choose a backup or transfer file').setInputFiles(file);
    await elsewhere.getByRole('button', { name: 'Add to my data' }).click();
    await expect(elsewhere.getByText(/^Done: \d+ new/)).toBeVisible();
    await everyScreenShowsText(elsewhere);
    await elsewhere.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the new screens pass axe in ${colorScheme} mode`, async ({ pwaBrowser, server }) => {
      const context = await pwaBrowser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(`${server.url}#insights`);
      await page.getByRole('button', { name: 'Load demo data' }).click();
      await expect(page.getByRole('region', { name: 'Patterns' }).getByRole('listitem').first()).toBeVisible();
      await page.getByRole('region', { name: 'Mood over time' }).getByText('Show as a table').click();
      await expectAccessible(page, 'insights');
      await openView(page, 'My plan');
      await expectAccessible(page, 'plan');
      await openView(page, 'Reflections');
      await expectAccessible(page, 'reflections');
      await page.getByRole('button', { name: 'I got through a hard moment' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Tired' }).click();
      await expectAccessible(page, 'reflection sheet');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Crisis sheet' }).click();
      await expectAccessible(page, 'crisis sheet');
      await context.close();
    });
  }
});
