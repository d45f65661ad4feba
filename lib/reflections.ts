import type { Clock } from './clock';
import { dayKeyAtOffset, utcOffsetMinutes, type DayKey } from './days';
import type { Mood, Reflection, ReflectionKind, TandemDatabase } from './db/schema';
import { HALT_TAGS } from './db/halt';
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

/** Why a reflection was refused; the catalogue words it (components/i18n/<language>/reflect.ts). */
export type ReflectionProblem =
  | { code: 'reflection.kind' }
  | { code: 'reflection.noTrigger' }
  /** A strength that is not a whole number from 0 to 10: how strong it was, or is now. */
  | { code: 'reflection.strength'; which: 'before' | 'after' }
  | { code: 'reflection.mood' }
  | { code: 'reflection.urge'; maxMinutes: number }
  /** No usable date or time (e.g. a cleared field). */
  | { code: 'reflection.when' }
  | { code: 'reflection.future' }
  | { code: 'reflection.tooOld' }
  /** Edited or restored after it was deleted for good, e.g. in another window. */
  | { code: 'reflection.gone' };

function refuse(problem: ReflectionProblem): never {
  throw new ValidationError(problem);
}

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

function cleanStrength(value: unknown, which: 'before' | 'after'): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10) {
    return refuse({ code: 'reflection.strength', which });
  }
  return value;
}

function cleanMood(value: unknown): Mood | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    return refuse({ code: 'reflection.mood' });
  }
  return value as Mood;
}

/** Checks and tidies everything but the date; throws a ValidationError naming the problem. */
export function cleanReflection(input: ReflectionInput) {
  if (input.kind !== 'near-miss' && input.kind !== 'setback') {
    refuse({ code: 'reflection.kind' });
  }
  const triggers = uniqueLabels(
    cleanTextList(input.triggers ?? [], { field: 'trigger', ...FIELDS.trigger, maxItems: MAX_TRIGGERS }),
  ).map(normalizeTrigger);
  if (triggers.length === 0) {
    refuse({ code: 'reflection.noTrigger' });
  }
  const urge = input.urgeSurfMinutes ?? null;
  if (urge !== null && (!Number.isInteger(urge) || urge < 0 || urge > MAX_URGE_MINUTES)) {
    refuse({ code: 'reflection.urge', maxMinutes: MAX_URGE_MINUTES });
  }
  return {
    kind: input.kind,
    triggers,
    strength: cleanStrength(input.strength, 'before'),
    strengthAfter: cleanStrength(input.strengthAfter, 'after'),
    steps: uniqueLabels(
      cleanTextList(input.steps ?? [], { field: 'step', ...FIELDS.step, maxItems: MAX_STEPS_USED }),
    ),
    helped: cleanText(input.helped, { field: 'helped', ...FIELDS.reflectionText }),
    nextTime: cleanText(input.nextTime, { field: 'nextTime', ...FIELDS.reflectionText }),
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
    if (!isInstant(at)) refuse({ code: 'reflection.when' });
    if (at > now + FUTURE_SLACK_MS) refuse({ code: 'reflection.future' });
    if (at < now - MAX_AGE_MS) refuse({ code: 'reflection.tooOld' });
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
      if (input.at !== undefined && !Number.isFinite(input.at)) refuse({ code: 'reflection.when' });
      // Worked out before the transaction: awaiting anything but IndexedDB inside it would end it.
      const moved = input.at === undefined ? null : await dated(input.at);
      return guardWrite(() =>
        db.transaction('rw', db.reflections, async () => {
          const current = await db.reflections.get(id);
          if (!current || current.deletedAt !== null) {
            return refuse({ code: 'reflection.gone' });
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
          if (!current) return refuse({ code: 'reflection.gone' });
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

/**
 * A new reflection as far as the person has written it, kept per device (lib/kv.ts
 * 'draft-reflection') so that a popup closing by a click elsewhere loses nothing. The fields
 * are the form's own, as typed (checked only when saved).
 */
export interface ReflectionDraft {
  kind: ReflectionKind;
  fields: ReflectionDraftFields;
}

/** The form's fields as typed so far: the reflection's own, and the date and time as written. */
export type ReflectionDraftFields = Pick<Reflection, 'triggers' | 'strength' | 'strengthAfter' | 'steps' | 'helped' | 'nextTime' | 'moodNow'> & {
  /** The date and time fields, kept only once the person changed them (else "now" when reopened). */
  when: { date: string; time: string } | null;
};

const strings = (v: unknown, max: number): string[] | null =>
  Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
const orNull = (v: unknown, ok: (n: number) => boolean): number | null =>
  typeof v === 'number' && Number.isInteger(v) && ok(v) ? v : null;
const text = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max * 2) : '');

/** A stored draft in a usable shape, or null (storage may hold anything an older version wrote). */
export function readReflectionDraft(value: unknown): ReflectionDraft | null {
  if (!value || typeof value !== 'object') return null;
  const { kind, fields } = value as { kind?: unknown; fields?: unknown };
  if ((kind !== 'near-miss' && kind !== 'setback') || !fields || typeof fields !== 'object') return null;
  const f = fields as Record<string, unknown>;
  const when = f.when as { date?: unknown; time?: unknown } | null | undefined;
  return {
    kind,
    fields: {
      when: when && typeof when.date === 'string' && typeof when.time === 'string' ? { date: when.date, time: when.time } : null,
      triggers: strings(f.triggers, MAX_TRIGGERS * 2) ?? [],
      strength: orNull(f.strength, (n) => n >= 0 && n <= 10),
      strengthAfter: orNull(f.strengthAfter, (n) => n >= 0 && n <= 10),
      steps: strings(f.steps, MAX_STEPS_USED * 2) ?? [],
      helped: text(f.helped, MAX_REFLECTION_TEXT),
      nextTime: text(f.nextTime, MAX_REFLECTION_TEXT),
      moodNow: orNull(f.moodNow, (n) => n >= 1 && n <= 5) as Mood | null,
    },
  };
}

/** True when the draft holds nothing the person wrote or picked. */
export function isEmptyDraft(f: ReflectionDraftFields): boolean {
  return (
    f.when === null &&
    f.triggers.length === 0 &&
    f.strength === null &&
    f.strengthAfter === null &&
    f.steps.length === 0 &&
    f.helped.trim() === '' &&
    f.nextTime.trim() === '' &&
    f.moodNow === null
  );
}
