import type { Clock } from './clock';
import { dayKey, type DayKey, type Weekday } from './days';
import type { ShareLogEntry, TandemDatabase } from './db/schema';
import { ServiceError, toStorageError, ValidationError } from './errors';
import { newId as randomId } from './ids';
import type { KeyValueStore } from './kv';
import { FIELDS } from './rules/fields';
import { checkText, normalizeText } from './rules/text';
import { clampInstant, nextStamp, TIME_MAX } from './rules/time';
import { encodeLink } from './share/link';
import { EXPIRY_DAYS, SHARE_PERIODS, type Snapshot } from './share/model';
import { buildSnapshot, describeContents, periodFirstDay, type BuiltSnapshot, type ShareChoices } from './share/snapshot';

// Creating mentor links from the person's records, and the local log of every link made.
// The log never holds the link itself: it says what went out, to whom and until when.

export const MAX_MENTOR_NAME = FIELDS.shareName.max;
export const MIN_PASSPHRASE = 8;
export const MAX_PASSPHRASE = 200;

export const NEEDS_HTTPS =
  'Links can’t be made on this page: browsers only encrypt on secure (https) pages. Open Tandem from its https address, or use the browser extension, to share.';

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

export const PREVIEW_CHANGED =
  'Something changed since the preview (a new check-in, or a new day began). The preview now shows what the link would hold; look it over, then create the link again.';

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

/** Every problem with a request, in words the person can act on; [] when it can be created. */
export function shareProblems(request: ShareRequest): string[] {
  const problems: string[] = [];
  // The same rule as the viewer's (lib/rules/text.ts): invisible and control characters are
  // removed, so a name pasted from a chat app with its isolate marks still makes a link that opens.
  const name = checkText(request.name, FIELDS.shareName);
  const mentor = checkText(request.mentorName, FIELDS.shareName);
  if (!name.ok && name.problem.code === 'tooLong') problems.push(`Your name can be up to ${FIELDS.shareName.max} characters.`);
  else if (!name.ok) problems.push('Write your name as your mentor knows you.');
  if (!mentor.ok && mentor.problem.code === 'tooLong') {
    problems.push(`The mentor’s name can be up to ${MAX_MENTOR_NAME} characters.`);
  } else if (!mentor.ok) problems.push('Write your mentor’s name, so you know later who has this link.');
  if (!(SHARE_PERIODS as readonly number[]).includes(request.period)) problems.push('Pick a period of 7, 30 or 90 days.');
  if (!(EXPIRY_DAYS as readonly number[]).includes(request.expiryDays)) {
    problems.push('Pick how long the link works: 1, 7, 14, 30 or 90 days.');
  }
  const passphrase = request.passphrase.trim();
  if (passphrase !== '' && passphrase.length < MIN_PASSPHRASE) {
    problems.push(`A passphrase needs at least ${MIN_PASSPHRASE} characters; three short words work well.`);
  }
  if (passphrase.length > MAX_PASSPHRASE) problems.push(`A passphrase can be up to ${MAX_PASSPHRASE} characters.`);
  return problems;
}

export type ShareService = ReturnType<typeof createShareService>;

export function createShareService({ db, store, clock, newId = randomId }: ShareServiceDeps) {
  async function today(): Promise<{ today: DayKey; workingDays: Weekday[] }> {
    const settings = await store.settings();
    // The clock as records were stored under it, so a far-off clock still finds today's check-ins.
    return { today: dayKey(clampInstant(clock.now()), clock.timeZone(), settings.dayStartHour), workingDays: settings.workingDays };
  }

  /** The snapshot these choices would make now, for the preview and for the link. */
  async function draft(choices: ShareChoices): Promise<BuiltSnapshot> {
    const now = clampInstant(clock.now());
    const { today: last, workingDays } = await today();
    const first = periodFirstDay(last, choices.period);
    const [checkinDays, dayStats, checkins, reflections, plan] = await db.transaction(
      'r',
      [db.dayStats, db.checkins, db.reflections, db.plan],
      () =>
        Promise.all([
          db.dayStats.toCollection().primaryKeys() as Promise<DayKey[]>,
          db.dayStats.where('day').between(first, last, true, true).toArray(),
          db.checkins.where('day').between(first, last, true, true).toArray(),
          db.reflections.where('day').between(first, last, true, true).toArray(),
          db.plan.toArray(),
        ]),
    );
    return buildSnapshot(
      {
        now,
        today: last,
        workingDays,
        checkinDays,
        dayStats,
        wins: checkins
          .filter((c) => c.deletedAt === null && c.win !== '')
          .map((c) => ({ day: c.day, at: c.at, text: c.win })),
        reflections,
        plan,
      },
      choices,
    );
  }

  return {
    draft,

    /** Makes the link and records it in the log; refuses a request with a ValidationError. */
    async create(request: ShareRequest, appUrl: string): Promise<CreatedShare> {
      const problems = shareProblems(request);
      if (problems.length > 0) throw new ValidationError(problems.join(' '));
      let built: BuiltSnapshot;
      try {
        built = await draft({ ...request, name: normalizeText(request.name) });
      } catch (err) {
        throw toStorageError(err);
      }
      if (request.previewed && !sameContent(request.previewed, built.snapshot)) throw new ValidationError(PREVIEW_CHANGED);
      const passphrase = request.passphrase.trim();
      let link: string;
      try {
        link = await encodeLink(built.snapshot, { appUrl, passphrase });
      } catch (err) {
        // WebCrypto exists only in secure contexts: a PWA opened over plain http on a home
        // network can check in, but cannot encrypt.
        if (!globalThis.crypto?.subtle) throw new ServiceError(NEEDS_HTTPS, { cause: err });
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

    /** Removes an entry from the log (the link itself keeps working until it expires). */
    async forget(id: string): Promise<void> {
      const now = clampInstant(clock.now());
      try {
        await db.transaction('rw', db.shares, async () => {
          const entry = await db.shares.get(id);
          if (!entry) return;
          await db.shares.put({ ...entry, deletedAt: now, updatedAt: nextStamp(now, entry.updatedAt) });
        });
      } catch (err) {
        throw toStorageError(err);
      }
    },
  };
}
