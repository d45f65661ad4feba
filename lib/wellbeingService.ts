import type { Clock } from './clock';
import { dayKey, utcOffsetMinutes } from './days';
import type { TandemDatabase, WellbeingAnswer, WellbeingCheck } from './db/schema';
import { toStorageError, ValidationError } from './errors';
import { newId } from './ids';
import { clampInstant } from './rules/time';
import { dueFromStored, isAnswers, who5Score } from './wellbeing';

// The fortnightly WHO-5 check on this device: whether it is due, answering it, skipping it, and
// the scores for Insights and the mentor link.

export type WellbeingService = ReturnType<typeof createWellbeingService>;

export interface WellbeingScore {
  at: number;
  day: string;
  score: number;
}

export function createWellbeingService({ db, clock, dayStartHour }: { db: TandemDatabase; clock: Clock; dayStartHour: () => Promise<number> }) {
  async function live(): Promise<WellbeingCheck[]> {
    const all = await db.wellbeing.orderBy('at').toArray();
    return all.filter((c) => c.deletedAt === null);
  }

  async function save(answers: WellbeingAnswer[] | null): Promise<WellbeingCheck> {
    if (answers !== null && !isAnswers(answers)) throw new ValidationError({ code: 'wellbeing.answers' });
    const at = clampInstant(clock.now());
    const timeZone = clock.timeZone();
    const record: WellbeingCheck = {
      id: newId(),
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      at,
      day: dayKey(at, timeZone, await dayStartHour()),
      utcOffset: utcOffsetMinutes(at, timeZone),
      timeZone,
      answers,
    };
    try {
      await db.wellbeing.add(record);
    } catch (err) {
      throw toStorageError(err);
    }
    return record;
  }

  return {
    /** Whether to offer the check now (at most once every 14 days; a skip counts as an offer). */
    async due(): Promise<boolean> {
      const hour = await dayStartHour();
      return dueFromStored(await db.wellbeing.toArray(), clock.now(), clock.timeZone(), hour);
    },
    answer: (answers: WellbeingAnswer[]) => save(answers),
    skip: () => save(null),
    /** Every answered check's score, oldest first. */
    async scores(): Promise<WellbeingScore[]> {
      return (await live()).flatMap((c) => (c.answers ? [{ at: c.at, day: c.day, score: who5Score(c.answers) }] : []));
    },
  };
}
