import { expect } from '@playwright/test';
import { openView } from './browser';
import { expectAccessible, pwaTest as test } from './fixtures';

// Issue 15 end to end, in the served web app: a Daylio export with a renamed mood is placed on
// Tandem's scale, previewed and added, shows in Insights and in the check-in list with its
// note; importing it again changes nothing, and "Undo this import" takes it back.

const ZONE = 'Europe/Madrid';

/** "YYYY-MM-DD" `daysAgo` days before today in ZONE. */
function dayBefore(daysAgo: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now() - daysAgo * 86_400_000);
  return parts;
}

function daylioFile(): Buffer {
  const rows = ['full_date,date,weekday,time,mood,activities,note_title,note'];
  for (let i = 1; i <= 10; i++) {
    const mood = i % 3 === 0 ? 'Sleepy' : i % 2 === 0 ? 'rad' : 'awful';
    const activities = i % 2 === 0 ? 'work | tired' : 'friends';
    rows.push(`${dayBefore(i)},x,y,${i % 2 === 0 ? '9:15 AM' : '21:30'},${mood},${activities},,"Day ${i}, ""quoted"" <b>text</b>"`);
  }
  return Buffer.from(`\uFEFF${rows.join('\r\n')}\r\n`, 'utf8');
}

test('a Daylio file with its moods placed shows in Insights; a second import changes nothing; undo takes it back', async ({ pwaBrowser, server }) => {
  const context = await pwaBrowser.newContext({ timezoneId: ZONE });
  const page = await context.newPage();
  await page.goto(server.url);
  await openView(page, 'Settings');
  const panel = page.getByRole('region', { name: 'Import from another app' });
  await expect(panel).toContainText(`local time in this device’s time zone (${ZONE})`);
  const file = { name: 'daylio_export.csv', mimeType: 'text/csv', buffer: daylioFile() };
  await panel.getByLabel('Choose a Daylio or Tandem CSV file').setInputFiles(file);

  await expect(panel.getByRole('heading', { name: 'Place your moods' })).toBeFocused();
  // Daylio's defaults come placed; the renamed mood waits for the person, and says what leaving it means.
  await expect(panel.getByLabel('“rad” (4 entries)')).toHaveValue('5');
  await expect(panel.getByLabel('“awful” (3 entries)')).toHaveValue('1');
  await expect(panel.getByLabel('“Sleepy” (3 entries)')).toHaveValue('');
  await expect(panel).toContainText('3 entries have a mood with no place on the scale yet and will be left out.');
  await expectAccessible(page, 'placing moods', '.data-panel');
  await panel.getByLabel('“Sleepy” (3 entries)').selectOption({ label: '2 Low' });
  await panel.getByRole('button', { name: 'Show what would change' }).click();
  await expect(panel.getByText('10 new, 0 updated, 0 deleted, 0 unchanged')).toBeVisible();
  await panel.getByRole('button', { name: 'Add to my data' }).click();
  await expect(panel.getByText('Done: 10 new, 0 updated, 0 deleted, 0 unchanged.')).toBeVisible();

  await openView(page, 'Insights');
  const mood = page.getByRole('region', { name: 'Mood over time' });
  await expect(mood).toContainText('Checked in on 10 of 30 days');
  await openView(page, 'Check in');
  const recent = page.getByRole('list', { name: 'Recent check-ins' });
  await expect(recent).toContainText('Day 1, "quoted" <b>text</b>');
  await expect(recent).toContainText('Activities: work');

  // The same file again: recognised, nothing changes.
  await openView(page, 'Settings');
  await panel.getByLabel('Choose a Daylio or Tandem CSV file').setInputFiles(file);
  await panel.getByLabel('“Sleepy” (3 entries)').selectOption({ label: '2 Low' });
  await panel.getByRole('button', { name: 'Show what would change' }).click();
  await expect(panel.getByText('0 new, 0 updated, 0 deleted, 10 unchanged')).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();

  const undo = page.getByRole('region', { name: 'Undo this import' });
  await undo.getByRole('button', { name: 'Undo this import' }).click();
  await expect(undo.getByText('Undone: 10 records removed, 0 put back.')).toBeVisible();
  await openView(page, 'Insights');
  await expect(mood).not.toContainText('Checked in on 10 of 30 days');
  await context.close();
});

test('a file dropped on the page opens in the import, and a file of another kind is refused with the data unchanged', async ({ page, server }) => {
  await page.goto(server.url);
  await openView(page, 'Check in');
  await page.getByRole('button', { name: /^4 / }).click();
  await expect(page.getByText('1-day streak')).toBeVisible();
  await openView(page, 'Settings');
  const panel = page.getByRole('region', { name: 'Import from another app' });
  // A person drops a file on the page once it shows the import (the view loads when opened).
  await expect(panel.getByLabel('Choose a Daylio or Tandem CSV file')).toBeVisible();
  const drop = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'notes.csv', { type: 'text/csv' }));
    return transfer;
  }, 'name,phone\nSam,123\n');
  await page.dispatchEvent('main', 'drop', { dataTransfer: drop });
  await expect(panel.getByRole('alert')).toContainText('This isn’t a Daylio export or a Tandem spreadsheet.');
  await expect(panel.getByLabel('Choose a Daylio or Tandem CSV file')).toBeVisible();
  await openView(page, 'Check in');
  await expect(page.getByRole('list', { name: 'Recent check-ins' }).getByRole('listitem')).toHaveCount(1);
});

test('placing moods and the preview pass axe in dark mode', async ({ pwaBrowser, server }) => {
  const context = await pwaBrowser.newContext({ colorScheme: 'dark', timezoneId: ZONE });
  const page = await context.newPage();
  await page.goto(server.url);
  await openView(page, 'Settings');
  const panel = page.getByRole('region', { name: 'Import from another app' });
  await panel.getByLabel('Choose a Daylio or Tandem CSV file').setInputFiles({ name: 'd.csv', mimeType: 'text/csv', buffer: daylioFile() });
  await expect(panel.getByRole('heading', { name: 'Place your moods' })).toBeFocused();
  await expectAccessible(page, 'placing moods (dark)', '.data-panel');
  await panel.getByRole('button', { name: 'Show what would change' }).click();
  await expect(panel.getByText('3 entries with the mood “Sleepy” are left out, because it has no place on the scale.')).toBeVisible();
  await expect(panel.getByText('7 new, 0 updated, 0 deleted, 0 unchanged')).toBeVisible();
  await expectAccessible(page, 'sheet preview (dark)', '.data-panel');
  await context.close();
});
