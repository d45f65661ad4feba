import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { appUrlFor, DEFAULT_APP_URL } from '../../lib/share/appUrl';
import { createMenteeList, menteeKey } from '../../lib/share/menteeList';
import { qrPath } from '../../lib/qr';
import type { Snapshot } from '../../lib/share/model';
import { averageMood, changeFromText, changesSince, dayOf, daysCheckedIn, firstDay, leadingBlanks, moodReading, type ChangeFact } from '../../lib/share/summary';
import { messages as english } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';
import { createFmt } from '../../components/i18n/fmt';

const DAY = 86_400_000;
const en = english(createFmt('en')).share;
const es = spanish(createFmt('es')).share;
const NOW = Date.parse('2026-11-27T15:00:00Z');

function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    name: 'Sam',
    createdAt: NOW,
    expiresAt: NOW + 14 * DAY,
    period: 7,
    lastDay: '2026-11-27',
    streak: { current: 3, best: 9 },
    checkins: [1, 0, 2, 3, 0, 1, 2],
    mood: [30, 0, 25, 40, 0, 50, 35],
    wins: [{ day: 6, text: 'Walked home' }],
    reflections: { nearMisses: 0, setbacks: 0 },
    ...over,
  };
}

describe('reading a snapshot', () => {
  it('names the days of the period and counts the days checked in', () => {
    const s = snapshot();
    expect(firstDay(s)).toBe('2026-11-21');
    expect(dayOf(s, 6)).toBe('2026-11-27');
    expect(daysCheckedIn(s)).toBe(5);
    // 2026-11-21 is a Saturday: five blanks before it in a Monday-first calendar.
    expect(leadingBlanks(s)).toBe(5);
    expect(leadingBlanks(snapshot({ lastDay: '2026-11-29' }))).toBe(0);
  });

  it('averages mood over the days with check-ins only, and says so when none', () => {
    const s = snapshot();
    expect(averageMood(s)).toBe(3.6);
    expect(averageMood(s, 5)).toBe(4.3);
    expect(averageMood(s, 1, 2)).toBeNull();
    expect(moodReading(s)).toEqual({ overall: 3.6, lastWeek: 3.6, weekBefore: null });
    const { mood: _, ...withoutMood } = s;
    expect(moodReading(withoutMood)).toEqual({ overall: null, lastWeek: null, weekBefore: null });
  });
});

describe('what changed since the snapshot before', () => {
  it('compares streaks, new check-in days, the last week’s mood and new micro-wins by date', () => {
    const before = snapshot();
    const after = snapshot({
      createdAt: NOW + 3 * DAY,
      expiresAt: NOW + 17 * DAY,
      lastDay: '2026-11-30',
      streak: { current: 6, best: 9 },
      // Shifted three days: the old last four days, then three new ones (two with check-ins).
      checkins: [3, 0, 1, 2, 1, 0, 4],
      mood: [40, 0, 50, 35, 20, 0, 30],
      wins: [{ day: 3, text: 'Walked home' }, { day: 6, text: 'Slept well' }],
    });
    const changes = changesSince(before, after);
    expect(changes).toEqual([
      { kind: 'streak', from: 3, to: 6 },
      { kind: 'checkedIn', days: 2, of: 3 },
      { kind: 'mood', from: 3.6, to: 3.5 },
      { kind: 'wins', count: 1 },
    ]);
    expect(changes.map(en.change)).toEqual([
      'Current streak: 3 → 6 days.',
      'Checked in on 2 of the 3 days since the last snapshot.',
      'Average mood over the last 7 days: 3.6 → 3.5 (of 5).',
      '1 new micro-win.',
    ]);
    expect(changes.map(es.change)).toEqual([
      'Racha actual: 3 → 6 días.',
      'Días con registro desde el resumen anterior: 2 de 3.',
      'Ánimo medio de los últimos 7 días: 3,6 → 3,5 (sobre 5).',
      '1 pequeño logro nuevo.',
    ]);
    const same = changesSince(before, snapshot({ streak: { current: 3, best: 12 }, wins: [] }));
    expect(same).toEqual([
      { kind: 'streakSame', days: 3 },
      { kind: 'bestStreak', days: 12 },
      { kind: 'mood', from: 3.6, to: 3.6 },
      { kind: 'wins', count: 0 },
    ]);
    expect(same.map(en.change)).toEqual([
      'Current streak unchanged: 3 days.',
      'New best streak: 12 days.',
      'Average mood over the last 7 days: 3.6 → 3.6 (of 5).',
      'No new micro-wins.',
    ]);
    expect(en.change({ kind: 'streakSame', days: 1 })).toBe('Current streak unchanged: 1 day.');
  });
});

describe('what changed, as older versions kept it (English sentences)', () => {
  // Every sentence a released version wrote (lib/share/summary.ts before facts), and its fact.
  const SHIPPED: [string, ChangeFact][] = [
    ['Current streak: 3 → 4 days.', { kind: 'streak', from: 3, to: 4 }],
    ['Current streak: 0 → 1 days.', { kind: 'streak', from: 0, to: 1 }],
    ['Current streak unchanged: 1 day.', { kind: 'streakSame', days: 1 }],
    // The first release said "1 days".
    ['Current streak unchanged: 1 days.', { kind: 'streakSame', days: 1 }],
    ['Current streak unchanged: 12 days.', { kind: 'streakSame', days: 12 }],
    ['New best streak: 12 days.', { kind: 'bestStreak', days: 12 }],
    ['New best streak: 1 days.', { kind: 'bestStreak', days: 1 }],
    ['Checked in on 2 of the 3 days since the last snapshot.', { kind: 'checkedIn', days: 2, of: 3 }],
    ['Checked in on 0 of the 1 day since the last snapshot.', { kind: 'checkedIn', days: 0, of: 1 }],
    ['Average mood over the last 7 days: 3.6 → 4 (of 5).', { kind: 'mood', from: 3.6, to: 4 }],
    ['No new micro-wins.', { kind: 'wins', count: 0 }],
    ['1 new micro-win.', { kind: 'wins', count: 1 }],
    ['3 new micro-wins.', { kind: 'wins', count: 3 }],
  ];

  it('turns each into its fact, which then reads in English as before and in Spanish', () => {
    for (const [sentence, fact] of SHIPPED) {
      expect(changeFromText(sentence), sentence).toEqual(fact);
      expect(es.change(fact)).not.toMatch(/streak|mood|micro|days/i);
    }
    // Sentences the current release words the same way read back word for word.
    for (const [sentence, fact] of SHIPPED.filter(([s]) => !/ 1 days|→ 1 days/.test(s))) expect(en.change(fact)).toBe(sentence);
  });

  it('keeps anything else as it was written', () => {
    for (const text of ['Current streak: lots', 'Racha actual: 3 → 4 días.', 'Average mood over the last 7 days: 9 → 4 (of 5).', '']) {
      expect(changeFromText(text)).toEqual({ kind: 'text', text });
      expect(en.change({ kind: 'text', text })).toBe(text);
    }
  });
});

describe('the mentor’s list', () => {
  let n = 0;
  const fresh = () => {
    const name = `mentor-list-${n++}`;
    let opened = false;
    const list = createMenteeList(
      () => {
        opened = true;
        return createStore(name, 'mentees');
      },
      async () => (await indexedDB.databases()).some((d) => d.name === name),
    );
    return { list, wasOpened: () => opened };
  };

  it('creates no database just by looking at an empty list', async () => {
    const { list, wasOpened } = fresh();
    expect(await list.load(NOW)).toEqual({ kept: [], expired: 0 });
    expect(wasOpened()).toBe(false);
  });

  it('keeps the newest snapshot per person with the changes from the one before', async () => {
    const { list } = fresh();
    const first = await list.keep(snapshot(), NOW);
    expect(first.changes).toBeNull();
    const newer = snapshot({ name: ' sam ', createdAt: NOW + DAY, expiresAt: NOW + 10 * DAY, streak: { current: 4, best: 9 } });
    const second = await list.keep(newer, NOW + DAY);
    expect(second.changes?.[0]).toEqual({ kind: 'streak', from: 3, to: 4 });
    // An older link opened later does not replace the newer one.
    expect((await list.keep(snapshot(), NOW + DAY)).snapshot.createdAt).toBe(NOW + DAY);
    await list.keep(snapshot({ name: 'Jo' }), NOW);
    const { kept } = await list.load(NOW + DAY);
    expect(kept.map((k) => [k.name, k.snapshot.streak.current])).toEqual([['Jo', 3], [' sam ', 4]]);
    expect(menteeKey(' Sam ')).toBe(menteeKey('sam'));
    await list.remove('Jo');
    expect((await list.load(NOW + DAY)).kept).toHaveLength(1);
  });

  it('reads a list an older version kept, its English changes as facts and the rest as written', async () => {
    const name = `mentor-list-${n++}`;
    const store = createStore(name, 'mentees');
    const list = createMenteeList(() => store, async () => true);
    const old = ['Current streak unchanged: 1 days.', 'New best streak: 9 days.', 'Average mood over the last 7 days: 3.6 → 3.5 (of 5).', '2 new micro-wins.', 'Something a hand edit put here', 42, { kind: 'wins' }];
    await set(menteeKey('Sam'), { name: 'Sam', snapshot: snapshot(), changes: old, keptAt: NOW }, store);
    await set(menteeKey('Jo'), { name: 'Jo', snapshot: snapshot({ name: 'Jo' }), changes: null, keptAt: NOW }, store);
    const { kept } = await list.load(NOW);
    expect(kept.map((k) => [k.name, k.changes])).toEqual([
      ['Jo', null],
      [
        'Sam',
        [
          { kind: 'streakSame', days: 1 },
          { kind: 'bestStreak', days: 9 },
          { kind: 'mood', from: 3.6, to: 3.5 },
          { kind: 'wins', count: 2 },
          // Not a sentence Tandem wrote: kept as it was; what is not text at all is left out.
          { kind: 'text', text: 'Something a hand edit put here' },
        ],
      ],
    ]);
    expect(kept[1]!.changes!.map(es.change)).toEqual([
      'La racha actual sigue igual: 1 día.',
      'Nueva mejor racha: 9 días.',
      'Ánimo medio de los últimos 7 días: 3,6 → 3,5 (sobre 5).',
      '2 pequeños logros nuevos.',
      'Something a hand edit put here',
    ]);
    // Kept again (the same link), the row is written as facts.
    const again = await list.keep(snapshot(), NOW);
    expect(again.changes).toEqual(kept[1]!.changes);
  });

  it('drops a kept snapshot once its link has expired, as the person chose', async () => {
    const { list } = fresh();
    await list.keep(snapshot({ expiresAt: NOW + DAY }), NOW);
    expect((await list.load(NOW + DAY - 1)).kept).toHaveLength(1);
    expect(await list.load(NOW + DAY)).toEqual({ kept: [], expired: 1 });
    expect(await list.load(NOW + DAY)).toEqual({ kept: [], expired: 0 });
  });
});

describe('app URL', () => {
  it('is the PWA’s own folder on the web, and the build setting in the extension', () => {
    expect(appUrlFor('https://example.org/tandem/index.html#checkin')).toBe('https://example.org/tandem/');
    expect(appUrlFor('http://192.168.1.5:4173/')).toBe('http://192.168.1.5:4173/');
    expect(appUrlFor('chrome-extension://abc/dashboard.html', 'https://tandem.example/app')).toBe('https://tandem.example/app/');
    expect(appUrlFor('moz-extension://abc/dashboard.html')).toBe(DEFAULT_APP_URL);
    expect(appUrlFor('chrome-extension://abc/dashboard.html', 'https://tandem.example/app/index.html')).toBe('https://tandem.example/app/');
    expect(appUrlFor('chrome-extension://abc/dashboard.html', 'https://tandem.example/app/?from=x')).toBe('https://tandem.example/app/');
    expect(appUrlFor(undefined)).toBe(DEFAULT_APP_URL);
  });
});

describe('QR code', () => {
  it('draws a link of a busy month, and declines one too long for any QR code', () => {
    const link = `http://127.0.0.1:4173/viewer.html#${'Ab3_-'.repeat(160)}`;
    const qr = qrPath(link)!;
    expect(qr.size).toBeGreaterThan(100);
    expect(qr.d).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    expect(qrPath(`${link}${'x'.repeat(3000)}`)).toBeNull();
  });
});
