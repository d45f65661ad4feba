import { addDays, dayKeyAtOffset, instantAt, utcOffsetMinutes, weekdayOf, type DayKey } from './days';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup/schemas';
import { rebuildAllDayStats } from './db/dayStats';
import type { Checkin, HaltTag, Mood, PlanEntry, Reflection, TandemDatabase, ValueItem } from './db/schema';
import { guardWrite, ValidationError } from './errors';

// Seeded demo history, so that anyone can see the charts at once and benchmarks have data.
// The patterns are planted on purpose (tired days and afternoons run lower, some coping
// steps work better than others) so that the insights have something true to find.
// No contacts are generated: the app never invents phone numbers.
// The records' own texts (wins, plan steps, values, "Talking it through.") are made-up user data,
// typed as a person would type them: they stay English in every language, like any record.

/** The problems loading demo data can have (worded in the insights section of the catalogue). */
export type DemoProblem = { code: 'demo.notEmpty' };

export interface DemoOptions {
  seed: number;
  /** The last day of the history. */
  today: DayKey;
  days: number;
  checkinsPerDay: number;
  reflections: number;
  timeZone: string;
  dayStartHour: number;
  /** Nothing is dated after this moment (demo records in the future would look wrong). */
  now?: number;
}

export interface DemoData {
  checkins: Checkin[];
  reflections: Reflection[];
  plan: PlanEntry[];
  values: ValueItem[];
}

/** mulberry32: tiny, fast, and the same sequence for the same seed everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WINS = [
  'Took a proper lunch break away from the desk',
  'Said no to an extra shift',
  'Called my sister back',
  'Went for a walk after the hard meeting',
  'Drank water instead of a third coffee',
  'Finished the report without rushing',
  'Asked for help with the rota',
  'Went to the evening meeting',
];

const PLAN: { trigger: string; steps: string[] }[] = [
  { trigger: 'Tired', steps: ['Drink a glass of water', 'Step outside for ten minutes', 'Go to bed early'] },
  { trigger: 'Payday', steps: ['Leave the card at home', 'Text my mentor', 'Plan the evening in advance'] },
  { trigger: 'Lonely', steps: ['Call a friend', 'Go to a meeting'] },
  { trigger: 'Conflict at work', steps: ['Breathe slowly for two minutes', 'Write it down', 'Text my mentor'] },
];

const VALUES: { kind: 'value' | 'goal'; text: string }[] = [
  { kind: 'value', text: 'Being there for my kids' },
  { kind: 'value', text: 'Honesty' },
  { kind: 'goal', text: 'Walk to work three days a week' },
];

const TRIGGERS = ['tired', 'lonely', 'Payday', 'Conflict at work', 'angry', 'hungry'];

export function generateDemoData(options: DemoOptions): DemoData {
  const rand = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const { timeZone, dayStartHour } = options;
  let n = 0;
  // Deterministic ids keep demo data reproducible; they cannot collide with random UUIDs.
  const id = (prefix: string) => `demo-${prefix}-${options.seed}-${(n++).toString(36)}`;

  const dated = (day: DayKey, minute: number) => {
    const at = instantAt(day, minute, timeZone);
    const utcOffset = utcOffsetMinutes(at, timeZone);
    return { at, utcOffset, timeZone, day: dayKeyAtOffset(at, utcOffset, dayStartHour) };
  };
  const stamps = (at: number) => ({ createdAt: at, updatedAt: at, deletedAt: null });

  const first = addDays(options.today, -(options.days - 1));
  const checkins: Checkin[] = [];
  for (let i = 0; i < options.days; i++) {
    const day = addDays(first, i);
    const weekday = weekdayOf(day);
    const working = weekday >= 1 && weekday <= 5;
    // Most working days get check-ins; a few are skipped, and weekends are lighter.
    if (rand() < (working ? 0.08 : 0.6)) continue;
    const tiredDay = rand() < 0.3;
    const count = working ? options.checkinsPerDay : Math.max(1, Math.round(options.checkinsPerDay / 3));
    for (let k = 0; k < count; k++) {
      const minute = 9 * 60 + Math.floor(((k + rand()) * 8 * 60) / count);
      const afternoon = minute >= 12 * 60;
      const base = 3.6 - (tiredDay ? 1 : 0) - (afternoon ? 0.5 : 0) + (rand() - 0.5) * 2;
      const mood = Math.min(5, Math.max(1, Math.round(base))) as Mood;
      const tags: HaltTag[] = [];
      if (tiredDay && rand() < 0.7) tags.push('tired');
      if (rand() < 0.06) tags.push('lonely');
      if (rand() < 0.05) tags.push('hungry');
      const when = dated(day, minute);
      if (options.now !== undefined && when.at > options.now) continue;
      checkins.push({
        id: id('c'),
        ...when,
        mood,
        win: rand() < 0.15 ? pick(WINS) : '',
        note: '',
        tags: (['hungry', 'angry', 'lonely', 'tired'] as const).filter((t) => tags.includes(t)),
        ...stamps(when.at),
      });
    }
  }

  const reflections: Reflection[] = [];
  const stepsFor = (trigger: string) => PLAN.find((p) => p.trigger.toLowerCase() === trigger.toLowerCase())?.steps;
  for (let i = 0; i < options.reflections; i++) {
    const day = addDays(first, Math.floor(rand() * options.days));
    const trigger = pick(TRIGGERS);
    const steps = (stepsFor(trigger) ?? PLAN[3]!.steps).filter(() => rand() < 0.6);
    const strength = 4 + Math.floor(rand() * 7);
    // Texting the mentor and stepping outside help most in this story; the rest less.
    const helpful = steps.filter((s) => s === 'Text my mentor' || s === 'Step outside for ten minutes').length;
    const drop = Math.min(strength, Math.round(rand() * 2 + steps.length + helpful * 2));
    const when = dated(day, 8 * 60 + Math.floor(rand() * 14 * 60));
    if (options.now !== undefined && when.at > options.now) continue;
    reflections.push({
      id: id('r'),
      ...when,
      kind: rand() < 0.85 ? 'near-miss' : 'setback',
      triggers: [trigger],
      strength,
      strengthAfter: rand() < 0.8 ? strength - drop : null,
      steps,
      helped: rand() < 0.5 ? 'Talking it through.' : '',
      nextTime: rand() < 0.3 ? 'Eat something before the late meeting.' : '',
      moodNow: rand() < 0.6 ? ((1 + Math.floor(rand() * 5)) as Mood) : null,
      urgeSurfMinutes: null,
      ...stamps(when.at),
    });
  }

  const startAt = dated(first, 8 * 60).at;
  const plan = PLAN.map((p, order) => ({ id: id('p'), ...p, steps: [...p.steps], order, ...stamps(startAt) }));
  const values = VALUES.map((v, order) => ({ id: id('v'), ...v, order, ...stamps(startAt) }));
  return { checkins, reflections, plan, values };
}

/** Demo data as a backup file (docs/backup-format.md), to restore from "Your data". */
export function demoBackup(data: DemoData, now: number) {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    scope: { kind: 'all' as const, fromDay: null },
    tables: { ...data, contacts: [], shares: [], replies: [], wellbeing: [] },
    settings: null,
  };
}

/** Loads demo data, but only into an empty store, so nobody's own records get mixed in. */
export async function loadDemoData(db: TandemDatabase, data: DemoData): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', [db.checkins, db.reflections, db.plan, db.values, db.contacts, db.dayStats], async () => {
      const counts = await Promise.all([db.checkins.count(), db.reflections.count(), db.plan.count(), db.values.count()]);
      if (counts.some((c) => c > 0)) {
        throw new ValidationError({ code: 'demo.notEmpty' } satisfies DemoProblem);
      }
      await db.checkins.bulkAdd(data.checkins);
      await db.reflections.bulkAdd(data.reflections);
      await db.plan.bulkAdd(data.plan);
      await db.values.bulkAdd(data.values);
      await rebuildAllDayStats(db.checkins, db.dayStats);
    }),
  );
}

/** True when nothing has been recorded yet: the only time demo data is offered. */
export { isEmptyStore } from './demoService';
