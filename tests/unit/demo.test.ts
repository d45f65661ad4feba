import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateBackup } from '../../lib/backup/parse';
import { demoBackup, generateDemoData, isEmptyStore, loadDemoData } from '../../lib/demo';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { computeDayStat } from '../../lib/db/dayStats';
import { NONE_REFUSED } from './backup-sample';
import { insights } from '../../components/i18n/en/insights';
import { createFmt } from '../../components/i18n/fmt';

const englishInsights = insights(createFmt('en'));

let db: TandemDatabase;
let n = 0;
beforeEach(() => {
  db = openDatabase(`demo-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const NOW = Date.UTC(2026, 5, 17, 10);
const options = { seed: 3, today: '2026-06-17', days: 60, checkinsPerDay: 4, reflections: 20, timeZone: 'Europe/Berlin', dayStartHour: 4, now: NOW };

describe('demo data', () => {
  it('is the same for the same seed, and dates nothing after now', () => {
    const a = generateDemoData(options);
    expect(generateDemoData(options)).toEqual(a);
    expect(generateDemoData({ ...options, seed: 4 })).not.toEqual(a);
    expect(Math.max(...a.checkins.map((c) => c.at), ...a.reflections.map((r) => r.at))).toBeLessThanOrEqual(NOW);
    expect(a.checkins.length).toBeGreaterThan(100);
  });

  it('loads into an empty store with its aggregates, and never into one that has records', async () => {
    const data = generateDemoData(options);
    expect(await isEmptyStore(db)).toBe(true);
    await loadDemoData(db, data);
    expect(await isEmptyStore(db)).toBe(false);
    const days = [...new Set(data.checkins.map((c) => c.day))];
    expect(await db.dayStats.count()).toBe(days.length);
    expect(await db.dayStats.get(days[0]!)).toEqual(computeDayStat(days[0]!, data.checkins));
    const before = await db.checkins.count();
    await expect(loadDemoData(db, generateDemoData({ ...options, seed: 9 }))).rejects.toMatchObject({ problem: { code: 'demo.notEmpty' } });
    expect(englishInsights.problems['demo.notEmpty']({ code: 'demo.notEmpty' })).toMatch(/only be loaded into an empty Tandem/);
    expect(await db.checkins.count()).toBe(before);
  });

  it('is a valid backup file, so the script’s output can be restored in the app', () => {
    const backup = demoBackup(generateDemoData(options), NOW);
    expect(validateBackup(JSON.parse(JSON.stringify(backup)), NOW)).toEqual({ ...backup, refused: NONE_REFUSED });
  });
});
