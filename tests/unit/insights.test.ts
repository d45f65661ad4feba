import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type DayKey } from '../../lib/days';
import { computeDayStat } from '../../lib/db/dayStats';
import type { Checkin, DayStat, HaltTag, Mood, Reflection } from '../../lib/db/schema';
import { generateDemoData } from '../../lib/demo';
import {
  copingEffectiveness,
  cravingSeries,
  lowestHour,
  MIN_CHECKINS,
  MIN_DAYS,
  moodSeries,
  moodSummary,
  patternAction,
  plainInsights,
  timeOfDay,
  triggerFrequency,
  type Insight,
  type InsightFact,
} from '../../lib/insights';
import { insights as englishSection } from '../../components/i18n/en/insights';
import { insights as spanishSection } from '../../components/i18n/es/insights';
import { createFmt } from '../../components/i18n/fmt';

const en = englishSection(createFmt('en'));
const es = spanishSection(createFmt('es'));

const TODAY = '2026-06-30';

function checkin(day: DayKey, mood: number, hour = 10, tags: HaltTag[] = [], win = ''): Checkin {
  const at = Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  return { id: `${day}-${hour}-${mood}`, at, day, utcOffset: 0, timeZone: 'UTC', mood: mood as Mood, win, note: '', tags, createdAt: at, updatedAt: at, deletedAt: null };
}

function stat(day: DayKey, moods: number[], tags: HaltTag[] = [], hour = 10): DayStat {
  return computeDayStat(day, moods.map((m, i) => checkin(day, m, hour + i, tags)))!;
}

function reflection(day: DayKey, fields: Partial<Reflection> = {}): Reflection {
  const at = Date.parse(`${day}T12:00:00Z`);
  return {
    id: `${day}-${Math.random()}`, at, day, utcOffset: 0, timeZone: 'UTC', kind: 'near-miss', triggers: ['tired'],
    strength: null, strengthAfter: null, steps: [], helped: '', nextTime: '', moodNow: null, urgeSurfMinutes: null,
    createdAt: at, updatedAt: at, deletedAt: null, ...fields,
  };
}

describe('per-day aggregates', () => {
  it('sum, range, wins, tags and hours of a day’s live check-ins', () => {
    const list = [checkin(TODAY, 2, 9, ['tired']), checkin(TODAY, 4, 15, ['tired', 'hungry'], 'Walked'), checkin(TODAY, 5, 15)];
    list.push({ ...checkin(TODAY, 1, 20), id: 'gone', deletedAt: 1 });
    const s = computeDayStat(TODAY, list)!;
    expect(s).toMatchObject({ day: TODAY, count: 3, moodSum: 11, moodMin: 2, moodMax: 5, wins: 1, tags: { tired: 2, hungry: 1 } });
    expect(s.hourCount[15]).toBe(2);
    expect(s.hourSum[15]).toBe(9);
    expect(s.hourCount[20]).toBe(0);
    expect(computeDayStat(TODAY, [{ ...checkin(TODAY, 3), deletedAt: 5 }])).toBeNull();
  });

  it('uses the hour where the check-in was written, not the device’s', () => {
    const at = Date.parse('2026-06-30T07:30:00Z');
    const c: Checkin = { ...checkin(TODAY, 3), at, utcOffset: 600 }; // 17:30 in Sydney
    expect(computeDayStat(TODAY, [c])!.hourCount[17]).toBe(1);
  });
});

describe('mood series', () => {
  it('has one point per day of the window, gaps included, oldest first', () => {
    const stats = [stat(TODAY, [2, 4]), stat(addDays(TODAY, -2), [5]), stat(addDays(TODAY, -40), [1])];
    const points = moodSeries(stats, TODAY, 7);
    expect(points).toHaveLength(7);
    expect(points[0]!.day).toBe(addDays(TODAY, -6));
    expect(points[6]).toEqual({ day: TODAY, count: 2, mean: 3, min: 2, max: 4 });
    expect(points[4]).toMatchObject({ count: 1, mean: 5 });
    expect(points[5]).toEqual({ day: addDays(TODAY, -1), count: 0, mean: null, min: null, max: null });
    expect(moodSummary(points)).toEqual({ daysCheckedIn: 2, periodDays: 7, checkins: 3, average: 4, trend: null });
    expect(en.moodSummary(moodSummary(points))).toBe('Checked in on 2 of 7 days (3 check-ins). Average mood 4.0 out of 5.');
    expect(es.moodSummary(moodSummary(points))).toBe('Registraste cómo estabas 2 de los 7 días (3 registros). Ánimo medio: 4,0 sobre 5.');
    expect(moodSummary(moodSeries([], TODAY, 30))).toEqual({ daysCheckedIn: 0, periodDays: 30, checkins: 0, average: null, trend: null });
    expect(en.moodSummary(moodSummary(moodSeries([], TODAY, 30)))).toBe('No check-ins in this period yet.');
  });

  it('names a trend only with enough days, as a fact the words round', () => {
    const rising = Array.from({ length: 12 }, (_, i) => stat(addDays(TODAY, -i), [i < 6 ? 4 : 2]));
    const s = moodSummary(moodSeries(rising, TODAY, 30));
    expect(s.trend).toEqual({ kind: 'rose', from: 2, to: 4 });
    expect(en.moodSummary(s)).toMatch(/Mood has risen, from 2\.0 to 4\.0\.$/);
    const steady = Array.from({ length: 12 }, (_, i) => stat(addDays(TODAY, -i), [3]));
    expect(moodSummary(moodSeries(steady, TODAY, 30)).trend).toEqual({ kind: 'steady' });
    expect(moodSummary(moodSeries(rising.slice(0, 2 * MIN_DAYS - 1), TODAY, 30)).trend).toBeNull();
  });
});

describe('reflections in numbers', () => {
  it('craving strength is the strongest pull of each day', () => {
    const list = [reflection(TODAY, { strength: 3 }), reflection(TODAY, { strength: 7 }), reflection(addDays(TODAY, -1))];
    expect(cravingSeries(list, TODAY, 7)).toEqual([{ day: TODAY, strength: 7, reflections: 2 }]);
  });

  it('ranks coping steps measured often enough by how much the pull dropped, then lists the rest by use', () => {
    const list = [
      reflection(TODAY, { steps: ['Walk', 'Text Sam'], strength: 8, strengthAfter: 2 }),
      reflection(TODAY, { steps: ['Walk', 'Text Sam'], strength: 6, strengthAfter: 5 }),
      reflection(TODAY, { steps: ['walk', 'Text Sam'], strength: 7, strengthAfter: 4 }),
      reflection(TODAY, { steps: ['Text Sam'], strength: 9, strengthAfter: 1 }),
      reflection(TODAY, { steps: ['Lucky once'], strength: 10, strengthAfter: 0 }),
      reflection(TODAY, { steps: ['Breathe'] }),
      reflection(TODAY, { steps: ['Breathe'] }),
    ];
    expect(copingEffectiveness(list)).toEqual([
      { step: 'Text Sam', uses: 4, measured: 4, meanDrop: 4.5, comparable: true },
      { step: 'Walk', uses: 3, measured: 3, meanDrop: 10 / 3, comparable: true },
      { step: 'Breathe', uses: 2, measured: 0, meanDrop: null, comparable: false },
      { step: 'Lucky once', uses: 1, measured: 1, meanDrop: 10, comparable: false },
    ]);
  });

  it('counts triggers from reflections and HALT tags from check-ins', () => {
    const stats = [stat(TODAY, [3, 3], ['tired'])];
    const list = [reflection(TODAY, { triggers: ['Payday', 'tired'] }), reflection(TODAY, { triggers: ['payday'] })];
    expect(triggerFrequency(stats, list)).toEqual([
      { label: 'tired', reflections: 1, checkins: 2 },
      { label: 'Payday', reflections: 2, checkins: 0 },
    ]);
  });

  it('finds the hour pattern across days', () => {
    const hours = timeOfDay([stat(TODAY, [2], [], 15), stat(addDays(TODAY, -1), [4], [], 15)]);
    expect(hours[15]).toEqual({ hour: 15, count: 2, mean: 3 });
    expect(hours[3]).toEqual({ hour: 3, count: 0, mean: null });
  });

  it('names the lowest hour only with enough check-ins in it and outside it', () => {
    const days = (n: number, hour: number, mood: number) => Array.from({ length: n }, (_, i) => stat(addDays(TODAY, -i - hour * 100), [mood], [], hour));
    expect(lowestHour(timeOfDay([...days(MIN_CHECKINS, 15, 2), ...days(MIN_CHECKINS, 9, 4)]))).toEqual({ hour: 15, count: MIN_CHECKINS, mean: 2 });
    expect(lowestHour(timeOfDay([...days(MIN_CHECKINS, 15, 2), ...days(MIN_CHECKINS - 1, 9, 4)]))).toBeNull();
  });
});

describe('plain-language insights', () => {
  function history(tiredDays: number, otherDays: number): DayStat[] {
    const stats: DayStat[] = [];
    for (let i = 0; i < tiredDays; i++) stats.push(stat(addDays(TODAY, -i), [2, 3], ['tired']));
    for (let i = 0; i < otherDays; i++) stats.push(stat(addDays(TODAY, -100 - i), [4, 4]));
    return stats;
  }

  it('compares tagged days with the rest, with the number of days behind each side', () => {
    const found = plainInsights(history(12, 31), []);
    const tired = { id: 'tag-tired', kind: 'tagLowersMood', tag: 'tired', with: 2.5, without: 4, days: { with: 12, without: 31 } };
    expect(found).toContainEqual(tired);
    // Worded by the catalogue: a plain sentence first, then the numbers (the English ones as the e2e test reads them).
    expect(en.pattern(tired as Insight)).toBe(
      'Tired days are harder days for you. On days tagged Tired your mood averages 2.5, against 4.0 otherwise (12 vs 31 days).',
    );
    expect(es.pattern(tired as Insight)).toBe(
      'Los días con cansancio son más duros para ti. Esos días tu ánimo es de 2,5 sobre 5 de media; los demás días, de 4,0 (12 días frente a 31 días).',
    );
  });

  it('says when tagged days go better, too', () => {
    const stats: DayStat[] = [];
    for (let i = 0; i < 6; i++) stats.push(stat(addDays(TODAY, -i), [5], ['hungry']));
    for (let i = 0; i < 6; i++) stats.push(stat(addDays(TODAY, -50 - i), [3]));
    const hungry = plainInsights(stats, []).find((i) => i.id === 'tag-hungry');
    expect(hungry).toMatchObject({ kind: 'tagRaisesMood', tag: 'hungry', with: 5, without: 3, days: { with: 6, without: 6 } });
    expect(en.pattern(hungry!)).toMatch(/^Hungry days tend to go better for you\./);
  });

  it('compares days with a reflection with the rest', () => {
    const stats: DayStat[] = [];
    const list: Reflection[] = [];
    for (let i = 0; i < 6; i++) {
      stats.push(stat(addDays(TODAY, -i), [2]));
      list.push(reflection(addDays(TODAY, -i), { triggers: ['Payday'] }));
    }
    for (let i = 0; i < 7; i++) stats.push(stat(addDays(TODAY, -50 - i), [4]));
    const hard = plainInsights(stats, list).find((i) => i.id === 'hard-days');
    expect(hard).toEqual({ id: 'hard-days', kind: 'hardDaysLowerMood', with: 2, without: 4, days: { with: 6, without: 7 } });
    expect(en.pattern(hard!)).toBe(
      'A hard moment or a setback weighs on the whole day. On those days your mood averages 2.0 out of 5, against 4.0 on other days (6 vs 7 days).',
    );
  });

  it('names coping steps after which the pull dropped, measured often enough', () => {
    const list = [8, 7, 9].map((strength) => reflection(TODAY, { steps: ['Text Sam'], strength, strengthAfter: strength - 3 }));
    const step = plainInsights([], list).find((i) => i.kind === 'stepLowersPull');
    expect(step).toEqual({ id: 'step-text sam', kind: 'stepLowersPull', step: 'Text Sam', drop: 3, measured: 3 });
    expect(en.pattern(step!)).toBe('“Text Sam” seems to help you. Afterwards, the pull dropped by 3.0 points on average (measured 3 times).');
    expect(es.pattern(step!)).toBe('«Text Sam» parece ayudarte. Después, el impulso bajó 3,0 puntos de media (lo mediste 3 veces).');
  });

  it('says nothing when either side has too few days', () => {
    expect(plainInsights(history(MIN_DAYS - 1, 31), []).find((i) => i.id === 'tag-tired')).toBeUndefined();
    expect(plainInsights(history(31, MIN_DAYS - 1), []).find((i) => i.id === 'tag-tired')).toBeUndefined();
    expect(plainInsights(history(MIN_DAYS, MIN_DAYS), []).find((i) => i.id === 'tag-tired')).toBeDefined();
    expect(plainInsights([], [])).toEqual([]);
  });

  it('names the part of the day when mood is lowest', () => {
    const stats: DayStat[] = [];
    for (let i = 0; i < 12; i++) {
      stats.push(computeDayStat(addDays(TODAY, -i), [checkin(addDays(TODAY, -i), 4, 9), checkin(addDays(TODAY, -i), 2, 16)])!);
    }
    const part = plainInsights(stats, []).find((i) => i.id === 'time-of-day');
    expect(part).toEqual({ id: 'time-of-day', kind: 'lowestPartOfDay', part: 'afternoon', mean: 2, otherMean: 4, checkins: { part: 12, other: 12 } });
    expect(en.pattern(part!)).toBe(
      'Afternoons (noon to 6 pm) are the hardest time of day for you. Your mood then averages 2.0 out of 5, against 4.0 at other times (12 vs 12 check-ins).',
    );
    expect(es.pattern(part!)).toBe(
      'Las tardes (de 12 a 18 h) son el momento del día más duro para ti. A esas horas tu ánimo es de 2,0 sobre 5 de media; el resto del día, de 4,0 (12 registros frente a 12 registros).',
    );
  });

  it('finds the planted patterns in demo data', () => {
    const demo = generateDemoData({ seed: 7, today: TODAY, days: 200, checkinsPerDay: 4, reflections: 60, timeZone: 'Europe/Berlin', dayStartHour: 4 });
    const byDay = new Map<DayKey, Checkin[]>();
    for (const c of demo.checkins) byDay.set(c.day, [...(byDay.get(c.day) ?? []), c]);
    const stats = [...byDay].map(([day, list]) => computeDayStat(day, list)!);
    const found = plainInsights(stats, demo.reflections);
    const ids = found.map((i) => i.id);
    expect(found.find((i) => i.id === 'tag-tired')?.kind).toBe('tagLowersMood');
    // The sentence the e2e test finds after loading demo data.
    expect(found.map((i) => en.pattern(i)).join('\n')).toMatch(/On days tagged Tired your mood averages \d\.\d, against \d\.\d otherwise \(\d+ vs \d+ days\)\./);
    expect(ids).toContain('time-of-day');
    expect(ids.some((id) => id.startsWith('step-'))).toBe(true);
  });

  it('never claims a comparison without enough days on both sides (random histories)', () => {
    const day = fc.record({
      offset: fc.integer({ min: 0, max: 120 }),
      moods: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
      tired: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(day, { maxLength: 60 }), (days) => {
        const byDay = new Map<DayKey, DayStat>();
        for (const d of days) byDay.set(addDays(TODAY, -d.offset), stat(addDays(TODAY, -d.offset), d.moods, d.tired ? ['tired'] : []));
        const stats = [...byDay.values()];
        const tired = stats.filter((s) => s.tags.tired).length;
        const found = plainInsights(stats, []).find((i) => i.id === 'tag-tired');
        if (tired < MIN_DAYS || stats.length - tired < MIN_DAYS) expect(found).toBeUndefined();
        if (found) expect(found).toMatchObject({ tag: 'tired', days: { with: tired, without: stats.length - tired } });
      }),
    );
  });
});

describe('each pattern’s one action', () => {
  const comparison = { with: 2, without: 4, days: { with: 6, without: 7 } };
  it('offers steps for the situation a pattern names, and nothing where no action fits', () => {
    expect(patternAction({ kind: 'tagLowersMood', tag: 'tired', ...comparison })).toEqual({ kind: 'planForTag', tag: 'tired' });
    expect(patternAction({ kind: 'lowestPartOfDay', part: 'evening', mean: 2, otherMean: 3, checkins: { part: 10, other: 30 } })).toEqual({
      kind: 'planForPart',
      part: 'evening',
    });
    const none: InsightFact[] = [
      { kind: 'tagRaisesMood', tag: 'hungry', ...comparison },
      { kind: 'hardDaysLowerMood', ...comparison },
      { kind: 'hardDaysRaiseMood', ...comparison },
      { kind: 'stepLowersPull', step: 'Text Sam', drop: 3, measured: 3 },
    ];
    for (const fact of none) expect(patternAction(fact)).toBeNull();
  });

  it('words the action in both languages', () => {
    expect(en.patternPlanAdd('Tired')).toBe('Add steps for Tired');
    expect(en.patternPlanSee('Tired')).toBe('See my steps for Tired');
    expect(en.partSituation.evening).toBe('Evenings');
    expect(es.patternPlanAdd('Cansancio')).toBe('Añadir pasos para «Cansancio»');
    expect(es.patternPlanSee('Por la noche')).toBe('Ver mis pasos para «Por la noche»');
  });
});

describe('every count in insights takes its plural', () => {
  // A count of one, everywhere a count is worded: "1 days", "1 check-ins", "1 times" must be impossible.
  const WRONG = {
    en: /\b1 (days|check-ins|times|reflections|hard moments|setbacks|points)\b/,
    es: /\b1 (días|registros|veces|reflexiones)\b/,
  };
  const facts = (n: number): InsightFact[] => [
    { kind: 'tagLowersMood', tag: 'tired', with: 2, without: 4, days: { with: n, without: n } },
    { kind: 'tagRaisesMood', tag: 'tired', with: 4, without: 2, days: { with: n, without: n } },
    { kind: 'hardDaysLowerMood', with: 2, without: 4, days: { with: n, without: n } },
    { kind: 'hardDaysRaiseMood', with: 4, without: 2, days: { with: n, without: n } },
    { kind: 'lowestPartOfDay', part: 'night', mean: 2, otherMean: 4, checkins: { part: n, other: n } },
    { kind: 'stepLowersPull', step: 'Walk', drop: 1, measured: n },
  ];
  it.each([
    ['en', en],
    ['es', es],
  ] as const)('in %s', (language, w) => {
    for (const n of [0, 1, 2]) {
      const said = [
        ...facts(n).map((i) => w.pattern({ ...i, id: 'x' } as Insight)),
        w.period(n),
        w.patternsNone(n),
        w.moodSummary({ daysCheckedIn: n, periodDays: n, checkins: n, average: 3, trend: { kind: 'rose', from: 2, to: 3 } }),
        w.countSummary(n, n),
        w.pullSummary(n, 8),
        w.hoursSummary('15:00', 3, n),
        w.hoursNotEnough(n),
        w.stepsIntro(n),
        w.stepsRanked(1, n),
        w.stepsTooFew(n),
      ];
      for (const text of said) expect(text, text).not.toMatch(WRONG[language]);
    }
    expect(w.pullSummary(1, 8)).toMatch(language === 'en' ? /^1 day with a hard moment/ : /^1 día con un momento difícil/);
  });
});
