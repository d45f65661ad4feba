import { expect, type Browser, type Page } from '@playwright/test';
import { encodeFragment } from '../../lib/share/link';
import type { Snapshot } from '../../lib/share/model';
import { extensionWorker, launchWithExtension, openView } from './browser';
import { expectAccessible, pwaTest } from './fixtures';

// Issue 14 end to end: the mentee answers the wellbeing check and makes a link in the real
// extension; a mentor in a fresh browser opens it in the served web app's viewer and writes
// back; the reply link opens pasted into the extension's dashboard and, once a transfer has
// brought the share log there, in the web app; the popup says who wrote back until it is read.
// A changed reply and a reply to a removed link are refused. Then the mentor's list at a glance.

const test = pwaTest;
const CONFIGURED_APP_URL = 'http://127.0.0.1:4173/';
const NOTE = 'Proud of how you handled Friday.\nCall me when the shift ends?';

/** The link as the configured app URL would serve it, moved onto the test server. */
function onServer(link: string, serverUrl: string): string {
  expect(link.startsWith(`${CONFIGURED_APP_URL}viewer.html#`)).toBe(true);
  return `${serverUrl}viewer.html${new URL(link).hash}`;
}

async function answerWellbeing(page: Page, answer: string) {
  const offer = page.getByRole('region', { name: 'A short wellbeing check' });
  await expect(offer).toContainText('Take it or skip it');
  await offer.getByRole('button', { name: 'Start the check' }).click();
  const form = page.getByRole('region', { name: 'Wellbeing check (WHO-5)' });
  await expect(form.getByRole('heading', { name: 'Wellbeing check (WHO-5)' })).toBeFocused();
  await expect(form).toContainText('Over the last two weeks');
  await expect(form).toContainText('WHO-5 Well-Being Index, WHO Regional Office for Europe');
  // Saving with answers missing says so and keeps what was ticked.
  await form.getByRole('group', { name: 'I have felt cheerful and in good spirits' }).getByRole('radio', { name: answer }).check();
  await form.getByRole('button', { name: 'Save my answers' }).click();
  await expect(form.getByRole('alert')).toHaveText('4 statements have no answer yet.');
  for (const item of [
    'I have felt calm and relaxed',
    'I have felt active and vigorous',
    'I woke up feeling fresh and rested',
    'My daily life has been filled with things that interest me',
  ]) {
    await form.getByRole('group', { name: item }).getByRole('radio', { name: answer }).check();
  }
  await expectAccessible(page, 'wellbeing form', '.wellbeing');
  await form.getByRole('button', { name: 'Save my answers' }).click();
}

async function makeLink(page: Page, mentor: string, { wellbeing }: { wellbeing: boolean }): Promise<string> {
  await openView(page, 'Mentor links');
  await page.getByRole('button', { name: 'Share with mentor' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share with mentor' });
  await dialog.getByRole('textbox', { name: 'Your name, as your mentor will see it' }).fill('Sam');
  await dialog.getByRole('textbox', { name: /Your mentor’s name/ }).fill(mentor);
  const option = dialog.getByRole('checkbox', { name: 'Wellbeing check scores (WHO-5)' });
  // Off unless ticked; once ticked, the preview shows what goes out.
  await expect(option).not.toBeChecked();
  const preview = dialog.getByRole('region', { name: /Preview/ });
  await expect(preview.getByRole('heading', { name: 'Wellbeing (WHO-5)' })).toHaveCount(0);
  if (wellbeing) {
    await option.check();
    await expect(preview.getByRole('heading', { name: 'Wellbeing (WHO-5)' })).toBeVisible();
    await expect(preview).toContainText('Sam’s latest wellbeing score: 20 of 100.');
  }
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByRole('heading', { name: 'Your link is ready' })).toBeFocused({ timeout: 20_000 });
  const link = await dialog.getByRole('textbox', { name: 'Link for your mentor' }).inputValue();
  await page.keyboard.press('Escape');
  return link;
}

/** What the mentor does in the viewer: Write back, a note and quick words, Make reply link. */
async function writeBack(page: Page, name: string, note: string): Promise<string> {
  const region = page.getByRole('region', { name: `Write back to ${name}` });
  await region.getByRole('button', { name: 'Write back' }).click();
  await expect(region.getByRole('heading', { name: `Write back to ${name}` })).toBeFocused();
  await region.getByRole('button', { name: 'Make reply link' }).click();
  await expect(region.getByRole('alert')).toHaveText('Write your name, so they know who wrote back. Write a few words, or pick one of the quick words.');
  await region.getByRole('textbox', { name: 'Your name' }).fill('Alex');
  await region.getByRole('textbox', { name: 'Note (optional)' }).fill(note);
  await expect(region.getByText(`${[...note].length} of 1,000 characters`)).toBeVisible();
  await region.getByRole('checkbox', { name: 'Proud of you' }).check();
  await region.getByRole('checkbox', { name: 'Call me this week' }).check();
  await region.getByRole('button', { name: 'Make reply link' }).click();
  await expect(region.getByRole('heading', { name: 'Your reply link' })).toBeFocused();
  const link = await region.getByRole('textbox', { name: 'Reply link' }).inputValue();
  await region.getByRole('button', { name: 'Show as QR code' }).click();
  await expect(region.getByRole('img', { name: 'QR code of the reply link' })).toBeVisible();
  return link;
}

async function paste(page: Page, link: string) {
  await openView(page, 'Mentor links');
  const from = page.getByRole('region', { name: 'From my mentors' });
  await from.getByRole('textbox', { name: 'Reply link from your mentor' }).fill(link);
  await from.getByRole('button', { name: 'Open reply' }).click();
  return from;
}

async function mentorPage(pwaBrowser: Browser, colorScheme: 'light' | 'dark' = 'light') {
  const context = await pwaBrowser.newContext({ colorScheme });
  const errors: string[] = [];
  context.on('weberror', (e) => errors.push(e.error().message));
  return { context, page: await context.newPage(), errors };
}

test('a mentor writes back; the reply opens in the extension and, after a transfer, in the web app; changed and orphaned replies are refused', async ({
  pwaBrowser,
  server,
}) => {
  test.setTimeout(300_000);
  const { context, close } = await launchWithExtension();
  try {
    const id = new URL((await extensionWorker(context)).url()).host;
    const dashboard = await context.newPage();
    await dashboard.goto(`chrome-extension://${id}/dashboard.html`);
    await openView(dashboard, 'Check in');
    await dashboard.getByRole('button', { name: /^4 / }).click();

    // The wellbeing check: offered, answered, then gone for two weeks; its trend in Insights.
    await answerWellbeing(dashboard, 'Some of the time (1)');
    const done = dashboard.getByRole('region', { name: 'A short wellbeing check' });
    await expect(done.getByRole('status')).toHaveText('Saved. Your score: 20 of 100.');
    await expect(done).toContainText('Very low: life has felt heavy lately.');
    await expect(done).toContainText('A low score is worth talking about');
    await dashboard.reload();
    await expect(dashboard.getByRole('button', { name: /^4 / })).toBeVisible();
    await expect(dashboard.getByRole('region', { name: 'A short wellbeing check' })).toHaveCount(0);
    await openView(dashboard, 'Insights');
    const trend = dashboard.getByRole('region', { name: 'Wellbeing (WHO-5)' });
    await expect(trend).toContainText('Latest: 20 of 100');
    await expect(trend).toContainText('not a diagnosis');
    await trend.getByRole('button', { name: 'Open the crisis sheet' }).click();
    await expect(dashboard.getByRole('dialog')).toContainText('In danger right now?');
    await dashboard.keyboard.press('Escape');
    for (const colorScheme of ['light', 'dark'] as const) {
      await dashboard.emulateMedia({ colorScheme });
      await expectAccessible(dashboard, `insights wellbeing ${colorScheme}`, '.wellbeing-trend');
    }
    await dashboard.emulateMedia({ colorScheme: 'light' });

    const forAlex = await makeLink(dashboard, 'Alex', { wellbeing: true });
    const forRobin = await makeLink(dashboard, 'Robin', { wellbeing: false });

    // The mentor, in a browser that has never seen Tandem.
    const mentor = await mentorPage(pwaBrowser);
    await mentor.page.goto(onServer(forAlex, server.url));
    await expect(mentor.page.getByRole('heading', { name: 'Sam', level: 1 })).toBeVisible();
    await expect(mentor.page.getByRole('region', { name: 'Wellbeing (WHO-5)' })).toContainText('Sam’s latest wellbeing score: 20 of 100.');
    const reply = await writeBack(mentor.page, 'Sam', NOTE);
    expect(reply.startsWith(`${server.url}#reply=`) || reply.startsWith(`${server.url}/#reply=`)).toBe(true);
    // Still nothing kept by the viewer.
    expect(await mentor.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
    for (const colorScheme of ['light', 'dark'] as const) {
      await mentor.page.emulateMedia({ colorScheme });
      await expectAccessible(mentor.page, `viewer reply ${colorScheme}`);
    }
    await mentor.page.goto(onServer(forRobin, server.url));
    const replyToRobinsLink = await writeBack(mentor.page, 'Sam', 'Good week.');
    expect(mentor.errors).toEqual([]);
    await mentor.context.close();

    // Pasted into the extension's dashboard: the note, who sent it and when.
    const from = await paste(dashboard, reply);
    await expect(from.getByRole('status').filter({ hasText: 'Alex’s reply is below.' })).toBeVisible();
    const kept = from.getByRole('list', { name: 'From my mentors' });
    await expect(kept.getByRole('listitem').filter({ hasText: 'Alex wrote' })).toHaveCount(1);
    await expect(kept).toContainText('Proud of how you handled Friday.');
    await expect(kept).toContainText('Call me when the shift ends?');
    await expect(kept).toContainText('Proud of you');
    await expect(kept).toContainText('Call me this week');
    await expect(kept).toContainText('In reply to your link for Alex');
    await expect(kept).toContainText('New');
    for (const colorScheme of ['light', 'dark'] as const) {
      await dashboard.emulateMedia({ colorScheme });
      await expectAccessible(dashboard, `from my mentors ${colorScheme}`, '.replies');
    }
    await dashboard.emulateMedia({ colorScheme: 'light' });

    // Opened twice, kept once.
    await paste(dashboard, reply);
    await expect(from.getByRole('status').filter({ hasText: 'This reply from Alex is already kept here' })).toBeVisible();
    await expect(kept.getByRole('listitem').filter({ hasText: 'Alex wrote' })).toHaveCount(1);

    // A changed reply, and a reply to a link removed from the log, are refused.
    const at = reply.length - 30;
    const changed = reply.slice(0, at) + (reply[at] === 'A' ? 'B' : 'A') + reply.slice(at + 1);
    await paste(dashboard, changed);
    await expect(from.getByRole('alert')).toContainText('changed or damaged along the way');
    await dashboard.getByRole('list', { name: 'Links you have shared' }).getByRole('button', { name: /^Remove from list: the link to Robin/ }).click();
    await paste(dashboard, replyToRobinsLink);
    await expect(from.getByRole('alert')).toContainText('answers a link you removed from your list');
    await expect(kept.getByRole('listitem').filter({ hasText: 'Alex wrote' })).toHaveCount(1);

    // The popup: a gentle "Alex wrote back" until the reply is marked read.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await expect(popup.getByText('Alex wrote back')).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Read it in Mentor links' })).toBeVisible();
    await expectAccessible(popup, 'popup with a reply');
    await kept.getByRole('button', { name: /^Mark Alex’s reply of .* as read$/ }).click();
    await expect(kept).not.toContainText('New');
    await expect(popup.getByText('Alex wrote back')).toHaveCount(0);

    // The web app: refused until the share log is there, then opened.
    const phone = await (await pwaBrowser.newContext()).newPage();
    await phone.goto(reply);
    const phoneFrom = phone.getByRole('region', { name: 'From my mentors' });
    await expect(phoneFrom.getByRole('alert')).toContainText('isn’t in this Tandem’s list of mentor links');
    await expect(phoneFrom).toContainText('opens in the web app only once sync or a transfer');
    expect(new URL(phone.url()).hash).toBe('#share');

    await openView(dashboard, 'Settings');
    const move = dashboard.getByRole('region', { name: 'Move to my phone' });
    await move.getByLabel('Passphrase').fill('blue kettle morning');
    await move.getByRole('textbox', { name: 'Address of Tandem’s web app' }).fill(server.url);
    await move.getByRole('button', { name: 'Make a link (last 90 days)' }).click();
    const transfer = await move.getByRole('textbox', { name: 'Transfer link' }).inputValue();
    // A new address, not only a new fragment, so the page starts afresh and reads it.
    await phone.goto('about:blank');
    await phone.goto(transfer);
    await phone.getByLabel('Passphrase').first().fill('blue kettle morning');
    await phone.getByRole('button', { name: 'Open', exact: true }).click();
    await phone.getByRole('button', { name: 'Add to my data' }).click();
    await expect(phone.getByText(/^Done: /)).toBeVisible();
    await phone.goto('about:blank');
    await phone.goto(reply);
    // The transfer brought the link's key, so the reply opens; it brought the kept reply too.
    await expect(
      phone.getByRole('region', { name: 'From my mentors' }).getByRole('status').filter({ hasText: 'This reply from Alex is already kept here' }),
    ).toBeVisible();
    await expect(phone.getByRole('region', { name: 'From my mentors' }).getByRole('alert')).toHaveText('');
    await expect(phone.getByRole('list', { name: 'From my mentors' })).toContainText('Proud of how you handled Friday.');
    // The reply left the address bar.
    expect(new URL(phone.url()).hash).toBe('#share');
  } finally {
    await close();
  }
});

function snapshot(name: string, daysAgo: number, now: number): Snapshot {
  const DAY = 86_400_000;
  const createdAt = now - daysAgo * DAY;
  const lastDay = new Date(createdAt).toISOString().slice(0, 10);
  return {
    name,
    createdAt,
    expiresAt: createdAt + 30 * DAY,
    period: 7,
    lastDay,
    streak: { current: 10 - daysAgo, best: 12 },
    checkins: [1, 1, 2, 1, 1, 1, 1],
    mood: [30, 30, 30, 35, 40, 40, 45],
    reflections: { nearMisses: 0, setbacks: 0 },
    wellbeing: daysAgo % 2 === 0 ? [{ day: 0, score: 48 }, { day: 6, score: 64 }] : undefined,
  };
}

test('the mentor’s list at a glance: ten people on one phone screen, least recently heard from first, each with Write back', async ({
  pwaBrowser,
  server,
}) => {
  test.setTimeout(120_000);
  const context = await pwaBrowser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const now = Date.now();
  const names = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eli', 'Fatma', 'Gus', 'Hana', 'Ivo', 'Jun'];
  for (const [i, name] of names.entries()) {
    const snap = snapshot(name, i, now);
    if (!snap.wellbeing) delete snap.wellbeing;
    await page.goto(`${server.url}viewer.html#${await encodeFragment(snap)}`);
    await page.getByRole('button', { name: 'Keep in my list' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Kept.' })).toBeVisible();
  }
  await page.goto(`${server.url}viewer.html`);
  const list = page.getByRole('region', { name: 'My list' });
  const items = list.getByRole('list').getByRole('listitem');
  await expect(items).toHaveCount(10);
  // Least recently heard from first: Jun (9 days ago) down to Ana (today).
  await expect(items.first()).toContainText('Jun');
  await expect(items.first()).toContainText('Last heard from 9 days ago');
  await expect(items.last()).toContainText('Ana');
  await expect(items.last()).toContainText('Last heard from today');
  await expect(items.last()).toContainText('streak 10 days');
  await expect(items.last()).toContainText('wellbeing 64, rising');
  await expect(items.last()).toContainText('mood');
  // All ten on one 390 × 844 screen, the list's first and last entry visible together.
  const first = await items.first().boundingBox();
  const last = await items.last().boundingBox();
  expect(last!.y + last!.height - first!.y).toBeLessThanOrEqual(844);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `mentor list ${colorScheme}`);
  }
  await list.getByRole('button', { name: 'Write back to Hana' }).click();
  await expect(page.getByRole('heading', { name: 'Write back to Hana' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Alex');
  await page.getByRole('checkbox', { name: 'Let’s look at this together' }).check();
  await page.getByRole('button', { name: 'Make reply link' }).click();
  expect(await page.getByRole('textbox', { name: 'Reply link' }).inputValue()).toMatch(/#reply=[A-Za-z0-9_-]+$/);
  await context.close();
});
