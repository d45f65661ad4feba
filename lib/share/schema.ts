import * as v from 'valibot';
import { dayNumber } from '../days';
import { acceptsAsIs } from '../rules/text';
import { LIMITS } from './limits';
import { SHARE_PERIODS, type Snapshot } from './model';

// Anyone can mint a valid link with a key of their own, so a decrypted snapshot is untrusted
// input: every field is checked for type, range and length before anything is shown, and the
// caps keep a hostile link from making the page slow or the layout absurd.

const DAY = 86_400_000;

// Every text goes through the one rule for received text (lib/rules/text.ts): no control
// character but newline and tab, none of the bidirectional embeddings, overrides and isolates
// (which could make a minted name reorder the viewer's own sentence around it), no lone
// surrogate, at most `max` code points (280 emoji fit in a micro-win of 280), and, for a
// required field (min 1), something a reader can see: a name of only zero-width characters
// is no name. Nothing is normalised: what the builder sealed is what is shown.
const plainText = (max: number, min = 0) =>
  v.pipe(
    v.string(),
    v.check((s) => acceptsAsIs(s, { max, required: min > 0 })),
  );

/**
 * How far ahead of the reader's clock a snapshot's createdAt may be: a day covers time zones
 * set wrong and clocks a little off. Anything later would make every real link from that
 * person look "older" once kept.
 */
export const CLOCK_SLACK_MS = DAY;

/** Whether a snapshot says it was made later than the reader's clock allows. */
export const fromTheFuture = (snapshot: Pick<Snapshot, 'createdAt'>, now: number) => snapshot.createdAt > now + CLOCK_SLACK_MS;

const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
const instant = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const dayIndex = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(89));

const dayKey = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/),
  v.check((s) => {
    const n = dayNumber(s);
    return Number.isFinite(n) && new Date(n * DAY).toISOString().startsWith(s);
  }),
);

const reflection = v.object({
  day: dayIndex,
  kind: v.picklist(['near-miss', 'setback']),
  triggers: v.pipe(v.array(plainText(LIMITS.trigger, 1)), v.maxLength(LIMITS.triggers)),
  helped: plainText(LIMITS.reflectionText),
  nextTime: plainText(LIMITS.reflectionText),
});

export const SnapshotSchema = v.pipe(
  v.object({
    name: plainText(LIMITS.name, 1),
    createdAt: instant,
    expiresAt: instant,
    period: v.picklist(SHARE_PERIODS),
    lastDay: dayKey,
    streak: v.object({ current: count(LIMITS.streak), best: count(LIMITS.streak) }),
    checkins: v.pipe(v.array(count(LIMITS.checkinsPerDay)), v.maxLength(90)),
    mood: v.optional(
      v.pipe(
        v.array(v.pipe(v.number(), v.integer(), v.check((m) => m === 0 || (m >= 10 && m <= 50)))),
        v.maxLength(90),
      ),
    ),
    wins: v.optional(
      v.pipe(v.array(v.object({ day: dayIndex, text: plainText(LIMITS.winText, 1) })), v.maxLength(LIMITS.wins)),
    ),
    reflections: v.object({
      nearMisses: count(10_000),
      setbacks: count(10_000),
      items: v.optional(v.pipe(v.array(reflection), v.maxLength(LIMITS.reflections))),
    }),
    plan: v.optional(
      v.pipe(
        v.array(
          v.object({
            trigger: plainText(LIMITS.planText, 1),
            steps: v.pipe(v.array(plainText(LIMITS.planText, 1)), v.maxLength(LIMITS.planSteps)),
          }),
        ),
        v.maxLength(LIMITS.planEntries),
      ),
    ),
    wellbeing: v.optional(
      v.pipe(
        v.array(v.object({ day: dayIndex, score: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100), v.check((n) => n % 4 === 0)) })),
        v.maxLength(LIMITS.wellbeing),
      ),
    ),
  }),
  v.check((s) => s.expiresAt > s.createdAt && s.expiresAt - s.createdAt <= 90 * DAY + 60_000, 'expiry'),
  v.check((s) => s.checkins.length === s.period && (s.mood === undefined || s.mood.length === s.period), 'days'),
  v.check((s) => s.streak.current <= s.streak.best, 'streak'),
  v.check(
    (s) =>
      (s.wins ?? []).every((w) => w.day < s.period) &&
      (s.reflections.items ?? []).every((r) => r.day < s.period) &&
      (s.wellbeing ?? []).every((w) => w.day < s.period),
    'day index',
  ),
  v.check((s) => s.mood === undefined || s.mood.every((m, i) => (m === 0) === (s.checkins[i] === 0)), 'mood'),
);

/** The snapshot when `value` is a valid one, else null. */
export function parseSnapshot(value: unknown): Snapshot | null {
  const result = v.safeParse(SnapshotSchema, value);
  return result.success ? (result.output as Snapshot) : null;
}
