import { expect, test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { extensionWorker, launchWithExtension, openView } from './browser';
import { expectAccessible, pwaTest } from './fixtures';

// Runs inside the extension's service worker (worker.evaluate), where `chrome` exists.
declare const chrome: {
  action: { getBadgeText(d: object): Promise<string> };
  alarms: {
    create(name: string, info: { when: number; periodInMinutes?: number }): Promise<void>;
    getAll(): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number }[]>;
  };
};

// The crisis sheet on day one, a hard moment that outlives the popup, and what comes after a
// setback: used as a person would, by role and accessible name, in the real extension (its
// popup at the toolbar popup's size) and in the served PWA.

const POPUP = { width: 380, height: 600 };

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

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(POPUP);
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByRole('heading', { name: 'How are you right now?' })).toBeVisible();
  return page;
}

async function openCrisis(popup: Page) {
  await popup.getByRole('button', { name: 'Crisis sheet' }).click();
  const sheet = popup.getByRole('dialog', { name: 'Crisis sheet' });
  await expect(sheet).toBeVisible();
  return sheet;
}

const badgeText = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));
const alarmNames = (worker: Worker) => worker.evaluate(async () => (await chrome.alarms.getAll()).map((a) => a.name).sort());

/** Moves the stored urge timer's start back, as if the popup had been closed that long. */
async function timerStartedAgo(page: Page, ms: number) {
  await page.evaluate(
    (ago) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('tandem-settings');
        open.onsuccess = () => {
          const tx = open.result.transaction('values', 'readwrite');
          const store = tx.objectStore('values');
          const get = store.get('urge-timer');
          get.onsuccess = () => store.put({ ...get.result, startedAt: Date.now() - ago }, 'urge-timer');
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
    ms,
  );
}

/** Where an element sits in the popup: px from the popup's top, and whether it shows without scrolling. */
async function distance(popup: Page, locator: ReturnType<Page['getByRole']>) {
  const box = (await locator.boundingBox())!;
  return { top: Math.round(box.y), visible: box.y + box.height <= POPUP.height };
}

base.describe('in the extension', () => {
  test('day one, everything skipped: the emergency line first, a country to confirm before any call link, and the timer in reach', async ({
    context,
    extensionId,
  }) => {
    const popup = await openPopup(context, extensionId);
    // Action 1: the crisis sheet.
    const sheet = await openCrisis(popup);
    await expect(sheet.getByText('In danger right now? Call your local emergency number.')).toBeVisible();
    // No contacts, no country confirmed: nothing to dial yet, and no number invented.
    await expect(sheet.getByRole('link')).toHaveCount(0);
    const country = sheet.getByRole('combobox', { name: 'Your country' });
    // The picker starts at the browser's region (en-US here), named in the page's language.
    await expect(country).toHaveValue('US');
    await expect(country.locator('option:checked')).toHaveText('United States');

    // Action 2 would start the timer: measure where it is before anything else.
    const timer = sheet.getByRole('button', { name: 'Start a 10-minute urge timer' });
    const timerAt = await distance(popup, timer);
    expect(timerAt.visible).toBe(true);
    test.info().annotations.push({ type: 'distance', description: `popup → 10-minute timer: 2 actions, ${timerAt.top} px from the popup's top, no scrolling` });
    await expectAccessible(popup, 'crisis sheet, day one');

    await country.selectOption({ label: 'Spain' });
    await sheet.getByRole('button', { name: 'Confirm' }).click();
    const call = sheet.getByRole('link', { name: 'Call 112' });
    await expect(call).toHaveAttribute('href', 'tel:112');
    await expect(call).toBeFocused();
    await expect(sheet).toContainText('Emergency number in Spain');

    // Kept on this device: the next popup shows the number straight away.
    await popup.close();
    const again = await openPopup(context, extensionId);
    const sheet2 = await openCrisis(again);
    await expect(sheet2.getByRole('link', { name: 'Call 112' })).toBeVisible();
    await sheet2.getByRole('button', { name: 'Change country' }).click();
    await expect(sheet2.getByRole('combobox', { name: 'Your country' })).toHaveValue('ES');
  });

  test('the first contact is one action away, a mentor before anyone else; the rest folds below', async ({ context, extensionId }) => {
    const dashboard = await context.newPage();
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#plan`);
    const contact = dashboard.getByRole('form', { name: 'Add a contact' });
    for (const [role, name, phone] of [
      ['Contact', 'Alex', '+34 600 111 222'],
      ['Mentor', 'Sam', '+34 600 123 456'],
      ['Helpline', 'Helpline', '024'],
    ] as const) {
      await contact.getByRole('combobox', { name: 'Who is this?' }).selectOption(role);
      await contact.getByRole('textbox', { name: 'Name' }).fill(name);
      await contact.getByRole('textbox', { name: 'Phone number' }).fill(phone);
      await contact.getByRole('button', { name: 'Add contact' }).click();
      await expect(dashboard.getByRole('list', { name: 'Crisis contacts' })).toContainText(name);
    }

    const popup = await openPopup(context, extensionId);
    const sheet = await openCrisis(popup);
    const callSam = sheet.getByRole('link', { name: 'Call Sam' });
    await expect(callSam).toHaveAttribute('href', 'tel:+34600123456');
    await expect(sheet.getByRole('link', { name: 'Text Sam' })).toHaveAttribute('href', 'sms:+34600123456');
    const samAt = await distance(popup, callSam);
    const timerAt = await distance(popup, sheet.getByRole('button', { name: 'Start a 10-minute urge timer' }));
    expect(samAt.visible).toBe(true);
    expect(timerAt.visible).toBe(true);
    // Once the country is confirmed, its number takes less room than the picker.
    await sheet.getByRole('button', { name: 'Confirm' }).click();
    await expect(sheet.getByRole('link', { name: 'Call 911' })).toBeVisible();
    const samThen = await distance(popup, callSam);
    const timerThen = await distance(popup, sheet.getByRole('button', { name: 'Start a 10-minute urge timer' }));
    test.info().annotations.push(
      { type: 'distance', description: `popup → call the first contact: 2 actions, ${samAt.top} px from the popup's top (${samThen.top} px once the country is confirmed), no scrolling` },
      { type: 'distance', description: `popup → 10-minute timer, with a contact: 2 actions, ${timerAt.top} px (${timerThen.top} px once the country is confirmed), no scrolling` },
    );
    // The others are folded away until asked for.
    await expect(sheet.getByRole('link', { name: 'Call Alex' })).toBeHidden();
    await sheet.getByText('More: other people, all my steps, other timer lengths').click();
    await expect(sheet.getByRole('link', { name: 'Call Alex' })).toHaveAttribute('href', 'tel:+34600111222');
    await expect(sheet.getByRole('link', { name: 'Call Helpline' })).toHaveAttribute('href', 'tel:024');
    await expect(sheet.getByRole('button', { name: '15 minutes' })).toBeVisible();
    await expectAccessible(popup, 'crisis sheet with contacts, unfolded');
  });

  test('the urge timer keeps counting while the popup is closed; the badge shows the minutes left, then marks the end', async ({
    context,
    extensionId,
    worker,
  }) => {
    const popup = await openPopup(context, extensionId);
    const sheet = await openCrisis(popup);
    await sheet.getByRole('button', { name: 'Start a 10-minute urge timer' }).click();
    await expect(sheet.getByRole('timer')).toBeFocused();
    await expect(sheet.getByRole('timer')).toHaveText(/^(10:00|9:5\d)$/);
    await expect.poll(() => badgeText(worker)).toBe('10');
    await expectAccessible(popup, 'running timer');
    // Its own alarms; the check-in prompt alarm stays exactly one.
    await expect.poll(() => alarmNames(worker)).toEqual(['tandem-prompt', 'tandem-urge-end', 'tandem-urge-tick']);

    // A click elsewhere closes the popup; three and a half minutes pass.
    await timerStartedAgo(popup, 3.5 * 60_000);
    await popup.close();
    await worker.evaluate(() => chrome.alarms.create('tandem-urge-tick', { when: Date.now() + 100, periodInMinutes: 1 }));
    await expect.poll(() => badgeText(worker)).toBe('7');

    // Reopened: the same countdown, going on.
    const again = await openPopup(context, extensionId);
    const sheet2 = await openCrisis(again);
    await expect(sheet2.getByRole('timer')).toHaveText(/^6:(2|3)\d$/);
    await expect(sheet2.getByRole('button', { name: 'Start a 10-minute urge timer' })).toHaveCount(0);

    // It runs out while the popup is closed: the badge marks the end.
    await timerStartedAgo(again, 10 * 60_000 + 2000);
    await again.close();
    await worker.evaluate(() => chrome.alarms.create('tandem-urge-end', { when: Date.now() + 100 }));
    await expect.poll(() => badgeText(worker)).toBe('✓');
    const third = await openPopup(context, extensionId);
    const sheet3 = await openCrisis(third);
    await expect(sheet3.getByText('The wave has passed its peak. How strong is the urge now?')).toBeVisible();
    await sheet3.getByRole('combobox', { name: 'How strong is it now? (0 to 10)' }).selectOption('3');
    await sheet3.getByRole('button', { name: 'Lonely' }).click();
    await sheet3.getByRole('button', { name: 'Save as a hard moment I got through' }).click();
    await expect(third.getByRole('status').filter({ hasText: 'That’s a win of its own.' })).toBeVisible();
    await expect.poll(() => badgeText(worker)).not.toBe('✓');
    await expect.poll(() => alarmNames(worker)).toEqual(['tandem-prompt']);
  });

  test('Open in a window moves the running timer to a small window of its own', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    const sheet = await openCrisis(popup);
    await sheet.getByRole('button', { name: 'Start a 10-minute urge timer' }).click();
    const opened = context.waitForEvent('page');
    await sheet.getByRole('button', { name: 'Open in a window' }).click();
    const win = await opened;
    await win.waitForLoadState();
    expect(win.url()).toBe(`chrome-extension://${extensionId}/popup.html#urge`);
    // The same countdown, on its own.
    await expect(win.getByRole('timer')).toHaveText(/^(10:00|9:5\d)$/);
  });

  test('half a reflection survives the popup closing, and a setback ends on next steps: its "next time" goes into the plan', async ({
    context,
    extensionId,
    worker,
  }) => {
    const dashboard = await context.newPage();
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#plan`);
    const contact = dashboard.getByRole('form', { name: 'Add a contact' });
    await contact.getByRole('combobox', { name: 'Who is this?' }).selectOption('Mentor');
    await contact.getByRole('textbox', { name: 'Name' }).fill('Sam');
    await contact.getByRole('textbox', { name: 'Phone number' }).fill('+34 600 123 456');
    await contact.getByRole('button', { name: 'Add contact' }).click();
    await expect(dashboard.getByRole('list', { name: 'Crisis contacts' })).toContainText('Sam');

    const popup = await openPopup(context, extensionId);
    await popup.getByRole('button', { name: 'I had a setback' }).click();
    const sheet = popup.getByRole('dialog', { name: 'I had a setback' });
    await sheet.getByRole('textbox', { name: 'Something else' }).fill('Friday drinks');
    await sheet.getByRole('button', { name: 'Add', exact: true }).click();
    await sheet.getByRole('textbox', { name: 'What could you try next time?' }).fill('Leave before the second round');
    await expect(sheet.getByRole('button', { name: 'Friday drinks' })).toHaveAttribute('aria-pressed', 'true');
    // A click elsewhere closes the popup mid-sentence.
    await popup.waitForTimeout(300);
    await popup.close();

    const again = await openPopup(context, extensionId);
    await again.getByRole('button', { name: 'I had a setback' }).click();
    const sheet2 = again.getByRole('dialog', { name: 'I had a setback' });
    await expect(sheet2.getByText('What you wrote before is back. Cancel clears it.')).toBeVisible();
    await expect(sheet2.getByRole('textbox', { name: 'What could you try next time?' })).toHaveValue('Leave before the second round');
    await expect(sheet2.getByRole('button', { name: 'Friday drinks' })).toHaveAttribute('aria-pressed', 'true');
    await sheet2.getByRole('button', { name: 'Save reflection' }).click();

    // Not a dead end: the person, then three next steps.
    await expect(sheet2.getByText('Thank you for writing it down.')).toBeFocused();
    const text = await sheet2.innerText();
    expect(text).not.toMatch(/streak|fail|relapse/i);
    const message = sheet2.getByRole('textbox', { name: 'Message to Sam (you can change it)' });
    await expect(message).toHaveValue('Hi, it’s been a hard day. Could we talk when you have a moment?');
    const textSam = sheet2.getByRole('link', { name: 'Text Sam' });
    await expect(textSam).toHaveAttribute('href', `sms:+34600123456?body=${encodeURIComponent('Hi, it’s been a hard day. Could we talk when you have a moment?')}`);
    await message.fill('Can you call me?');
    await expect(textSam).toHaveAttribute('href', 'sms:+34600123456?body=Can%20you%20call%20me%3F');
    await expectAccessible(again, 'next steps after a setback');

    await expect(sheet2).toContainText('Adds “Leave before the second round” as a step for “Friday drinks”.');
    await sheet2.getByRole('button', { name: 'Add to my plan' }).click();
    await expect(sheet2.getByText('Added to your plan for “Friday drinks”.')).toBeVisible();
    // Undo, and again: one tap each.
    await sheet2.getByRole('button', { name: 'Undo' }).click();
    await expect(sheet2.getByText('Taken out of your plan again.')).toBeVisible();
    await sheet2.getByRole('button', { name: 'Add to my plan' }).click();
    await expect(sheet2.getByText('Added to your plan for “Friday drinks”.')).toBeVisible();

    await sheet2.getByRole('button', { name: 'Check in with me tomorrow morning' }).click();
    await expect(sheet2.getByText(/^Tandem will check in with you (tomorrow|this morning) at \d\d:\d\d( AM)?\./)).toBeVisible();
    await expect.poll(() => alarmNames(worker)).toEqual(['tandem-prompt', 'tandem-tomorrow']);

    await sheet2.getByRole('button', { name: 'Done' }).click();
    await expect(sheet2).toBeHidden();
    await expect(again.getByRole('status').filter({ hasText: 'Saved. Thank you for being honest with yourself.' })).toBeVisible();

    // The step is in the plan, under the situation chosen.
    await dashboard.reload();
    const plan = dashboard.getByRole('list', { name: 'Plan' });
    await expect(plan).toContainText('Friday drinks');
    await expect(plan).toContainText('Leave before the second round');
    // The draft went with the save: a new setback starts empty.
    await again.getByRole('button', { name: 'I had a setback' }).click();
    await expect(again.getByRole('dialog', { name: 'I had a setback' }).getByRole('textbox', { name: 'What could you try next time?' })).toHaveValue('');
  });
});

base.describe('in the PWA', () => {
  const ptest = pwaTest;

  ptest('Cancel clears a draft; the next steps say the web app checks in when opened', async ({ page, server }) => {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'I got through a hard moment' }).click();
    const sheet = page.getByRole('dialog', { name: 'I got through a hard moment' });
    await sheet.getByRole('button', { name: 'Tired' }).click();
    await sheet.getByRole('textbox', { name: 'What helped?' }).fill('A walk');
    await page.waitForTimeout(300);
    await page.reload();
    await page.getByRole('button', { name: 'I got through a hard moment' }).click();
    await expect(sheet.getByRole('textbox', { name: 'What helped?' })).toHaveValue('A walk');
    await sheet.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'I got through a hard moment' }).click();
    await expect(sheet.getByRole('textbox', { name: 'What helped?' })).toHaveValue('');

    await sheet.getByRole('button', { name: 'Tired' }).click();
    await sheet.getByRole('textbox', { name: 'What could you try next time?' }).fill('Sleep before the late shift');
    await sheet.getByRole('button', { name: 'Save reflection' }).click();
    await expect(sheet.getByText('You got through a hard moment. That’s a win of its own.')).toBeFocused();
    // No one to text yet: a way to add someone, never a made-up number.
    await expect(sheet).toContainText('Add someone you trust in your plan');
    await expect(sheet.getByRole('link')).toHaveCount(0);
    await sheet.getByRole('button', { name: 'Add to my plan' }).click();
    await expect(sheet.getByText('Added to your plan for “Tired”.')).toBeVisible();
    await sheet.getByRole('button', { name: 'Check in with me tomorrow morning' }).click();
    await expect(sheet).toContainText('Open Tandem in the morning and it will ask how you are.');
    await sheet.getByRole('button', { name: 'Done' }).click();

    // A later hard moment tagged Tired finds the new step in its plan.
    await page.getByRole('button', { name: 'I got through a hard moment' }).click();
    await sheet.getByRole('button', { name: 'Tired' }).click();
    await expect(sheet.getByRole('group', { name: 'Your plan for “Tired”' })).toContainText('Sleep before the late shift');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    ptest(`the crisis sheet, the running timer and the next steps pass axe in ${colorScheme} mode`, async ({ pwaBrowser, server }) => {
      const context = await pwaBrowser.newContext({ colorScheme, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${server.url}#plan`);
      const contact = page.getByRole('form', { name: 'Add a contact' });
      await contact.getByRole('textbox', { name: 'Name' }).fill('Sam');
      await contact.getByRole('textbox', { name: 'Phone number' }).fill('0123 456');
      await contact.getByRole('button', { name: 'Add contact' }).click();
      await expect(page.getByRole('list', { name: 'Crisis contacts' }).getByRole('listitem')).toHaveCount(1);
      await openView(page, 'Check in');

      const sheet = await openCrisis(page);
      await expectAccessible(page, `crisis sheet, country picker (${colorScheme})`);
      await sheet.getByRole('button', { name: 'Confirm' }).click();
      await expect(sheet.getByRole('link', { name: 'Call 911' })).toBeVisible();
      await sheet.getByText('More: other people, all my steps, other timer lengths').click();
      await expectAccessible(page, `crisis sheet, number and fold (${colorScheme})`);
      await sheet.getByRole('button', { name: 'Start a 10-minute urge timer' }).click();
      await expect(sheet.getByRole('timer')).toBeVisible();
      await expectAccessible(page, `running timer (${colorScheme})`);
      await sheet.getByRole('button', { name: 'I’m through it' }).click();
      await expect(sheet.getByText('How strong is the urge now?')).toBeVisible();
      await expectAccessible(page, `ended timer (${colorScheme})`);
      await sheet.getByRole('button', { name: 'Stop without saving' }).click();
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'I had a setback' }).click();
      const setback = page.getByRole('dialog', { name: 'I had a setback' });
      await setback.getByRole('button', { name: 'Hungry' }).click();
      await setback.getByRole('textbox', { name: 'What could you try next time?' }).fill('Eat first');
      await page.waitForTimeout(300);
      await page.reload();
      await page.getByRole('button', { name: 'I had a setback' }).click();
      await expect(setback.getByText('What you wrote before is back. Cancel clears it.')).toBeVisible();
      await expectAccessible(page, `restored draft (${colorScheme})`);
      await setback.getByRole('button', { name: 'Save reflection' }).click();
      await setback.getByRole('button', { name: 'Add to my plan' }).click();
      await setback.getByRole('button', { name: 'Check in with me tomorrow morning' }).click();
      await expect(setback.getByRole('button', { name: 'Undo' })).toHaveCount(2);
      await expectAccessible(page, `next steps (${colorScheme})`);
      await context.close();
    });
  }
});
