import { describe, expect, it } from 'vitest';
import { createFmt } from '../../components/i18n/fmt';
import { reflect as enReflect } from '../../components/i18n/en/reflect';
import { reflect as esReflect } from '../../components/i18n/es/reflect';
import { urgeBackgroundWords } from '../../components/reflect/urgeWords';
import { instantAt } from '../../lib/days';
import { extensionBadge, extensionTimerAlarms, URGE_END_ALARM, URGE_TICK_ALARM, TOMORROW_ALARM, PROMPT_ALARM } from '../../lib/platform/extension';
import { isEmptyDraft, readReflectionDraft } from '../../lib/reflections';
import { weekPlanFrom, DEFAULT_SETTINGS } from '../../lib/settings';
import {
  isUrgeTimer,
  minutesLeft,
  msLeft,
  newUrgeTimer,
  urgeAlarmTimes,
  urgeBadge,
  urgeJustEnded,
  URGE_KEEP_MS,
  urgePhase,
} from '../../lib/urge';
import { tomorrowMorning, tomorrowState, TOMORROW_KEEP_MS } from '../../lib/tomorrow';

const TZ = 'Europe/Madrid';
// Monday 2026-03-02 in Madrid.
const at = (hhmm: string, day = '2026-03-02') => {
  const [h, m] = hhmm.split(':').map(Number);
  return instantAt(day, h! * 60 + m!, TZ);
};
const MIN = 60_000;

describe('the urge timer, worked out from when it started', () => {
  const start = at('15:00');
  const timer = newUrgeTimer(start, 10, 8);

  it('counts down from the stored start, the same on every page that opens', () => {
    expect(urgePhase(timer, start + 61_000)).toMatchObject({ name: 'running', endsAt: start + 10 * MIN });
    expect(msLeft(timer, start + 61_000)).toBe(9 * MIN - 1000);
    expect(minutesLeft(timer, start)).toBe(10);
    expect(minutesLeft(timer, start + 1000)).toBe(10);
    expect(minutesLeft(timer, start + MIN)).toBe(9);
    expect(minutesLeft(timer, start + 9 * MIN + 59_000)).toBe(1);
  });

  it('never shows more than its length when the clock is set back', () => {
    expect(msLeft(timer, start - 5 * MIN)).toBe(10 * MIN);
    expect(minutesLeft(timer, start - 5 * MIN)).toBe(10);
  });

  it('ends by itself, waits for the answer for a while, then is forgotten', () => {
    expect(urgePhase(timer, start + 10 * MIN)).toMatchObject({ name: 'ended', minutes: 10, early: false });
    expect(urgePhase(timer, start + 10 * MIN + URGE_KEEP_MS)).toMatchObject({ name: 'ended' });
    expect(urgePhase(timer, start + 10 * MIN + URGE_KEEP_MS + 1)).toEqual({ name: 'none' });
  });

  it('ends early at "I’m through it", with the minutes actually surfed', () => {
    const early = { ...timer, endedAt: start + 4 * MIN + 10_000 };
    expect(urgePhase(early, start + 5 * MIN)).toMatchObject({ name: 'ended', minutes: 4, early: true });
    expect(urgeBadge(early, start + 5 * MIN)).toBeNull();
    expect(urgeAlarmTimes(early, start + 5 * MIN)).toEqual({ tickFrom: null, endAt: null });
  });

  it('badge: minutes left while it runs, a mark once it has run out, nothing once forgotten', () => {
    expect(urgeBadge(timer, start + 30_000)).toEqual({ kind: 'minutes', minutes: 10 });
    expect(urgeBadge(timer, start + 10 * MIN)).toEqual({ kind: 'ended' });
    expect(urgeBadge(timer, start + 10 * MIN + URGE_KEEP_MS + 1)).toBeNull();
    expect(urgeBadge(undefined, start)).toBeNull();
  });

  it('alarms: a tick each minute from the first minute, the end, then when the end mark goes', () => {
    expect(urgeAlarmTimes(timer, start + 1000)).toEqual({ tickFrom: start + MIN, endAt: start + 10 * MIN });
    const over = urgeAlarmTimes(timer, start + 10 * MIN);
    expect(over.tickFrom).toBeNull();
    expect(over.endAt).toBeGreaterThan(start + 10 * MIN + URGE_KEEP_MS);
    expect(urgeJustEnded(timer, start + 10 * MIN + 2000)).toBe(true);
    expect(urgeJustEnded(timer, start + 10 * MIN + 60 * MIN)).toBe(false);
  });

  it('ignores whatever else storage may hold', () => {
    for (const bad of [null, 'x', {}, { startedAt: 'now', minutes: 10 }, { startedAt: start, minutes: 0 }, { startedAt: start, minutes: 10, strengthBefore: 11 }]) {
      expect(isUrgeTimer(bad)).toBe(false);
      expect(urgePhase(bad, start)).toEqual({ name: 'none' });
    }
    expect(isUrgeTimer({ startedAt: start, minutes: 15, strengthBefore: null })).toBe(true);
  });
});

describe('check in with me tomorrow morning', () => {
  const settings = { ...DEFAULT_SETTINGS, weekPlan: weekPlanFrom([1, 2, 3, 4, 5], [{ start: 8 * 60 + 30, end: 17 * 60, overnight: false }]) };

  it('is next morning’s first reminder window start on a working day', () => {
    expect(tomorrowMorning(at('20:00'), TZ, settings)).toBe(at('08:30', '2026-03-03'));
  });

  it('is 09:00 on a day without windows, or when the first window starts after noon', () => {
    // Friday evening → Saturday, not a working day.
    expect(tomorrowMorning(at('20:00', '2026-03-06'), TZ, settings)).toBe(at('09:00', '2026-03-07'));
    const nights = { ...DEFAULT_SETTINGS, weekPlan: weekPlanFrom([1, 2, 3, 4, 5], [{ start: 22 * 60, end: 6 * 60, overnight: true }]) };
    expect(tomorrowMorning(at('20:00'), TZ, nights)).toBe(at('09:00', '2026-03-03'));
  });

  it('after midnight but before the day starts, means this morning', () => {
    // 01:30 on Tuesday still belongs to Monday (the day starts at 04:00).
    expect(tomorrowMorning(at('01:30', '2026-03-03'), TZ, settings)).toBe(at('08:30', '2026-03-03'));
  });

  it('waits, is due until a check-in after its time answers it, and lapses by itself', () => {
    const r = { at: at('09:00', '2026-03-03'), notified: false };
    expect(tomorrowState(r, at('20:00'), null)).toBe('waiting');
    expect(tomorrowState(r, at('09:00', '2026-03-03'), at('19:00'))).toBe('due');
    expect(tomorrowState(r, at('10:00', '2026-03-03'), at('09:45', '2026-03-03'))).toBe('over');
    expect(tomorrowState(r, r.at + TOMORROW_KEEP_MS, null)).toBe('over');
    expect(tomorrowState({ at: 'soon' }, at('10:00'), null)).toBe('over');
  });
});

describe('a reflection draft read back from storage', () => {
  it('keeps what the form holds, and nothing of the wrong shape', () => {
    const draft = readReflectionDraft({
      kind: 'setback',
      fields: { when: null, triggers: ['tired', 'Payday'], strength: 7, strengthAfter: 42, steps: 'x', helped: 'Sam', nextTime: 'Eat first', moodNow: 3 },
    });
    expect(draft).toEqual({
      kind: 'setback',
      fields: { when: null, triggers: ['tired', 'Payday'], strength: 7, strengthAfter: null, steps: [], helped: 'Sam', nextTime: 'Eat first', moodNow: 3 },
    });
    expect(readReflectionDraft({ kind: 'other', fields: {} })).toBeNull();
    expect(readReflectionDraft(undefined)).toBeNull();
    expect(isEmptyDraft(readReflectionDraft({ kind: 'near-miss', fields: {} })!.fields)).toBe(true);
  });
});

describe('the extension’s toolbar and alarms for the timer', () => {
  it('shows the minutes left over the check-in dot, and a mark at the end, titled in the person’s language', async () => {
    const seen: { text?: string; title?: string }[] = [];
    const action = {
      setBadgeText: async ({ text }: { text: string }) => void seen.push({ text }),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async ({ title }: { title: string }) => void seen.push({ title }),
    };
    const urge = urgeBackgroundWords('es', ['en-US']);
    const badge = extensionBadge(action, async () => ({ due: 'due', idle: 'idle', urgeMinutes: urge.urgeMinutes, urgeEnded: urge.urgeEnded }));
    await badge.show(true, { kind: 'minutes', minutes: 9 });
    await badge.show(true, { kind: 'ended' });
    await badge.show(true, null);
    const es = esReflect(createFmt('es'));
    expect(seen).toEqual([
      { text: '9' },
      { title: es.urgeBadgeMinutes(9) },
      { text: '✓' },
      { title: es.urgeBadgeEnded },
      { text: '•' },
      { title: 'due' },
    ]);
    expect(es.urgeBadgeMinutes(1)).toBe('Temporizador: queda 1 minuto');
    expect(urgeBackgroundWords(undefined, ['fr', 'en-GB']).urgeEnd.title).toBe(enReflect(createFmt('en')).urgeNotifyTitle);
  });

  it('keeps each alarm under its own name, never touching the prompt alarm, and never pushes one back', async () => {
    const alarms = new Map<string, { scheduledTime: number; periodInMinutes?: number }>();
    let creates = 0;
    const api = {
      get: async (name: string) => alarms.get(name),
      create: (name: string, info: { when: number; periodInMinutes?: number }) => {
        creates++;
        alarms.set(name, { scheduledTime: info.when, periodInMinutes: info.periodInMinutes });
      },
      clear: async (name: string) => alarms.delete(name),
    };
    alarms.set(PROMPT_ALARM, { scheduledTime: 5 });
    const t = extensionTimerAlarms(api);
    await t.urgeTick(60_000);
    await t.urgeEnd(600_000);
    await t.tomorrow(9_000_000);
    expect(alarms.get(URGE_TICK_ALARM)).toEqual({ scheduledTime: 60_000, periodInMinutes: 1 });
    expect(alarms.get(URGE_END_ALARM)).toEqual({ scheduledTime: 600_000, periodInMinutes: undefined });
    expect(alarms.get(TOMORROW_ALARM)?.scheduledTime).toBe(9_000_000);
    // A repeating alarm that has moved on by whole minutes is the same alarm: left alone.
    alarms.set(URGE_TICK_ALARM, { scheduledTime: 180_000, periodInMinutes: 1 });
    const before = creates;
    await t.urgeTick(60_000);
    await t.urgeEnd(600_000);
    expect(creates).toBe(before);
    await t.urgeTick(null);
    await t.urgeEnd(null);
    await t.tomorrow(null);
    expect([...alarms.keys()]).toEqual([PROMPT_ALARM]);
  });
});
