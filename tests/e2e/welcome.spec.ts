import { expect, test as base, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { extensionWorker, launchWithExtension, openView } from './browser';
import { expectAccessible, pwaTest as test } from './fixtures';
import { windowEnd, windowStart } from './weekPlan';

// The welcome, as a new person meets it: in the web app a panel above the moods (which stay
// usable), in the extension a page of its own that opens on install. Every click, fill, tick
// and choice a person makes is counted, to keep the whole welcome under 15 actions.

/** One person's hands: each call is one action. */
function hands() {
  let actions = 0;
  const act = async (work: Promise<unknown>) => {
    actions++;
    await work;
  };
  return {
    click: (l: Locator) => act(l.click()),
    fill: (l: Locator, text: string) => act(l.fill(text)),
    check: (l: Locator) => act(l.check()),
    choose: (l: Locator, value: string) => act(l.selectOption(value)),
    press: (page: Page, key: string) => act(page.keyboard.press(key)),
    get count() {
      return actions;
    },
  };
}

const welcomePanel = (page: Page) => page.getByRole('region', { name: 'Welcome to Tandem' });
const moods = (page: Page) => page.getByRole('heading', { name: 'How are you right now?' });

/** Reads a value from the small per-device store (idb-keyval's database), as the app keeps it. */
function storedValue(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (k) =>
      new Promise((done, fail) => {
        const open = indexedDB.open('tandem-settings');
        open.onsuccess = () => {
          const get = open.result.transaction('values').objectStore('values').get(k);
          get.onsuccess = () => {
            open.result.close();
            done(get.result);
          };
          get.onerror = () => fail(get.error);
        };
        open.onerror = () => fail(open.error);
      }),
    key,
  );
}

test('a first open shows the welcome above the moods; completed in under 15 actions, it sets the hours, a person, the country and a situation, and ends at the check-in', async ({
  page,
  server,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(server.url);
  const panel = welcomePanel(page);
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Welcome to Tandem' })).toBeVisible();
  await expect(moods(page)).toBeVisible();
  // Above the moods, and nothing is focused for the person: keys and taps go where they choose.
  const panelBox = (await panel.boundingBox())!;
  const moodsBox = (await moods(page).boundingBox())!;
  expect(panelBox.y).toBeLessThan(moodsBox.y);
  await expect(panel.getByText('Step 1 of 6')).toBeVisible();
  await expectAccessible(page, 'welcome: hours (light)');

  const me = hands();
  let checking = 0;
  /** axe's time is the test's, not the person's: it is left out of the welcome's time. */
  const axe = async (label: string) => {
    const from = Date.now();
    await expectAccessible(page, label);
    checking += Date.now() - from;
  };
  const started = Date.now();

  // 1. When I work: the reminder windows, and the welcome says so.
  await me.fill(panel.getByLabel('To', { exact: true }), '18:00');
  await me.click(panel.getByRole('button', { name: 'Save my hours' }));
  await expect(panel.getByRole('status').filter({ hasText: 'Tandem will remind you to check in Monday, Tuesday, Wednesday, Thursday, and Friday, 09:00 AM – 06:00 PM.' })).toBeVisible();

  // 2. When my day ends.
  await expect(panel.getByRole('heading', { name: 'When does your day end?' })).toBeFocused();
  await me.choose(panel.getByLabel('My day ends at'), '05:00');
  await me.click(panel.getByRole('button', { name: 'Save this time' }));

  // 3. One person, my mentor. Nothing was filled in for me.
  await expect(panel.getByLabel('Their name')).toHaveValue('');
  await expect(panel.getByLabel('Their phone number')).toHaveValue('');
  await me.fill(panel.getByLabel('Their name'), 'Sam');
  await me.fill(panel.getByLabel('Their phone number'), '+1 555 0100');
  await me.check(panel.getByRole('checkbox', { name: 'This is my mentor' }));
  await me.click(panel.getByRole('button', { name: 'Add to my crisis sheet' }));
  await expect(panel.getByRole('status').filter({ hasText: 'Sam is on your crisis sheet' })).toBeVisible();

  // 4. My country: the picker starts at the browser's region (en-US), confirmed by me.
  const country = panel.getByLabel('Country', { exact: true });
  await expect(country).toHaveValue('US');
  await expect(panel.getByText('Emergency number: 911')).toBeVisible();
  await expect(panel.getByText('Tandem shows your local emergency number on the crisis sheet.')).toBeVisible();
  await me.click(panel.getByRole('button', { name: 'Confirm my country' }));

  // 5. One risky situation, and a step from the ideas (my person is one of them).
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe('welcome: situation (dark)');
  await me.click(panel.getByRole('group', { name: 'Ideas for the situation' }).getByRole('button', { name: 'Payday' }));
  await me.click(panel.getByRole('group', { name: 'Ideas for steps' }).getByRole('button', { name: 'Call or text Sam' }));
  await expect(panel.getByLabel('Step 1', { exact: true })).toHaveValue('Call or text Sam');
  await me.click(panel.getByRole('button', { name: 'Save this situation' }));

  // 6. A value is optional.
  await expect(panel.getByRole('heading', { name: 'What matters to you?' })).toBeVisible();
  await me.click(panel.getByRole('button', { name: 'Skip for now' }));

  // The end: what is set up, then the first check-in, which has the focus.
  await expect(panel.getByRole('heading', { name: 'You’re set up' })).toBeVisible();
  const summary = panel.getByRole('list', { name: 'What Tandem knows now' });
  await expect(summary).toContainText('On your crisis sheet: Sam.');
  await expect(summary).toContainText('Emergency number: 911 (United States).');
  await expect(summary).toContainText('In your plan: Payday.');
  await expect(panel.getByText('Now, how are you right now?')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Mood', exact: true }).getByRole('button').first()).toBeFocused();
  await axe('welcome: end (dark)');
  await page.emulateMedia({ colorScheme: 'light' });
  await axe('welcome: end (light)');
  await me.click(page.getByRole('button', { name: /^4 / }));
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 4 Good' })).toBeVisible();
  const seconds = (Date.now() - started - checking) / 1000;

  expect(me.count).toBeLessThan(15);
  console.log(`welcome (web app): ${me.count} actions, ${seconds.toFixed(1)} s of test time`);

  // What it set is where the rest of the app reads it.
  await openView(page, 'My plan');
  await expect(page.getByText('Payday', { exact: true })).toBeVisible();
  await expect(page.getByText('Call or text Sam', { exact: true })).toBeVisible();
  await expect(page.getByText('Sam', { exact: true })).toBeVisible();
  await openView(page, 'Settings');
  await expect(windowStart(page, 'Monday')).toHaveValue('09:00');
  await expect(windowEnd(page, 'Monday')).toHaveValue('18:00');
  await expect(page.getByLabel('A new day starts at')).toHaveValue('05:00');
  expect(await storedValue(page, 'country')).toBe('US');

  // Done: the next open goes straight to the moods.
  await openView(page, 'Check in');
  await page.reload();
  await expect(moods(page)).toBeVisible();
  await expect(welcomePanel(page)).toHaveCount(0);
});

test('on a phone, a first open draws the welcome and the wellbeing check with the moods: nothing pushes the moods down once drawn', async ({ page, server }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  // Every layout shift the page makes on its own (not right after a tap or a key).
  await page.addInitScript(() => {
    const shifts: { value: number; what: string[] }[] = [];
    (window as unknown as { shifts: typeof shifts }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] })[]) {
        if (!entry.hadRecentInput) shifts.push({ value: entry.value, what: entry.sources.map((s) => (s.node as Element | undefined)?.className ?? '?') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(server.url);
  await expect(welcomePanel(page).getByRole('heading', { name: 'When do you work?' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'A short wellbeing check' })).toBeVisible();
  await expect(moods(page)).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await page.evaluate(() => (window as unknown as { shifts: unknown[] }).shifts)).toEqual([]);

  // Read again on each return to the check-in: a check skipped is gone, the welcome is still there.
  const check = page.getByRole('region', { name: 'A short wellbeing check' });
  await check.getByRole('button', { name: 'Skip this time' }).click();
  await expect(check.getByText('Skipped. It will be offered again in two weeks.')).toBeVisible();
  await openView(page, 'Reflections');
  await openView(page, 'Check in');
  await expect(moods(page)).toBeVisible();
  await expect(welcomePanel(page)).toBeVisible();
  await expect(check).toHaveCount(0);
});

test('skipping every step works, the moods stay usable throughout, and a welcome left half way resumes', async ({ page, server }) => {
  await page.goto(server.url);
  const panel = welcomePanel(page);
  await expect(panel.getByText('Step 1 of 6')).toBeVisible();

  // A check-in while the welcome is open: it stays where it was.
  await page.getByRole('button', { name: /^3 / }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 3' })).toBeVisible();
  await expect(panel.getByText('Step 1 of 6')).toBeVisible();

  const me = hands();
  await me.click(panel.getByRole('button', { name: 'Skip for now' }));
  await me.click(panel.getByRole('button', { name: 'Skip for now' }));
  await expect(panel.getByText('Step 3 of 6')).toBeVisible();

  // Closed half way (a reload, a closed tab): it resumes at the same step.
  await page.reload();
  await expect(welcomePanel(page).getByText('Step 3 of 6')).toBeVisible();
  await expect(welcomePanel(page).getByRole('heading', { name: 'One person to call or text' })).toBeVisible();

  for (const step of [3, 4, 5, 6]) {
    await expect(panel.getByText(`Step ${step} of 6`)).toBeVisible();
    await me.click(panel.getByRole('button', { name: 'Skip for now' }));
  }
  await expect(panel.getByRole('heading', { name: 'That’s all for now' })).toBeVisible();
  await expect(panel.getByText('No country yet: the crisis sheet tells you to call your local emergency number.')).toBeVisible();
  // Nothing was invented for the person.
  await expect(panel.getByRole('list', { name: 'What Tandem knows now' }).getByRole('listitem')).toHaveCount(3);
  await page.getByRole('button', { name: /^2 / }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 2' })).toBeVisible();
  expect(me.count).toBe(6);

  await openView(page, 'My plan');
  await expect(page.getByText('Your plan is empty. Add a first situation below.')).toBeVisible();
  await openView(page, 'Check in');
  await page.reload();
  await expect(moods(page)).toBeVisible();
  await expect(welcomePanel(page)).toHaveCount(0);
});

test('Hide the welcome puts it away; someone who already has records is not welcomed', async ({ page, server }) => {
  await page.goto(server.url);
  await welcomePanel(page).getByRole('button', { name: 'Hide the welcome' }).click();
  await expect(welcomePanel(page)).toHaveCount(0);
  await expect(moods(page)).toBeVisible();
  await page.reload();
  await expect(moods(page)).toBeVisible();
  await expect(welcomePanel(page)).toHaveCount(0);

  // A person updating from a version before the welcome: records, and no welcome kept.
  await page.getByRole('button', { name: /^4 / }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 4' })).toBeVisible();
  await page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('tandem-settings');
        open.onsuccess = () => {
          const tx = open.result.transaction('values', 'readwrite');
          tx.objectStore('values').delete('welcome');
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
  );
  expect(await storedValue(page, 'welcome')).toBeUndefined();
  await page.reload();
  await expect(moods(page)).toBeVisible();
  await page.waitForTimeout(500);
  await expect(welcomePanel(page)).toHaveCount(0);
});

test('a link in the address is handled first: the welcome waits for the next open', async ({ page, server }) => {
  await page.goto(`${server.url}#transfer=not-a-real-transfer`);
  await expect(moods(page)).toBeVisible();
  await page.waitForTimeout(500);
  await expect(welcomePanel(page)).toHaveCount(0);
  await page.goto(server.url);
  await page.reload();
  await expect(welcomePanel(page)).toBeVisible();
});

test('in Spanish, with tú, the country starting at the browser’s region (es-ES); axe clean in dark', async ({ pwaBrowser, server }) => {
  const context = await pwaBrowser.newContext({ locale: 'es-ES', colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(server.url);
  const panel = page.getByRole('region', { name: 'Te damos la bienvenida a Tandem' });
  await expect(panel.getByRole('heading', { name: '¿Cuándo trabajas?' })).toBeVisible();
  await expectAccessible(page, 'bienvenida: horario (oscuro)');
  for (let i = 0; i < 3; i++) await panel.getByRole('button', { name: 'Saltar por ahora' }).click();
  await expect(panel.getByRole('heading', { name: 'Tu país' })).toBeVisible();
  await expect(panel.getByLabel('País', { exact: true })).toHaveValue('ES');
  await expect(panel.getByText('Número de emergencias: 112')).toBeVisible();
  await panel.getByRole('button', { name: 'Confirmar mi país' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'La ayuda para una crisis mostrará el 112' })).toBeVisible();
  await expectAccessible(page, 'bienvenida: situación (oscuro)');
  await context.close();
});

test('Settings can run the welcome again', async ({ page, server }) => {
  await page.goto(server.url);
  await welcomePanel(page).getByRole('button', { name: 'Hide the welcome' }).click();
  await openView(page, 'Settings');
  await page.getByRole('button', { name: 'Run the welcome again' }).click();
  await openView(page, 'Check in');
  await expect(welcomePanel(page).getByText('Step 1 of 6')).toBeVisible();
});

// ---- The extension ------------------------------------------------------------------------

const extensionTest = base.extend<{ context: BrowserContext; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension();
    await use(context);
    await close();
  },
  extensionId: async ({ context }, use) => use(new URL((await extensionWorker(context)).url()).host),
});

extensionTest('the extension’s welcome page renders, completes, and ends on the check-in', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`chrome-extension://${extensionId}/welcome.html`);
  await expect(page.getByRole('heading', { name: 'Welcome to Tandem', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Welcome to Tandem');
  await expectAccessible(page, 'welcome page (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'welcome page (dark)');

  const me = hands();
  await me.click(page.getByRole('radio', { name: 'My hours change' }));
  await expect(page.getByText('Reminders can then come on any day, at any hour.')).toBeVisible();
  await me.click(page.getByRole('button', { name: 'Save my hours' }));
  await expect(page.getByRole('status').filter({ hasText: 'Tandem will remind you to check in every day, at any hour.' })).toBeVisible();
  await me.click(page.getByRole('button', { name: 'Save this time' }));
  await me.fill(page.getByLabel('Their name'), 'Jo');
  await me.fill(page.getByLabel('Their phone number'), '07700 900123');
  await me.click(page.getByRole('button', { name: 'Add to my crisis sheet' }));
  await me.click(page.getByRole('button', { name: 'Confirm my country' }));
  await me.fill(page.getByLabel('The situation, in your words'), 'Late shifts');
  await me.fill(page.getByLabel('Step 1', { exact: true }), 'Text Jo before I leave');
  await me.click(page.getByRole('button', { name: 'Save this situation' }));
  await me.fill(page.getByLabel('In your words'), 'My kids');
  await me.click(page.getByRole('button', { name: 'Save this' }));
  await expect(page.getByRole('heading', { name: 'You’re set up' })).toBeFocused();
  await expect(page.getByText('Reminders: every day, at any hour.')).toBeVisible();
  await expectAccessible(page, 'welcome page end (dark)');
  await me.click(page.getByRole('button', { name: 'Check in now' }));

  await expect(page).toHaveURL(new RegExp(`chrome-extension://${extensionId}/dashboard.html#checkin$`));
  await expect(page.getByRole('group', { name: 'Mood', exact: true }).getByRole('button').first()).toBeFocused();
  // The welcome is done: the dashboard does not show it again.
  await expect(welcomePanel(page)).toHaveCount(0);
  await me.click(page.getByRole('button', { name: /^5 / }));
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 5' })).toBeVisible();
  expect(me.count).toBeLessThan(15);
  console.log(`welcome (extension page): ${me.count} actions`);
});

extensionTest('installing the extension opens the welcome in a tab', async ({ context, extensionId }) => {
  const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
  await expect.poll(() => context.pages().some((p) => p.url() === welcomeUrl), { timeout: 10_000 }).toBe(true);
  const tab = context.pages().find((p) => p.url() === welcomeUrl)!;
  await expect(tab.getByRole('heading', { name: 'Welcome to Tandem', level: 1 })).toBeVisible();
});
