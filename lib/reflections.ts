import type { Clock } from './clock';
import { dayKeyAtOffset, utcOffsetMinutes, type DayKey } from './days';
import { HALT_TAGS, type Mood, type Reflection, type ReflectionKind, type TandemDatabase } from './db/schema';
import { guardWrite, ValidationError } from './errors';
import { newId as randomId } from './ids';
import { FIELDS, LIST_MAX } from './rules/fields';
import { clampInstant, isInstant, nextStamp } from './rules/time';
import { cleanText, cleanTextList, labelKey, uniqueLabels } from './text';

export const MAX_TRIGGERS = LIST_MAX;
export const MAX_TRIGGER_LENGTH = FIELDS.trigger.max;
export const MAX_REFLECTION_TEXT = FIELDS.reflectionText.max;
export const MAX_STEPS_USED = LIST_MAX;
export const MAX_STEP_LENGTH = FIELDS.step.max;
/** The longest urge-surfing time a reflection may record (the timer offers 10 to 20). */
export const MAX_URGE_MINUTES = 24 * 60;
/** How far back a reflection may be dated: the person may be writing up last week. */
const MAX_AGE_MS = 366 * 24 * 3600_000;
/** A little slack for clocks that disagree between devices. */
const FUTURE_SLACK_MS = 5 * 60_000;

export interface ReflectionInput {
  kind: ReflectionKind;
  /** When it happened; defaults to now. */
  at?: number;
  triggers: readonly string[];
  strength?: number | null;
  strengthAfter?: number | null;
  steps?: readonly string[];
  helped?: string;
  nextTime?: string;
  moodNow?: number | null;
  urgeSurfMinutes?: number | null;
}

/** The display label of a trigger: HALT tags by their word, the person's own as typed. */
export function triggerLabel(trigger: string): string {
  const halt = (HALT_TAGS as readonly string[]).includes(trigger);
  return halt ? trigger[0]!.toUpperCase() + trigger.slice(1) : trigger;
}

/** Stored form of a trigger: HALT words as their tag, so "Tired" and "tired" are one trigger. */
export function normalizeTrigger(trigger: string): string {
  const key = labelKey(trigger);
  return (HALT_TAGS as readonly string[]).includes(key) ? key : trigger.trim().replace(/\s+/g, ' ');
}

function cleanStrength(value: unknown, label: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10) {
    throw new ValidationError(`${label} is a whole number from 0 to 10.`);
  }
  return value;
}

function cleanMood(value: unknown): Mood | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    throw new ValidationError('Pick how you feel now from 1 to 5, or leave it out.');
  }
  return value as Mood;
}

/** Checks and tidies everything but the date; throws a ValidationError naming the problem. */
export function cleanReflection(input: ReflectionInput) {
  if (input.kind !== 'near-miss' && input.kind !== 'setback') {
    throw new ValidationError('Choose whether this was a hard moment you got through or a setback.');
  }
  const triggers = uniqueLabels(
    cleanTextList(input.triggers ?? [], { label: 'A trigger', ...FIELDS.trigger, maxItems: MAX_TRIGGERS }),
  ).map(normalizeTrigger);
  if (triggers.length === 0) {
    throw new ValidationError('Say what pulled at you: pick at least one trigger, or type your own.');
  }
  const urge = input.urgeSurfMinutes ?? null;
  if (urge !== null && (!Number.isInteger(urge) || urge < 0 || urge > MAX_URGE_MINUTES)) {
    throw new ValidationError('The urge-surfing time must be a whole number of minutes, up to a day.');
  }
  return {
    kind: input.kind,
    triggers,
    strength: cleanStrength(input.strength, 'How strong it was'),
    strengthAfter: cleanStrength(input.strengthAfter, 'How strong it is now'),
    steps: uniqueLabels(
      cleanTextList(input.steps ?? [], { label: 'A coping step', ...FIELDS.step, maxItems: MAX_STEPS_USED }),
    ),
    helped: cleanText(input.helped, { label: 'What helped', ...FIELDS.reflectionText }),
    nextTime: cleanText(input.nextTime, { label: 'What to try next time', ...FIELDS.reflectionText }),
    moodNow: cleanMood(input.moodNow),
    urgeSurfMinutes: urge,
  };
}

export interface ReflectionServiceDeps {
  db: TandemDatabase;
  clock: Clock;
  dayStartHour: () => Promise<number>;
  newId?: () => string;
}

export type ReflectionService = ReturnType<typeof createReflectionService>;

export function createReflectionService({ db, clock, dayStartHour, newId = randomId }: ReflectionServiceDeps) {

  // `now` is the clock brought within the storable range (lib/rules/time.ts), so a wrong
  // clock never makes "now" itself refused.
  function checkWhen(at: number, now: number): void {
    if (!isInstant(at)) throw new ValidationError('Pick when it happened.');
    if (at > now + FUTURE_SLACK_MS) throw new ValidationError('That time is in the future. Pick when it happened.');
    if (at < now - MAX_AGE_MS) throw new ValidationError('Reflections can be dated up to a year back.');
  }

  async function dated(at: number) {
    const timeZone = clock.timeZone();
    const utcOffset = utcOffsetMinutes(at, timeZone);
    return { at, timeZone, utcOffset, day: dayKeyAtOffset(at, utcOffset, await dayStartHour()) };
  }

  return {
    async add(input: ReflectionInput): Promise<Reflection> {
      const clean = cleanReflection(input);
      const now = clampInstant(clock.now());
      const at = input.at ?? now;
      checkWhen(at, now);
      const record: Reflection = {
        id: newId(),
        ...(await dated(at)),
        ...clean,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      return guardWrite(async () => {
        await db.reflections.add(record);
        return record;
      });
    },

    async update(id: string, input: ReflectionInput): Promise<Reflection> {
      const clean = cleanReflection(input);
      const now = clampInstant(clock.now());
      if (input.at !== undefined && !Number.isFinite(input.at)) throw new ValidationError('Pick when it happened.');
      // Worked out before the transaction: awaiting anything but IndexedDB inside it would end it.
      const moved = input.at === undefined ? null : await dated(input.at);
      return guardWrite(() =>
        db.transaction('rw', db.reflections, async () => {
          const current = await db.reflections.get(id);
          if (!current || current.deletedAt !== null) {
            throw new ValidationError('That reflection no longer exists. It may have been deleted in another window.');
          }
          // The date keeps its original zone unless the person moved it.
          let when = {};
          if (moved && moved.at !== current.at) {
            checkWhen(moved.at, now);
            when = moved;
          }
          const next: Reflection = { ...current, ...clean, ...when, updatedAt: nextStamp(now, current.updatedAt) };
          await db.reflections.put(next);
          return next;
        }),
      );
    },

    async remove(id: string): Promise<void> {
      const now = clampInstant(clock.now());
      await guardWrite(() =>
        db.transaction('rw', db.reflections, async () => {
          const current = await db.reflections.get(id);
          if (!current || current.deletedAt !== null) return;
          await db.reflections.put({ ...current, deletedAt: now, updatedAt: nextStamp(now, current.updatedAt) });
        }),
      );
    },

    async restore(id: string): Promise<void> {
      const now = clampInstant(clock.now());
      await guardWrite(() =>
        db.transaction('rw', db.reflections, async () => {
          const current = await db.reflections.get(id);
          if (!current) throw new ValidationError('That reflection can’t be found any more.');
          await db.reflections.put({ ...current, deletedAt: null, updatedAt: nextStamp(now, current.updatedAt) });
        }),
      );
    },

    /** Newest first. */
    async recent(limit = 50): Promise<Reflection[]> {
      return db.reflections
        .orderBy('at')
        .reverse()
        .filter((r) => r.deletedAt === null)
        .limit(limit)
        .toArray();
    },

    /** Every live reflection from `fromDay` on (all when omitted), oldest first. */
    async since(fromDay?: DayKey): Promise<Reflection[]> {
      const collection = fromDay ? db.reflections.where('day').aboveOrEqual(fromDay) : db.reflections.toCollection();
      const list = await collection.filter((r) => r.deletedAt === null).toArray();
      return list.sort((a, b) => a.at - b.at);
    },

    /** Every trigger the person has used, most used first, for quick picking. */
    async knownTriggers(): Promise<string[]> {
      const counts = new Map<string, { label: string; n: number }>();
      await db.reflections.orderBy('at').each((r) => {
        if (r.deletedAt !== null) return;
        for (const t of r.triggers) {
          const key = labelKey(t);
          const entry = counts.get(key);
          if (entry) entry.n++;
          else counts.set(key, { label: t, n: 1 });
        }
      });
      return [...counts.values()].sort((a, b) => b.n - a.n).map((e) => e.label);
    },
  };
}
