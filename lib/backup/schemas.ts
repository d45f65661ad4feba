import * as v from 'valibot';
import { HALT_TAGS } from '../db/halt';
import { cleanPhone } from '../phone';
import { MAX_URGE_MINUTES } from '../reflections';
import { FIELDS, LIST_MAX, type FieldName } from '../rules/fields';
import { RECORD_LISTS, RECORD_TEXTS, REQUIRED_LISTS, TABLE_NAMES as RECORD_TABLE_NAMES, type RecordTable } from '../rules/records';
import { isInvisible, normalizeText, textLength, type TextRule } from '../rules/text';
import { DAY_MAX, DAY_MIN, OFFSET_MAX, OFFSET_MIN, TIME_MAX, TIME_MIN } from '../rules/time';
import { MAX_AWAY_RANGES, MAX_WINDOWS_PER_DAY, readNotificationText, validateSettings, weekPlanFrom, type Settings } from '../settings';
import { contentFromText, MAX_CONTENT_COUNT, type ShareContent } from '../share/contents';
import { QUICK_WORDS } from '../share/replyFormat';

// Schemas for every record a backup or a transfer may carry. Files come from outside (another
// device, an old version, a hand edit, an attacker), so every field is checked for type, range
// and length before anything reaches the database; unknown fields are refused, not dropped.
// Each field follows its one rule (lib/rules/): texts are normalised the way the forms store
// them, so a file imported twice, or exported and imported again, changes nothing.

/** Anything outside 2000–2100 is a broken clock or a broken file. */
export const EARLIEST = TIME_MIN;
export const LATEST = TIME_MAX;
export { LIST_MAX };

const timestamp = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(EARLIEST, 'is a date before the year 2000'),
  v.maxValue(LATEST, 'is a date after the year 2100'),
);

const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a record id'));

/** A text under its field's rule: normalised, then its length and presence checked. */
export function textField(rule: TextRule) {
  return v.pipe(
    v.string('must be text'),
    v.transform((s: string) => normalizeText(s, rule)),
    v.check((s) => !rule.required || !isInvisible(s), 'is empty'),
    v.check((s) => textLength(s) <= rule.max, `is longer than ${rule.max} characters`),
  );
}
const field = (name: FieldName) => textField(FIELDS[name]);
const list = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item), v.maxLength(LIST_MAX, `has more than ${LIST_MAX} entries`));

export const dayKey = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a day like 2026-03-10'),
  v.check((d) => {
    const at = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(at) && new Date(at).toISOString().startsWith(d) && d >= DAY_MIN && d <= DAY_MAX;
  }, 'is not a calendar day between 2000 and 2100'),
);

const mood = v.picklist([1, 2, 3, 4, 5], 'must be a mood from 1 to 5');
const strength = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10, 'must be 0 to 10')));
const order = v.pipe(v.number(), v.integer(), v.minValue(-1e9), v.maxValue(1e9));

/** The number the form would accept (lib/phone.ts), or none. */
const phone = v.pipe(
  v.string('must be text'),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    try {
      return cleanPhone(dataset.value, { required: false });
    } catch {
      addIssue({ message: 'is not a number a phone can dial' });
      return NEVER;
    }
  }),
);

const synced = {
  id,
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: v.nullable(timestamp),
};

const dated = {
  at: timestamp,
  day: dayKey,
  utcOffset: v.pipe(v.number(), v.integer(), v.minValue(OFFSET_MIN), v.maxValue(OFFSET_MAX)),
  timeZone: field('timeZone'),
};

const texts = <T extends RecordTable>(table: T) =>
  Object.fromEntries(Object.entries(RECORD_TEXTS[table]).map(([k, name]) => [k, field(name as FieldName)])) as {
    [K in keyof (typeof RECORD_TEXTS)[T]]: ReturnType<typeof textField>;
  };
const lists = <T extends RecordTable>(table: T) =>
  Object.fromEntries(
    Object.entries(RECORD_LISTS[table]).map(([k, name]) => [
      k,
      REQUIRED_LISTS[table]?.includes(k)
        ? v.pipe(list(field(name as FieldName)), v.minLength(1, 'is empty'))
        : list(field(name as FieldName)),
    ]),
  ) as {
    [K in keyof (typeof RECORD_LISTS)[T]]: ReturnType<typeof list<ReturnType<typeof textField>>>;
  };

export const CheckinSchema = v.strictObject({
  ...synced,
  ...dated,
  ...texts('checkins'),
  mood,
  tags: v.pipe(
    v.array(v.picklist(HALT_TAGS)),
    v.maxLength(HALT_TAGS.length),
    v.check((tags) => new Set(tags).size === tags.length, 'has a tag twice'),
  ),
});

/** A check-in of a version 1 or 2 file, written before check-ins had a note: it reads as none. */
export const CheckinSchemaV2 = v.strictObject({
  ...CheckinSchema.entries,
  note: v.optional(field('checkinNote'), ''),
});

export const ReflectionSchema = v.strictObject({
  ...synced,
  ...dated,
  ...texts('reflections'),
  ...lists('reflections'),
  kind: v.picklist(['near-miss', 'setback']),
  strength,
  strengthAfter: strength,
  moodNow: v.nullable(mood),
  urgeSurfMinutes: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_URGE_MINUTES))),
});

export const PlanEntrySchema = v.strictObject({
  ...synced,
  ...texts('plan'),
  ...lists('plan'),
  order,
});

export const ValueItemSchema = v.strictObject({
  ...synced,
  ...texts('values'),
  kind: v.picklist(['value', 'goal']),
  order,
});

export const ContactSchema = v.strictObject({
  ...synced,
  ...texts('contacts'),
  role: v.picklist(['contact', 'mentor', 'helpline']),
  phone,
  order,
});

const contentCount = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0), v.maxValue(MAX_CONTENT_COUNT));

/** One fact of what a link held (lib/share/contents.ts); a phrase that is none of them is text. */
const ShareContentSchema = v.union(
  [
    v.strictObject({ kind: v.picklist(['checkinDays', 'mood', 'reflectionCounts']) }),
    v.strictObject({ kind: v.picklist(['wins', 'reflectionTexts', 'plan', 'wellbeing']), count: contentCount }),
    v.strictObject({ kind: v.literal('text'), text: field('shareContents') }),
  ],
  'is not something a link holds',
) as v.GenericSchema<unknown, ShareContent>;

const shareEntry = {
  ...synced,
  ...texts('shares'),
  periodDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3660)),
  expiresAt: timestamp,
  withPassphrase: v.boolean(),
  linkLength: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)),
  // The link's own key and the id its replies name it by (lib/share/reply.ts): only in
  // passphrase-protected files and transfers, and never in a removed entry.
  linkKey: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'is not a link key'))),
  linkId: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{11}$/, 'is not a link id'))),
};

/** A share-log entry as version 2 files (and the database from schema v4) hold it: contents as facts. */
export const ShareLogEntrySchema = v.strictObject({ ...shareEntry, contents: list(ShareContentSchema) });

/**
 * A share-log entry of a version 1 file: contents are English phrases, each under its text
 * rule, then turned into facts as the v4 upgrade does (others kept as { kind: 'text' }).
 */
export const ShareLogEntrySchemaV1 = v.strictObject({
  ...shareEntry,
  contents: v.pipe(
    lists('shares').contents,
    v.transform((phrases): ShareContent[] => phrases.map(contentFromText)),
  ),
});

const minutes = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));

const windowSchema = v.strictObject({ start: minutes(1439), end: minutes(1440), overnight: v.boolean() });

/** What every version's settings hold besides their windows. */
const settingsCommon = {
  intervalMinutes: v.number(),
  notifications: v.boolean(),
  // An older version stored its English default; it reads as the default, in any language.
  notificationText: v.pipe(field('notificationText'), v.transform(readNotificationText)),
  dayStartHour: v.number(),
};

/** Settings as files hold them from the week plan on. */
const WeekPlanSettingsSchema = v.strictObject({
  weekPlan: v.pipe(v.array(v.pipe(v.array(windowSchema), v.maxLength(MAX_WINDOWS_PER_DAY))), v.length(7)),
  away: v.pipe(v.array(v.strictObject({ from: dayKey, to: dayKey })), v.maxLength(MAX_AWAY_RANGES)),
  ...settingsCommon,
});

/**
 * Settings as files made before the week plan hold them: one set of windows for every reminder
 * day. They are read as a week plan, as the database's older settings are (lib/settings.ts).
 */
const LegacySettingsSchema = v.pipe(
  v.strictObject({
    workingDays: v.pipe(v.array(v.picklist([0, 1, 2, 3, 4, 5, 6])), v.maxLength(7)),
    windows: v.pipe(v.array(windowSchema), v.maxLength(24)),
    ...settingsCommon,
  }),
  v.transform(({ workingDays, windows, ...rest }): Settings => ({ weekPlan: weekPlanFrom(workingDays, windows), away: [], ...rest })),
);

export const SettingsSchema = v.pipe(
  v.union([WeekPlanSettingsSchema, LegacySettingsSchema], 'are not settings Tandem knows'),
  // The same rules the settings form applies, so an imported file can't hold what the form refuses.
  v.check((s) => validateSettings(s as Settings).length === 0, 'are not valid settings'),
);

/** A mentor's reply as opened and kept (lib/replies.ts); quick words as codes. */
export const MentorReplySchema = v.strictObject({
  ...synced,
  ...texts('replies'),
  shareId: id,
  linkId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{11}$/, 'is not a link id')),
  sentAt: timestamp,
  words: v.pipe(v.array(v.picklist(QUICK_WORDS, 'is not a quick word Tandem knows')), v.maxLength(QUICK_WORDS.length)),
  readAt: v.union([v.literal(0), timestamp]),
});

/** A WHO-5 check: five answers 0–5, or null when it was skipped. */
export const WellbeingSchema = v.strictObject({
  ...synced,
  ...dated,
  answers: v.nullable(
    v.pipe(
      v.array(v.picklist([0, 1, 2, 3, 4, 5], 'must be an answer from 0 to 5')),
      v.length(5, 'must hold five answers'),
    ),
  ),
});

export const TABLE_SCHEMAS = {
  checkins: CheckinSchema,
  reflections: ReflectionSchema,
  plan: PlanEntrySchema,
  values: ValueItemSchema,
  contacts: ContactSchema,
  shares: ShareLogEntrySchema,
  replies: MentorReplySchema,
  wellbeing: WellbeingSchema,
} as const satisfies Record<RecordTable, v.GenericSchema>;

export type TableName = keyof typeof TABLE_SCHEMAS;
export const TABLE_NAMES = RECORD_TABLE_NAMES as TableName[];

/** The schemas of a version 2 file: check-ins without a note read as having none. */
export const TABLE_SCHEMAS_V2 = { ...TABLE_SCHEMAS, checkins: CheckinSchemaV2 } as const satisfies Record<RecordTable, v.GenericSchema>;

/** The schemas of a version 1 file: as version 2, and the share log's contents are English phrases. */
export const TABLE_SCHEMAS_V1 = { ...TABLE_SCHEMAS_V2, shares: ShareLogEntrySchemaV1 } as const satisfies Record<RecordTable, v.GenericSchema>;

export const BACKUP_FORMAT = 'tandem-backup';
/**
 * 3: check-ins carry a note; mentors' replies and wellbeing checks travel too (a file without them
 * has none). 2: the share log's contents are facts. Older files still import (their check-ins
 * without a note, version 1's phrases converted). An older Tandem refuses a version 3 file as
 * "update Tandem first" rather than leaving out every check-in's note.
 */
export const BACKUP_VERSION = 3;
/** Every version this code reads; a higher number is a newer Tandem's. */
export const BACKUP_VERSIONS = [1, 2, 3] as const;
export const MAX_RECORDS = 1_000_000;

const rows = v.pipe(v.array(v.unknown()), v.maxLength(MAX_RECORDS, `has more than ${MAX_RECORDS} records`));

/**
 * The envelope: everything but the records themselves, which are checked one by one so that a
 * few bad ones are refused without refusing the history around them.
 */
export const EnvelopeSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.picklist(BACKUP_VERSIONS, 'is not a version Tandem knows'),
  // Only says when the file was made; an older version wrote whatever the clock read.
  exportedAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15)),
  /** Whole store, or only the recent days (a transfer link); the importer says which. */
  scope: v.strictObject({
    kind: v.picklist(['all', 'recent']),
    fromDay: v.nullable(dayKey),
  }),
  tables: v.strictObject({
    checkins: rows,
    reflections: rows,
    plan: rows,
    values: rows,
    contacts: rows,
    shares: rows,
    replies: v.optional(rows, []),
    wellbeing: v.optional(rows, []),
  }),
  settings: v.nullable(v.strictObject({ value: v.unknown(), updatedAt: v.unknown() })),
});

export const SettingsEntrySchema = v.strictObject({ value: SettingsSchema, updatedAt: v.union([v.literal(0), timestamp]) });

export interface BackupTables {
  checkins: v.InferOutput<typeof CheckinSchema>[];
  reflections: v.InferOutput<typeof ReflectionSchema>[];
  plan: v.InferOutput<typeof PlanEntrySchema>[];
  values: v.InferOutput<typeof ValueItemSchema>[];
  contacts: v.InferOutput<typeof ContactSchema>[];
  shares: v.InferOutput<typeof ShareLogEntrySchema>[];
  /** Absent in files before version 3 (and in hand-made ones): none. */
  replies?: v.InferOutput<typeof MentorReplySchema>[];
  wellbeing?: v.InferOutput<typeof WellbeingSchema>[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  scope: { kind: 'all' | 'recent'; fromDay: string | null };
  tables: BackupTables;
  settings: { value: Settings; updatedAt: number } | null;
}
