import { expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openView } from './browser';
import { pwaTest } from './fixtures';

// The safety issue, as a person meets it in the web app: a file made by the previous release
// with a few hostile records added. The good records come in, the bad ones are named (with
// their dates) and left out, the crisis sheet dials exactly what it shows, and what came in
// can be backed up again and restored in another browser.

const test = pwaTest.extend<{ dir: string }>({
  // eslint-disable-next-line no-empty-pattern
  dir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-safety-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

const base = (id: string, at: number) => ({ id, createdAt: at, updatedAt: at, deletedAt: null });

/** The released export, plus: an edge-of-range check-in that must come in, and three that must not. */
function hostileFile(): Buffer {
  const file = JSON.parse(readFileSync('tests/fixtures/backup-2026-12.json', 'utf8'));
  const edge = Date.UTC(2000, 0, 1);
  file.tables.checkins.push(
    // 2000-01-01 00:00 UTC at −14:00 is 1999-12-31 there: a day outside 2000, still a valid record.
    { ...base('edge-0000-4000-8000-000000000001', edge), at: edge, day: '1999-12-31', utcOffset: -840, timeZone: 'Etc/GMT+12', mood: 3, win: 'Edge of time', tags: [] },
    // A clock that read 2099 when this was saved: it would win every merge forever.
    { ...base('future-00-4000-8000-000000000001', Date.UTC(2099, 5, 1)), at: Date.UTC(2099, 5, 1), day: '2099-06-01', utcOffset: 0, timeZone: 'UTC', mood: 5, win: 'From the future', tags: [] },
    { ...base('badmood-0-4000-8000-000000000001', Date.UTC(2026, 10, 3)), at: Date.UTC(2026, 10, 3), day: '2026-11-03', utcOffset: 0, timeZone: 'UTC', mood: 7, win: '', tags: [] },
  );
  file.tables.contacts.push({
    ...base('crisis-00-4000-8000-000000000001', Date.UTC(2026, 10, 4)),
    role: 'helpline', name: 'Crisis text line', phone: '988 or text 741741', note: '', order: 5,
  });
  return Buffer.from(JSON.stringify(file));
}

async function importFile(page: Page, buffer: Buffer) {
  await openView(page, 'Settings');
  await page.getByLabel('Choose a backup or transfer file').setInputFiles({ name: 'tandem-backup.json', mimeType: 'application/json', buffer });
  await expect(page.getByRole('heading', { name: 'What this file would change' })).toBeFocused();
}

test('a file with some hostile records: the rest comes in, those are named, and everything backs up again', async ({ page, server, pwaBrowser, dir }) => {
  await page.goto(server.url);
  await expect(page.getByText('0-day streak')).toBeVisible();
  await importFile(page, hostileFile());

  const refused = page.getByRole('alert').filter({ hasText: 'can’t be added' });
  await expect(refused).toContainText('3 records in this file can’t be added');
  await expect(refused).toContainText('(Jun 1, 2099): it is dated later than this device’s clock.');
  await expect(refused).toContainText('(Nov 3, 2026): field “mood” must be a mood from 1 to 5.');
  await expect(refused).toContainText('contact 3 (Nov 4, 2026): field “phone” is not a number a phone can dial.');
  // 3 live check-ins from the release + the edge one; 2 reflections, 2 plan entries, 2 values, 2 contacts, 1 link; 1 deleted check-in.
  await expect(page.getByText('13 new, 0 updated, 1 deleted, 0 unchanged')).toBeVisible();
  await page.getByRole('button', { name: 'Add to my data' }).click();
  await expect(page.getByText('Done: 13 new, 0 updated, 1 deleted, 0 unchanged.')).toBeVisible();

  // The crisis sheet: only the numbers a phone dials as shown, each dialling exactly those digits.
  await page.getByRole('button', { name: 'Crisis sheet' }).click();
  const sheet = page.getByRole('dialog', { name: 'Crisis sheet' });
  await expect(sheet.getByRole('link', { name: 'Call Sam' })).toHaveAttribute('href', 'tel:+34600123456');
  await sheet.getByText('More: other people, all my steps, other timer lengths').click();
  await expect(sheet.getByRole('link', { name: 'Call Helpline' })).toHaveAttribute('href', 'tel:024');
  await expect(sheet.getByText('Crisis text line')).toHaveCount(0);
  // The isolate marks the chat app put around "Sam" are gone from the stored step.
  await expect(sheet.getByRole('listitem').filter({ hasText: /^Call Sam$/ })).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();

  // What came in, the edge-of-range check-in included, backs up and restores elsewhere.
  await openView(page, 'Settings');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save backup file' }).click();
  const path = join(dir, 'again.json');
  await (await downloading).saveAs(path);
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  expect(saved.tables.checkins.map((c: { win: string }) => c.win)).toContain('Edge of time');
  expect(JSON.stringify(saved)).not.toMatch(/[\u2066-\u2069\u202a-\u202e]/);

  const other = await (await pwaBrowser.newContext()).newPage();
  await other.goto(server.url);
  await importFile(other, readFileSync(path));
  await expect(other.getByRole('alert').filter({ hasText: 'can’t be added' })).toHaveCount(0);
  await expect(other.getByText('13 new, 0 updated, 1 deleted, 0 unchanged')).toBeVisible();
  await other.getByRole('button', { name: 'Add to my data' }).click();
  await expect(other.getByText('Done: 13 new, 0 updated, 1 deleted, 0 unchanged.')).toBeVisible();
  await other.context().close();
});

test('the app page and the viewer carry a Content-Security-Policy, and the server forbids framing', async ({ page, server }) => {
  for (const path of ['', 'viewer.html']) {
    const response = await page.goto(server.url + path);
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
  }
  await page.goto(server.url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("connect-src 'self' https: http://127.0.0.1:* http://localhost:*");
});

test('an older store with records outside the rules is tidied on update, and the person is told once', async ({ page, server }) => {
  const fixture = JSON.parse(readFileSync('tests/fixtures/db-v2.json', 'utf8'));
  const at = Date.UTC(2026, 10, 20, 9);
  fixture.records = {
    checkins: [{ id: 'old-0000-4000-8000-000000000001', at, day: '2026-11-20', utcOffset: 60, timeZone: 'Europe/Madrid', mood: 4, win: 'Called \u2068Sam\u2069 back', tags: [], createdAt: at, updatedAt: at, deletedAt: null }],
    contacts: [{ id: 'old-0000-4000-8000-000000000002', role: 'helpline', name: 'Crisis line', phone: '988 or text 741741', note: '', order: 0, createdAt: at, updatedAt: at, deletedAt: null }],
  };
  // A page of the same origin that is not the app, where the old release's database is made.
  await page.goto(`${server.url}robots.txt`);
  await page.evaluate(
    (f) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('tandem', f.idbVersion);
        open.onupgradeneeded = () => {
          for (const [name, def] of Object.entries(f.stores) as [string, { keyPath: string; indexes: { name: string; keyPath: string }[] }][]) {
            const os = open.result.createObjectStore(name, { keyPath: def.keyPath });
            for (const index of def.indexes) os.createIndex(index.name, index.keyPath);
          }
        };
        open.onsuccess = () => {
          const tx = open.result.transaction(Object.keys(f.records), 'readwrite');
          for (const [name, rows] of Object.entries(f.records) as [string, unknown[]][]) for (const row of rows) tx.objectStore(name).put(row);
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
    fixture,
  );
  await page.goto(server.url);
  const notice = page.getByRole('region', { name: 'Tandem tidied some of your records' });
  await expect(notice).toContainText('changed 2 records a little');
  await expect(notice).toContainText('A phone number a phone can’t dial as written was moved into the contact’s note');
  await expect(page.getByRole('list', { name: 'Recent check-ins' })).toContainText('Called Sam back');
  await notice.getByRole('button', { name: 'OK' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'How are you right now?' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tandem tidied some of your records' })).toHaveCount(0);

  // The number that could not be dialled is kept, as text, and offers no link.
  await page.getByRole('button', { name: 'Crisis sheet' }).click();
  const sheet = page.getByRole('dialog', { name: 'Crisis sheet' });
  await expect(sheet).toContainText('Crisis line');
  await expect(sheet).toContainText('988 or text 741741');
  await expect(sheet.getByRole('link', { name: /Crisis line/ })).toHaveCount(0);
});
