import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bytesText } from '../../components/i18n/en/data';
import { createFmt } from '../../components/i18n/fmt';
import { backupOverdue, BACKUP_NUDGE_DAYS, readStorageStatus, requestPersistence } from '../../lib/storageStatus';

const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;

describe('storage status', () => {
  it('reads what the browser reports, and null for what it cannot say', async () => {
    expect(
      await readStorageStatus({ persisted: async () => true, estimate: async () => ({ usage: 2048, quota: 1e9 }) }),
    ).toEqual({ persistent: true, usage: 2048, quota: 1e9 });
    expect(await readStorageStatus(undefined)).toEqual({ persistent: null, usage: null, quota: null });
    expect(await readStorageStatus({ persisted: () => Promise.reject(new Error('no')) })).toEqual({
      persistent: null,
      usage: null,
      quota: null,
    });
  });

  it('passes on the browser’s answer to a persistence request', async () => {
    expect(await requestPersistence({ persist: async () => false })).toBe(false);
    expect(await requestPersistence({})).toBeNull();
  });

  it('nudges after 30 days without a backup, never when there is nothing to lose', () => {
    const longAgo = NOW - 400 * DAY;
    expect(backupOverdue(undefined, NOW, null)).toBe(false);
    expect(backupOverdue(NOW - 100 * DAY, NOW, null)).toBe(false);
    expect(backupOverdue(NOW - (BACKUP_NUDGE_DAYS - 1) * DAY, NOW, longAgo)).toBe(false);
    expect(backupOverdue(NOW - BACKUP_NUDGE_DAYS * DAY, NOW, longAgo)).toBe(true);
  });

  it('gives a new user 30 days before the first nudge', () => {
    expect(backupOverdue(undefined, NOW, NOW - DAY)).toBe(false);
    expect(backupOverdue(undefined, NOW, NOW - (BACKUP_NUDGE_DAYS - 1) * DAY)).toBe(false);
    expect(backupOverdue(undefined, NOW, NOW - BACKUP_NUDGE_DAYS * DAY)).toBe(true);
  });

  it('formats sizes', () => {
    const en = createFmt('en');
    const es = createFmt('es');
    expect(bytesText(en, 900)).toBe('900 bytes');
    expect(bytesText(es, 1536)).toBe('1,5 kB');
    expect(bytesText(en, 1536)).toBe('1.5 kB');
    expect(bytesText(en, 52 * 1024 * 1024)).toBe('52 MB');
  });
});

describe('oldest record', () => {
  it('is the earliest check-in or reflection, deleted or not, and null on a new device', async () => {
    const { openDatabase } = await import('../../lib/db/schema');
    const { oldestRecordAt } = await import('../../lib/storageStatus');
    const { checkin, reflection } = await import('./backup-sample');
    const db = openDatabase('oldest-record');
    expect(await oldestRecordAt(db)).toBeNull();
    await db.reflections.put(reflection(0, { at: 1_000, deletedAt: 2_000 }));
    expect(await oldestRecordAt(db)).toBe(1_000);
    await db.checkins.put(checkin(0, { at: 500 }));
    expect(await oldestRecordAt(db)).toBe(500);
    await db.delete();
  });
});
