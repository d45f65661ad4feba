import { describe, expect, it } from 'vitest';
import type { Snapshot, SnapshotReflection } from '../../lib/share/model';
import { snapshotSummary } from '../../lib/share/summary';
import { summaryLines } from '../../components/share/summaryText';
import { messages as english } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';
import { createFmt } from '../../components/i18n/fmt';

// The summary a mentor's page opens with: facts from lib/share/summary.ts, words from the catalogue.

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-27T15:00:00Z');
const en = english(createFmt('en')).share;
const es = spanish(createFmt('es')).share;

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
    reflections: { nearMisses: 0, setbacks: 0 },
    ...over,
  };
}

const item = (triggers: string[], day = 0): SnapshotReflection => ({ day, kind: 'near-miss', triggers, helped: '', nextTime: '' });

/** Fourteen days: the first week's moods, then the second's (×10, 0 = no check-in). */
function twoWeeks(first: number[], second: number[], over: Partial<Snapshot> = {}): Snapshot {
  const mood = [...first, ...second];
  return snapshot({ period: 30, lastDay: '2026-11-27', checkins: [...new Array<number>(16).fill(0), ...mood.map((m) => (m > 0 ? 1 : 0))], mood: [...new Array<number>(16).fill(0), ...mood], ...over });
}

describe('the summary’s facts', () => {
  it('names the last day with a check-in, the streak, the last week’s mood and the counts', () => {
    expect(snapshotSummary(snapshot())).toEqual({
      lastCheckIn: { day: '2026-11-27', daysBefore: 0 },
      streak: { current: 3, best: 9 },
      mood: { thisWeek: 3.6, lastWeek: null, change: null },
      nearMisses: 0,
      setbacks: 0,
    });
  });

  it('counts the days between the last check-in and the day the link was made', () => {
    const s = snapshotSummary(snapshot({ checkins: [1, 0, 2, 0, 1, 0, 0], streak: { current: 0, best: 9 } }));
    expect(s.lastCheckIn).toEqual({ day: '2026-11-25', daysBefore: 2 });
    expect(snapshotSummary(snapshot({ checkins: [1, 0, 0, 0, 0, 0, 0] })).lastCheckIn).toEqual({ day: '2026-11-21', daysBefore: 6 });
  });

  it('says there was no check-in when the period has none', () => {
    const s = snapshotSummary(snapshot({ checkins: [0, 0, 0, 0, 0, 0, 0], mood: [0, 0, 0, 0, 0, 0, 0], streak: { current: 0, best: 0 } }));
    expect(s.lastCheckIn).toBeNull();
    expect(s.mood).toEqual({ thisWeek: null, lastWeek: null, change: null });
  });

  it('compares this week’s mood with the week before: up, down, or the same within 0.3', () => {
    const week = (m: number) => new Array<number>(7).fill(m);
    expect(snapshotSummary(twoWeeks(week(30), week(40))).mood).toEqual({ thisWeek: 4, lastWeek: 3, change: 'up' });
    expect(snapshotSummary(twoWeeks(week(40), week(25))).mood).toEqual({ thisWeek: 2.5, lastWeek: 4, change: 'down' });
    expect(snapshotSummary(twoWeeks(week(30), week(32))).mood).toEqual({ thisWeek: 3.2, lastWeek: 3, change: 'same' });
    // 0.3 apart is a change.
    expect(snapshotSummary(twoWeeks(week(30), week(33))).mood!.change).toBe('up');
    expect(snapshotSummary(twoWeeks(week(33), week(30))).mood!.change).toBe('down');
    // No check-in the week before: nothing to compare with.
    expect(snapshotSummary(twoWeeks(week(0), week(30))).mood).toEqual({ thisWeek: 3, lastWeek: null, change: null });
    expect(snapshotSummary(twoWeeks(week(30), week(0))).mood).toEqual({ thisWeek: null, lastWeek: 3, change: null });
  });

  it('says nothing about mood when it was not shared', () => {
    const { mood: _, ...withoutMood } = snapshot();
    expect(snapshotSummary(withoutMood)).not.toHaveProperty('mood');
  });

  it('names what pulled most often only from shared reflection texts, each trigger once per reflection', () => {
    const counts = { nearMisses: 2, setbacks: 1 };
    expect(snapshotSummary(snapshot({ reflections: counts }))).not.toHaveProperty('pulled');
    expect(snapshotSummary(snapshot({ reflections: { ...counts, items: [] } }))).not.toHaveProperty('pulled');
    expect(snapshotSummary(snapshot({ reflections: { ...counts, items: [item([]), item([' '])] } }))).not.toHaveProperty('pulled');

    const one = snapshotSummary(snapshot({ reflections: { ...counts, items: [item(['tired', 'Payday']), item(['tired']), item(['Tired', 'tired'])] } }));
    expect(one.pulled).toEqual({ triggers: ['tired'], times: 3 });
    expect(one).toMatchObject({ nearMisses: 2, setbacks: 1 });

    const tie = snapshotSummary(snapshot({ reflections: { ...counts, items: [item(['tired', 'Payday']), item(['payday ', 'lonely']), item(['Tired'])] } }));
    expect(tie.pulled).toEqual({ triggers: ['tired', 'Payday'], times: 2 });

    const many = snapshotSummary(snapshot({ reflections: { ...counts, items: [item(['a', 'b', 'c', 'd', 'e'])] } }));
    expect(many.pulled).toEqual({ triggers: ['a', 'b', 'c'], times: 1 });
  });
});

describe('the summary in words', () => {
  it('reads in English, with plurals', () => {
    expect(summaryLines(en, snapshotSummary(snapshot()), 7)).toEqual([
      'Last check-in: Fri, Nov 27, the day this link was made.',
      'A streak of 3 days; the longest was 9 days.',
      'Mood in the last 7 days: 3.6 of 5.',
      'No near misses or setbacks logged in these 7 days.',
    ]);
    const s = snapshotSummary(
      twoWeeks(new Array<number>(7).fill(30), [40, 40, 40, 40, 40, 40, 0], {
        streak: { current: 1, best: 1 },
        reflections: { nearMisses: 1, setbacks: 1, items: [item(['Payday'])] },
      }),
    );
    expect(summaryLines(en, s, 30)).toEqual([
      'Last check-in: Thu, Nov 26, 1 day before this link was made.',
      'A streak of 1 day; the longest was 1 day.',
      'Mood in the last 7 days: 4 of 5, up from 3 the 7 days before.',
      'In these 30 days: 1 near miss (getting through a hard moment) and 1 setback.',
      'What pulled most often: Payday (once).',
    ]);
    expect(summaryLines(en, { ...s, streak: { current: 0, best: 4 }, mood: { thisWeek: 2.5, lastWeek: 4, change: 'down' }, pulled: { triggers: ['Tired', 'Payday'], times: 2 } }, 30)).toEqual([
      'Last check-in: Thu, Nov 26, 1 day before this link was made.',
      'No streak right now; the longest was 4 days.',
      'Mood in the last 7 days: 2.5 of 5, down from 4 the 7 days before.',
      'In these 30 days: 1 near miss (getting through a hard moment) and 1 setback.',
      'What pulled most often: Tired and Payday (2 times each).',
    ]);
    expect(summaryLines(en, { ...s, lastCheckIn: null, mood: { thisWeek: 3.2, lastWeek: 3, change: 'same' } }, 30).slice(0, 3)).toEqual([
      'No check-in in these 30 days.',
      'A streak of 1 day; the longest was 1 day.',
      'Mood in the last 7 days: 3.2 of 5, about the same as the 7 days before (3).',
    ]);
  });

  it('reads in Spanish', () => {
    const s = snapshotSummary(
      twoWeeks(new Array<number>(7).fill(30), [40, 40, 40, 40, 40, 0, 0], {
        reflections: { nearMisses: 2, setbacks: 0, items: [item(['Payday', 'tired']), item(['tired', 'Payday'])] },
      }),
    );
    expect(summaryLines(es, { ...s, pulled: { ...s.pulled!, triggers: ['Día de cobro', 'Cansancio'] } }, 30)).toEqual([
      'Último registro: mié, 25 nov, 2 días antes de crear este enlace.',
      'Lleva 3 días seguidos con registro; la racha más larga fue de 9 días.',
      'Ánimo en los últimos 7 días: 4 sobre 5, por encima de los 7 días anteriores (3).',
      'En estos 30 días: 2 momentos difíciles superados y 0 recaídas.',
      'Lo que más tiró de la persona: Día de cobro y Cansancio (2 veces cada uno).',
    ]);
    expect(summaryLines(es, snapshotSummary(snapshot({ checkins: [0, 0, 0, 0, 0, 0, 0], mood: [0, 0, 0, 0, 0, 0, 0], streak: { current: 0, best: 1 } })), 7)).toEqual([
      'Ningún registro en estos 7 días.',
      'Ahora mismo no hay una racha de registros; la más larga fue de 1 día.',
      'Ningún registro en los últimos 7 días, así que no hay ánimo que mostrar.',
      'Ningún momento difícil superado ni recaída en estos 7 días.',
    ]);
  });
});
