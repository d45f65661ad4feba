import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCheckinService } from '../../lib/checkins';
import { instantAt } from '../../lib/days';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { ValidationError } from '../../lib/errors';
import {
  createReflectionService,
  MAX_REFLECTION_TEXT,
  MAX_TRIGGER_LENGTH,
  MAX_TRIGGERS,
  triggerLabel,
  type ReflectionProblem,
} from '../../lib/reflections';
import { messages as english } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';
import { createFmt } from '../../components/i18n/fmt';
import { summarizeStreaks } from '../../lib/streaks';
import { frozenClock } from './helpers';

let db: TandemDatabase;
let n = 0;
beforeEach(() => {
  db = openDatabase(`reflections-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const NOW = instantAt('2026-06-17', 14 * 60, 'Europe/Berlin');

function services(clock = frozenClock(NOW, 'Europe/Berlin')) {
  const deps = { db, clock, dayStartHour: async () => 4 };
  return { clock, reflections: createReflectionService(deps), checkins: createCheckinService(deps) };
}

async function dump() {
  return { reflections: await db.reflections.toArray(), checkins: await db.checkins.toArray() };
}

describe('reflections', () => {
  it('saves a near miss at the present moment with only what pulled', async () => {
    const { reflections } = services();
    const r = await reflections.add({ kind: 'near-miss', triggers: ['Tired', 'Payday'] });
    expect(r).toMatchObject({
      kind: 'near-miss',
      at: NOW,
      day: '2026-06-17',
      utcOffset: 120,
      triggers: ['tired', 'Payday'],
      strength: null,
      strengthAfter: null,
      steps: [],
      helped: '',
      nextTime: '',
      moodNow: null,
      deletedAt: null,
    });
    expect(triggerLabel(r.triggers[0]!)).toBe('Tired');
    expect(await db.reflections.get(r.id)).toEqual(r);
  });

  it('keeps everything a full reflection says, trimmed, with repeated triggers once', async () => {
    const { reflections } = services();
    const at = NOW - 3 * 3600_000;
    const r = await reflections.add({
      kind: 'setback',
      at,
      triggers: [' Conflict  at work ', 'conflict at work', 'lonely'],
      strength: 8,
      strengthAfter: 3,
      steps: ['Text my mentor', 'Breathe slowly'],
      helped: '  Talking to Sam. ',
      nextTime: 'Leave the meeting earlier.',
      moodNow: 3,
    });
    expect(r).toMatchObject({
      kind: 'setback',
      at,
      triggers: ['Conflict at work', 'lonely'],
      strength: 8,
      strengthAfter: 3,
      steps: ['Text my mentor', 'Breathe slowly'],
      helped: 'Talking to Sam.',
      moodNow: 3,
    });
  });

  it.each([
    ['no trigger', { triggers: [] }, { code: 'reflection.noTrigger' }],
    ['an empty trigger', { triggers: ['  '] }, { code: 'text.empty', field: 'trigger' }],
    ['a strength above 10', { triggers: ['tired'], strength: 11 }, { code: 'reflection.strength', which: 'before' }],
    ['a negative strength', { triggers: ['tired'], strength: -1 }, { code: 'reflection.strength', which: 'before' }],
    ['a fractional strength', { triggers: ['tired'], strength: 2.5 }, { code: 'reflection.strength', which: 'before' }],
    ['a strength as text', { triggers: ['tired'], strength: '5' as unknown as number }, { code: 'reflection.strength', which: 'before' }],
    ['an after-strength out of range', { triggers: ['tired'], strengthAfter: 99 }, { code: 'reflection.strength', which: 'after' }],
    ['a mood out of range', { triggers: ['tired'], moodNow: 6 }, { code: 'reflection.mood' }],
    [
      'a novel in "what helped"',
      { triggers: ['tired'], helped: 'x'.repeat(MAX_REFLECTION_TEXT + 1) },
      { code: 'text.tooLong', field: 'helped', max: MAX_REFLECTION_TEXT, length: MAX_REFLECTION_TEXT + 1 },
    ],
    [
      'a novel in "next time"',
      { triggers: ['tired'], nextTime: 'x'.repeat(MAX_REFLECTION_TEXT + 1) },
      { code: 'text.tooLong', field: 'nextTime', max: MAX_REFLECTION_TEXT },
    ],
    ['a huge trigger', { triggers: ['x'.repeat(5000)] }, { code: 'text.tooLong', field: 'trigger', max: MAX_TRIGGER_LENGTH, length: 5000 }],
    [
      'too many triggers',
      { triggers: Array.from({ length: MAX_TRIGGERS + 1 }, (_, i) => `t${i}`) },
      { code: 'text.tooMany', field: 'trigger', max: MAX_TRIGGERS, count: MAX_TRIGGERS + 1 },
    ],
    ['an unknown kind', { kind: 'lapse', triggers: ['tired'] }, { code: 'reflection.kind' }],
    ['an urge-surfing time over a day', { triggers: ['tired'], urgeSurfMinutes: 24 * 60 + 1 }, { code: 'reflection.urge' }],
    ['a future time', { triggers: ['tired'], at: NOW + 3600_000 }, { code: 'reflection.future' }],
    ['a time years ago', { triggers: ['tired'], at: NOW - 3 * 366 * 86_400_000 }, { code: 'reflection.tooOld' }],
    ['a cleared date', { triggers: ['tired'], at: Number.NaN }, { code: 'reflection.when' }],
  ])('refuses %s with a clear message and stores nothing', async (_, input, problem) => {
    const { reflections } = services();
    const kept = await reflections.add({ kind: 'near-miss', triggers: ['angry'] });
    const before = await dump();
    const attempt = reflections.add({ kind: 'near-miss', ...input } as never);
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(reflections.add({ kind: 'near-miss', ...input } as never)).rejects.toMatchObject({ problem });
    expect(await dump()).toEqual(before);
    await expect(reflections.update(kept.id, { kind: 'near-miss', ...input } as never)).rejects.toMatchObject({ problem });
    expect(await dump()).toEqual(before);
  });

  it('refuses to edit or restore a reflection that is gone', async () => {
    const { reflections } = services();
    await expect(reflections.update('nope', { kind: 'near-miss', triggers: ['tired'] })).rejects.toMatchObject({
      problem: { code: 'reflection.gone' },
    });
    await expect(reflections.restore('nope')).rejects.toMatchObject({ problem: { code: 'reflection.gone' } });
  });

  it('words every problem in English and Spanish, warmly', () => {
    const samples: ReflectionProblem[] = [
      { code: 'reflection.kind' },
      { code: 'reflection.noTrigger' },
      { code: 'reflection.strength', which: 'before' },
      { code: 'reflection.strength', which: 'after' },
      { code: 'reflection.mood' },
      { code: 'reflection.urge', maxMinutes: 1440 },
      { code: 'reflection.when' },
      { code: 'reflection.future' },
      { code: 'reflection.tooOld' },
      { code: 'reflection.gone' },
    ];
    for (const messages of [english, spanish]) {
      const { reflect } = messages(createFmt(messages === english ? 'en' : 'es'));
      for (const p of samples) {
        const say = reflect.problems[p.code] as (p: ReflectionProblem) => string;
        expect(say(p)).toMatch(/^\S.*[.!?]$/);
        expect(say(p)).not.toMatch(/fail|fracaso|culpa/i);
      }
    }
    const en = english(createFmt('en')).reflect;
    // The e2e tests and the form rely on these words.
    expect(en.problems['reflection.noTrigger']({ code: 'reflection.noTrigger' })).toMatch(/^Say what pulled at you/);
    expect(en.minutes(1)).toBe('1 minute');
    expect(en.minutes(10)).toBe('10 minutes');
    expect(spanish(createFmt('es')).reflect.minutes(1)).toBe('1 minuto');
  });

  it('edits, deletes softly and restores, always moving updatedAt forward', async () => {
    const { reflections, clock } = services();
    const r = await reflections.add({ kind: 'near-miss', triggers: ['tired'], strength: 6 });
    clock.set(NOW + 60_000);
    const edited = await reflections.update(r.id, { kind: 'near-miss', triggers: ['tired'], strength: 6, strengthAfter: 2 });
    expect(edited.strengthAfter).toBe(2);
    expect(edited.at).toBe(r.at);
    expect(edited.updatedAt).toBe(NOW + 60_000);
    await reflections.remove(r.id);
    expect(await reflections.recent()).toEqual([]);
    expect((await db.reflections.get(r.id))!.deletedAt).toBe(NOW + 60_000);
    await reflections.restore(r.id);
    expect((await reflections.recent()).map((x) => x.id)).toEqual([r.id]);
  });

  it('moves a reflection to another day when its time is changed, keeping it when not', async () => {
    const { reflections } = services();
    const r = await reflections.add({ kind: 'near-miss', triggers: ['tired'] });
    const same = await reflections.update(r.id, { kind: 'near-miss', triggers: ['tired'], at: r.at });
    expect(same.day).toBe('2026-06-17');
    const earlier = instantAt('2026-06-15', 21 * 60, 'Europe/Berlin');
    const moved = await reflections.update(r.id, { kind: 'near-miss', triggers: ['tired'], at: earlier });
    expect(moved).toMatchObject({ at: earlier, day: '2026-06-15', utcOffset: 120 });
  });

  it('lists the triggers used before, most used first', async () => {
    const { reflections, clock } = services();
    await reflections.add({ kind: 'near-miss', triggers: ['Payday'] });
    clock.set(NOW + 1000);
    await reflections.add({ kind: 'near-miss', triggers: ['payday', 'tired'] });
    expect(await reflections.knownTriggers()).toEqual(['Payday', 'tired']);
  });

  it('never changes the check-in streak, whatever is logged', async () => {
    const { reflections, checkins, clock } = services();
    for (const day of ['2026-06-15', '2026-06-16', '2026-06-17']) {
      clock.set(instantAt(day, 10 * 60, 'Europe/Berlin'));
      await checkins.add({ mood: 3 });
    }
    const streak = async () =>
      summarizeStreaks({ checkinDays: await checkins.checkinDays(), today: '2026-06-17', workingDays: [1, 2, 3, 4, 5] });
    const before = await streak();
    clock.set(NOW);
    await reflections.add({ kind: 'setback', triggers: ['tired'], strength: 9 });
    await reflections.add({ kind: 'near-miss', triggers: ['lonely'] });
    expect(await streak()).toEqual(before);
    expect(before.current).toBe(3);
  });
});
