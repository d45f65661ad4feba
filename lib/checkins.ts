import type { Clock } from './clock';
import { dayKeyAtOffset, utcOffsetMinutes, type DayKey } from './days';
import type { Checkin, HaltTag, Mood, TandemDatabase } from './db/schema';
import { HALT_TAGS } from './db/halt';
import { rebuildDayStats } from './db/dayStats';
import { rebucketAll } from './db/rebucket';
import { guardWrite, ValidationError } from './errors';
import { newId as randomId } from './ids';
import { FIELDS } from './rules/fields';
import { checkText } from './rules/text';
import { clampInstant, nextStamp } from './rules/time';

export const MAX_WIN_LENGTH = FIELDS.win.max;
export const MAX_NOTE_LENGTH = FIELDS.checkinNote.max;

/** The five moods, lowest first. Their words are the catalogue's (words.main.moods). */
export const MOODS: readonly Mood[] = [1, 2, 3, 4, 5];

/**
 * A second mood this soon after a check-in changes it rather than adding another: a quick
 * 4 then 2 is one check-in that was corrected, not two.
 */
export const CHANGE_WINDOW_MS = 2 * 60 * 1000;

/** Whether a new mood at `now` changes `checkin` (a live one, at most CHANGE_WINDOW_MS old). */
export function changesCheckin(checkin: Checkin | null | undefined, now: number): checkin is Checkin {
  if (!checkin || checkin.deletedAt !== null) return false;
  // Measured on the clock as check-ins are stored, so a clock outside 2000–2100 still changes
  // the check-in it just made rather than adding another.
  const age = clampInstant(now) - checkin.at;
  return age >= 0 && age < CHANGE_WINDOW_MS;
}

/** What a check-in write can refuse, as codes and facts; components/i18n words them. */
export type CheckinProblem =
  | { code: 'checkin.mood' }
  | { code: 'checkin.winEmpty' }
  | { code: 'checkin.winTooLong'; max: number; length: number }
  | { code: 'checkin.noteTooLong'; max: number; length: number }
  | { code: 'checkin.gone' }
  | { code: 'checkin.unknownTag'; tags: string[] };

function refuse(problem: CheckinProblem): never {
  throw new ValidationError(problem);
}

export function isMood(value: unknown): value is Mood {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** The micro-win as it will be stored, or a ValidationError saying what to change. */
export function cleanWin(text: string, { allowEmpty }: { allowEmpty: boolean }): string {
  const result = checkText(text, { ...FIELDS.win, required: !allowEmpty });
  if (result.ok) return result.text;
  if (result.problem.code === 'tooLong') {
    refuse({ code: 'checkin.winTooLong', max: MAX_WIN_LENGTH, length: result.problem.length });
  }
  refuse({ code: 'checkin.winEmpty' });
}

/** The note as it will be stored ('' for none), or a ValidationError when it is too long. */
export function cleanNote(text: string): string {
  const result = checkText(text, FIELDS.checkinNote);
  if (result.ok) return result.text;
  if (result.problem.code === 'tooLong') refuse({ code: 'checkin.noteTooLong', max: MAX_NOTE_LENGTH, length: result.problem.length });
  return '';
}

function cleanTags(tags: readonly string[]): HaltTag[] {
  const unknown = tags.filter((t) => !(HALT_TAGS as readonly string[]).includes(t));
  if (unknown.length > 0) refuse({ code: 'checkin.unknownTag', tags: unknown });
  return HALT_TAGS.filter((t) => tags.includes(t));
}

export interface CheckinPatch {
  mood?: Mood;
  win?: string;
  note?: string;
  tags?: readonly string[];
}

export interface CheckinServiceDeps {
  db: TandemDatabase;
  clock: Clock;
  /** The person's day-start hour, read at write time. */
  dayStartHour: () => Promise<number>;
  /** Called after every successful write (the extension recomputes its badge). */
  onWrite?: () => void;
  newId?: () => string;
}

export type CheckinService = ReturnType<typeof createCheckinService>;

export function createCheckinService({
  db,
  clock,
  dayStartHour,
  onWrite,
  newId = randomId,
}: CheckinServiceDeps) {
  async function write<T>(work: () => Promise<T>): Promise<T> {
    const result = await guardWrite(work);
    onWrite?.();
    return result;
  }

  async function existing(id: string): Promise<Checkin> {
    const found = await db.checkins.get(id);
    if (!found || found.deletedAt !== null) {
      refuse({ code: 'checkin.gone' });
    }
    return found;
  }

  async function update(id: string, patch: CheckinPatch): Promise<Checkin> {
    if (patch.mood !== undefined && !isMood(patch.mood)) {
      refuse({ code: 'checkin.mood' });
    }
    const changes: Partial<Checkin> = {};
    if (patch.mood !== undefined) changes.mood = patch.mood;
    if (patch.win !== undefined) changes.win = cleanWin(patch.win, { allowEmpty: true });
    if (patch.note !== undefined) changes.note = cleanNote(patch.note);
    if (patch.tags !== undefined) changes.tags = cleanTags(patch.tags);
    const now = clampInstant(clock.now());
    return write(() =>
      db.transaction('rw', db.checkins, db.dayStats, async () => {
        const current = await existing(id);
        const next: Checkin = { ...current, ...changes, updatedAt: nextStamp(now, current.updatedAt) };
        await db.checkins.put(next);
        await rebuildDayStats(db, [next.day]);
        return next;
      }),
    );
  }

  return {
    update,

    /** A live check-in by id; a deleted or unknown one is undefined. */
    async get(id: string): Promise<Checkin | undefined> {
      const found = await db.checkins.get(id);
      return found && found.deletedAt === null ? found : undefined;
    },

    async add(input: { mood: number; tags?: readonly string[]; win?: string; note?: string }): Promise<Checkin> {
      if (!isMood(input.mood)) refuse({ code: 'checkin.mood' });
      const tags = cleanTags(input.tags ?? []);
      const win = cleanWin(input.win ?? '', { allowEmpty: true });
      const note = cleanNote(input.note ?? '');
      // Everything that is not IndexedDB happens before the write: ids, clock, zone. A clock
      // outside 2000–2100 still checks in, at the nearer end of that range (lib/rules/time.ts).
      const now = clampInstant(clock.now());
      const timeZone = clock.timeZone();
      const utcOffset = utcOffsetMinutes(now, timeZone);
      const record: Checkin = {
        id: newId(),
        at: now,
        day: dayKeyAtOffset(now, utcOffset, await dayStartHour()),
        utcOffset,
        timeZone,
        mood: input.mood,
        win,
        note,
        tags,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      return write(() =>
        db.transaction('rw', db.checkins, db.dayStats, async () => {
          await db.checkins.add(record);
          await rebuildDayStats(db, [record.day]);
          return record;
        }),
      );
    },

    /** Saves the micro-win typed after a check-in; an empty one is refused with a message. */
    async setWin(id: string, text: string): Promise<Checkin> {
      cleanWin(text, { allowEmpty: false });
      return update(id, { win: text });
    },

    async remove(id: string): Promise<void> {
      const now = clampInstant(clock.now());
      await write(() =>
        db.transaction('rw', db.checkins, db.dayStats, async () => {
          const current = await existing(id);
          await db.checkins.put({ ...current, deletedAt: now, updatedAt: nextStamp(now, current.updatedAt) });
          await rebuildDayStats(db, [current.day]);
        }),
      );
    },

    /** Undoes a soft delete. */
    async restore(id: string): Promise<void> {
      const now = clampInstant(clock.now());
      await write(() =>
        db.transaction('rw', db.checkins, db.dayStats, async () => {
          const current = await db.checkins.get(id);
          if (!current) refuse({ code: 'checkin.gone' });
          await db.checkins.put({ ...current, deletedAt: null, updatedAt: nextStamp(now, current.updatedAt) });
          await rebuildDayStats(db, [current.day]);
        }),
      );
    },

    async recent(limit = 50): Promise<Checkin[]> {
      return db.checkins
        .orderBy('at')
        .reverse()
        .filter((c) => c.deletedAt === null)
        .limit(limit)
        .toArray();
    },

    async onDay(day: DayKey): Promise<Checkin[]> {
      const list = await db.checkins.where('day').equals(day).filter((c) => c.deletedAt === null).toArray();
      return list.sort((a, b) => a.at - b.at);
    },

    /** Every day with a live check-in, from the per-day aggregates (one row per day). */
    async checkinDays(): Promise<DayKey[]> {
      return (await db.dayStats.toCollection().primaryKeys()) as DayKey[];
    },

    /**
     * Puts every record on its day for a new day-start hour, from the offset it was written
     * with, so a change re-buckets history the same way everywhere. `day` is derived data,
     * so this is not an edit: updatedAt stays, and merges are not disturbed.
     */
    async rebucket(newDayStartHour: number): Promise<number> {
      return write(() =>
        db.transaction('rw', db.checkins, db.reflections, db.dayStats, () => rebucketAll(db, newDayStartHour)),
      );
    },

    /** Check-ins with a micro-win from `fromDay` on, newest first. */
    async winsSince(fromDay: DayKey): Promise<Checkin[]> {
      const list = await db.checkins
        .where('day')
        .aboveOrEqual(fromDay)
        .filter((c) => c.deletedAt === null && c.win !== '')
        .toArray();
      return list.sort((a, b) => b.at - a.at);
    },

    async lastCheckinAt(): Promise<number | null> {
      const last = await db.checkins
        .orderBy('at')
        .reverse()
        .filter((c) => c.deletedAt === null)
        .first();
      return last?.at ?? null;
    },
  };
}
