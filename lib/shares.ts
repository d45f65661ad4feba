import type { Clock } from './clock';
import { dayKey, type DayKey, type Weekday } from './days';
import type { ShareLogEntry, TandemDatabase } from './db/schema';
import { toStorageError, ValidationError } from './errors';
import { newId as randomId } from './ids';
import type { KeyValueStore } from './kv';
import { FIELDS } from './rules/fields';
import { checkText, normalizeText } from './rules/text';
import { clampInstant, nextStamp, TIME_MAX } from './rules/time';
import { reminderDays, type AwayRange } from './settings';
import { sealLink } from './share/link';
import { toBase64Url } from './crypto';
import { who5Score } from './wellbeing';
import { EXPIRY_DAYS, SHARE_PERIODS, type Snapshot } from './share/model';
import { describeContents } from './share/contents';
import { buildSnapshot, periodFirstDay, type BuiltSnapshot, type ShareChoices } from './share/snapshot';

// Creating mentor links from the person's records, and the local log of every link made.
// The log never holds the link itself: it says what went out, to whom and until when.

export const MAX_MENTOR_NAME = FIELDS.shareName.max;
export const MIN_PASSPHRASE = 8;
export const MAX_PASSPHRASE = 200;

/**
 * Every way a request is refused, worded in the catalogue's share.problems. 'share.request'
 * gathers the problems of one request, so the person reads all of them at once.
 */
export type ShareRequestProblem =
  | { code: 'share.nameMissing' }
  | { code: 'share.nameTooLong'; max: number }
  | { code: 'share.mentorMissing' }
  | { code: 'share.mentorTooLong'; max: number }
  | { code: 'share.period'; periods: readonly number[] }
  | { code: 'share.expiry'; days: readonly number[] }
  | { code: 'share.passphraseShort'; min: number }
  | { code: 'share.passphraseLong'; max: number };

export type ShareProblem =
  | ShareRequestProblem
  | { code: 'share.request'; problems: ShareRequestProblem[] }
  /** Something changed since the preview: the link would not hold what the person saw. */
  | { code: 'share.previewChanged' }
  /** The page is not a secure context (plain http), so the browser has no encryption. */
  | { code: 'share.needsHttps' };

export interface ShareRequest extends ShareChoices {
  mentorName: string;
  /** '' for a link that opens without one. */
  passphrase: string;
  /** The snapshot the person saw in the preview: the link must carry exactly that. */
  previewed?: Snapshot;
}

/** A snapshot's content apart from the moment it was made (and so its expiry). */
function sameContent(a: Snapshot, b: Snapshot): boolean {
  const strip = ({ createdAt: _c, expiresAt: _e, ...rest }: Snapshot) => JSON.stringify(rest);
  return strip(a) === strip(b);
}

export interface CreatedShare {
  link: string;
  entry: ShareLogEntry;
  built: BuiltSnapshot;
}

export interface ShareServiceDeps {
  db: TandemDatabase;
  store: KeyValueStore;
  clock: Clock;
  newId?: () => string;
}

/** Every problem with a request, as codes the catalogue words; [] when it can be created. */
export function shareProblems(request: ShareRequest): ShareRequestProblem[] {
  const problems: ShareRequestProblem[] = [];
  // The same rule as the viewer's (lib/rules/text.ts): invisible and control characters are
  // removed, so a name pasted from a chat app with its isolate marks still makes a link that opens.
  const name = checkText(request.name, FIELDS.shareName);
  const mentor = checkText(request.mentorName, FIELDS.shareName);
  if (!name.ok && name.problem.code === 'tooLong') problems.push({ code: 'share.nameTooLong', max: FIELDS.shareName.max });
  else if (!name.ok) problems.push({ code: 'share.nameMissing' });
  if (!mentor.ok && mentor.problem.code === 'tooLong') problems.push({ code: 'share.mentorTooLong', max: MAX_MENTOR_NAME });
  else if (!mentor.ok) problems.push({ code: 'share.mentorMissing' });
  if (!(SHARE_PERIODS as readonly number[]).includes(request.period)) problems.push({ code: 'share.period', periods: SHARE_PERIODS });
  if (!(EXPIRY_DAYS as readonly number[]).includes(request.expiryDays)) problems.push({ code: 'share.expiry', days: EXPIRY_DAYS });
  const passphrase = request.passphrase.trim();
  if (passphrase !== '' && passphrase.length < MIN_PASSPHRASE) problems.push({ code: 'share.passphraseShort', min: MIN_PASSPHRASE });
  if (passphrase.length > MAX_PASSPHRASE) problems.push({ code: 'share.passphraseLong', max: MAX_PASSPHRASE });
  return problems;
}

export type ShareService = ReturnType<typeof createShareService>;

export function createShareService({ db, store, clock, newId = randomId }: ShareServiceDeps) {
  async function today(): Promise<{ today: DayKey; workingDays: Weekday[]; away: AwayRange[] }> {
    const settings = await store.settings();
    // The clock as records were stored under it, so a far-off clock still finds today's check-ins.
    return { today: dayKey(clampInstant(clock.now()), clock.timeZone(), settings.dayStartHour), workingDays: reminderDays(settings), away: settings.away };
  }

  /** The snapshot these choices would make now, for the preview and for the link. */
  async function draft(choices: ShareChoices): Promise<BuiltSnapshot> {
    const now = clampInstant(clock.now());
    const { today: last, workingDays, away } = await today();
    const first = periodFirstDay(last, choices.period);
    const [checkinDays, dayStats, checkins, reflections, plan, wellbeing] = await db.transaction(
      'r',
      [db.dayStats, db.checkins, db.reflections, db.plan, db.wellbeing],
      () =>
        Promise.all([
          db.dayStats.toCollection().primaryKeys() as Promise<DayKey[]>,
          db.dayStats.where('day').between(first, last, true, true).toArray(),
          db.checkins.where('day').between(first, last, true, true).toArray(),
          db.reflections.where('day').between(first, last, true, true).toArray(),
          db.plan.toArray(),
          choices.include.wellbeing ? db.wellbeing.where('day').between(first, last, true, true).toArray() : Promise.resolve([]),
        ]),
    );
    return buildSnapshot(
      {
        now,
        today: last,
        workingDays,
        away,
        checkinDays,
        dayStats,
        wins: checkins
          .filter((c) => c.deletedAt === null && c.win !== '')
          .map((c) => ({ day: c.day, at: c.at, text: c.win })),
        reflections,
        plan,
        wellbeing: wellbeing.flatMap((w) => (w.deletedAt === null && w.answers ? [{ day: w.day, at: w.at, score: who5Score(w.answers) }] : [])),
      },
      choices,
    );
  }

  return {
    draft,

    /** Makes the link and records it in the log; refuses a request with a ValidationError. */
    async create(request: ShareRequest, appUrl: string): Promise<CreatedShare> {
      const problems = shareProblems(request);
      if (problems.length > 0) throw new ValidationError({ code: 'share.request', problems } satisfies ShareProblem);
      let built: BuiltSnapshot;
      try {
        built = await draft({ ...request, name: normalizeText(request.name) });
      } catch (err) {
        throw toStorageError(err);
      }
      if (request.previewed && !sameContent(request.previewed, built.snapshot)) {
        throw new ValidationError({ code: 'share.previewChanged' } satisfies ShareProblem);
      }
      const passphrase = request.passphrase.trim();
      let link: string;
      let linkKey: Uint8Array<ArrayBuffer>;
      try {
        ({ link, linkKey } = await sealLink(built.snapshot, { appUrl, passphrase }));
      } catch (err) {
        // WebCrypto exists only in secure contexts: a PWA opened over plain http on a home
        // network can check in, but cannot encrypt.
        if (!globalThis.crypto?.subtle) throw new ValidationError({ code: 'share.needsHttps' } satisfies ShareProblem, { cause: err });
        throw err;
      }
      const { snapshot } = built;
      const entry: ShareLogEntry = {
        id: newId(),
        createdAt: snapshot.createdAt,
        updatedAt: snapshot.createdAt,
        deletedAt: null,
        mentorName: normalizeText(request.mentorName),
        periodDays: snapshot.period,
        contents: describeContents(snapshot),
        // The link's own expiry may pass 2100 on a clock set far ahead; the log keeps the rule.
        expiresAt: Math.min(TIME_MAX, snapshot.expiresAt),
        withPassphrase: passphrase !== '',
        linkLength: link.length,
        // Kept so that the mentor's reply opens here (lib/share/reply.ts); the link itself is not.
        linkKey: toBase64Url(linkKey),
        // Loaded here, not with the page: the reply codec stays out of the popup's first chunk.
        linkId: await (await import('./share/reply')).linkIdOf(linkKey),
      };
      try {
        await db.shares.add(entry);
      } catch (err) {
        throw toStorageError(err);
      }
      return { link, entry, built };
    },

    /** Every link made, newest first. */
    async log(): Promise<ShareLogEntry[]> {
      const all = await db.shares.orderBy('createdAt').reverse().toArray();
      return all.filter((e) => e.deletedAt === null);
    },

    /**
     * Removes an entry from the log (the link itself keeps working until it expires). Its key
     * goes with it, so replies to it are refused from now on; its id stays, to say why.
     */
    async forget(id: string): Promise<void> {
      const now = clampInstant(clock.now());
      try {
        await db.transaction('rw', db.shares, async () => {
          const entry = await db.shares.get(id);
          if (!entry) return;
          const { linkKey: _gone, ...kept } = entry;
          await db.shares.put({ ...kept, deletedAt: now, updatedAt: nextStamp(now, entry.updatedAt) });
        });
      } catch (err) {
        throw toStorageError(err);
      }
    },
  };
}
