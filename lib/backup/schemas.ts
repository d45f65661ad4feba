import * as v from 'valibot';
import { HALT_TAGS } from '../db/schema';
import { MAX_WIN_LENGTH } from '../checkins';
import { validateSettings, type Settings } from '../settings';

// Schemas for every record a backup or a transfer may carry. Files come from outside (another
// device, an old version, a hand edit, an attacker), so every field is checked for type, range
// and length before anything reaches the database; unknown fields are refused, not dropped.

export const TEXT_MAX = 2_000;
export const SHORT_TEXT_MAX = 200;
export const LIST_MAX = 50;

/** 2000-01-01 to 2100-01-01: anything outside is a broken clock or a broken file. */
export const EARLIEST = Date.UTC(2000, 0, 1);
export const LATEST = Date.UTC(2100, 0, 1);

const timestamp = v.pipe(
  v.number(),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(EARLIEST, 'is a date before the year 2000'),
  v.maxValue(LATEST, 'is a date after the year 2100'),
);

const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a record id'));

const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `is longer than ${max} characters`));
const list = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item), v.maxLength(LIST_MAX, `has more than ${LIST_MAX} entries`));

const dayKey = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a day like 2026-03-10'),
  v.check((d) => {
    const at = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(at) && new Date(at).toISOString().startsWith(d) && at >= EARLIEST && at < LATEST;
  }, 'is not a calendar day between 2000 and 2100'),
);

const mood = v.picklist([1, 2, 3, 4, 5], 'must be a mood from 1 to 5');
const strength = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10, 'must be 0 to 10')));
const order = v.pipe(v.number(), v.integer(), v.minValue(-1e9), v.maxValue(1e9));

const synced = {
  id,
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: v.nullable(timestamp),
};

const dated = {
  at: timestamp,
  day: dayKey,
  utcOffset: v.pipe(v.number(), v.integer(), v.minValue(-14 * 60), v.maxValue(14 * 60)),
  timeZone: text(64),
};

export const CheckinSchema = v.strictObject({
  ...synced,
  ...dated,
  mood,
  win: text(MAX_WIN_LENGTH),
  tags: v.pipe(
    v.array(v.picklist(HALT_TAGS)),
    v.maxLength(HALT_TAGS.length),
    v.check((tags) => new Set(tags).size === tags.length, 'has a tag twice'),
  ),
});

export const ReflectionSchema = v.strictObject({
  ...synced,
  ...dated,
  kind: v.picklist(['near-miss', 'setback']),
  triggers: list(text(SHORT_TEXT_MAX)),
  strength,
  strengthAfter: strength,
  steps: list(text(TEXT_MAX)),
  helped: text(TEXT_MAX),
  nextTime: text(TEXT_MAX),
  moodNow: v.nullable(mood),
  urgeSurfMinutes: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60))),
});

export const PlanEntrySchema = v.strictObject({
  ...synced,
  trigger: text(SHORT_TEXT_MAX),
  steps: list(text(TEXT_MAX)),
  order,
});

export const ValueItemSchema = v.strictObject({
  ...synced,
  kind: v.picklist(['value', 'goal']),
  text: text(TEXT_MAX),
  order,
});

export const ContactSchema = v.strictObject({
  ...synced,
  role: v.picklist(['contact', 'mentor', 'helpline']),
  name: text(SHORT_TEXT_MAX),
  phone: text(40),
  note: text(TEXT_MAX),
  order,
});

export const ShareLogEntrySchema = v.strictObject({
  ...synced,
  mentorName: text(SHORT_TEXT_MAX),
  periodDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3660)),
  contents: list(text(SHORT_TEXT_MAX)),
  expiresAt: timestamp,
  withPassphrase: v.boolean(),
  linkLength: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000_000)),
});

const minutes = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));

export const SettingsSchema = v.pipe(
  v.strictObject({
    workingDays: v.pipe(v.array(v.picklist([0, 1, 2, 3, 4, 5, 6])), v.maxLength(7)),
    windows: v.pipe(
      v.array(v.strictObject({ start: minutes(1439), end: minutes(1440), overnight: v.boolean() })),
      v.maxLength(24),
    ),
    intervalMinutes: v.number(),
    notifications: v.boolean(),
    notificationText: v.string(),
    dayStartHour: v.number(),
  }),
  // The same rules the settings form applies, so an imported file can't hold what the form refuses.
  v.check((s) => validateSettings(s as Settings).length === 0, 'are not valid settings'),
);

export const TABLE_SCHEMAS = {
  checkins: CheckinSchema,
  reflections: ReflectionSchema,
  plan: PlanEntrySchema,
  values: ValueItemSchema,
  contacts: ContactSchema,
  shares: ShareLogEntrySchema,
} as const;

export type TableName = keyof typeof TABLE_SCHEMAS;
export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];

/** How a table's records are named in messages, e.g. "check-in 3 has …". */
export const RECORD_NOUNS: Record<TableName, string> = {
  checkins: 'check-in',
  reflections: 'reflection',
  plan: 'plan entry',
  values: 'value or goal',
  contacts: 'contact',
  shares: 'shared-link entry',
};

const records = <T extends v.GenericSchema>(schema: T) => v.pipe(v.array(schema), v.maxLength(1_000_000));

export const BACKUP_FORMAT = 'tandem-backup';
export const BACKUP_VERSION = 1;

export const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: timestamp,
  /** Whole store, or only the recent days (a transfer link); the importer says which. */
  scope: v.strictObject({
    kind: v.picklist(['all', 'recent']),
    fromDay: v.nullable(dayKey),
  }),
  tables: v.strictObject({
    checkins: records(CheckinSchema),
    reflections: records(ReflectionSchema),
    plan: records(PlanEntrySchema),
    values: records(ValueItemSchema),
    contacts: records(ContactSchema),
    shares: records(ShareLogEntrySchema),
  }),
  settings: v.nullable(v.strictObject({ value: SettingsSchema, updatedAt: v.union([v.literal(0), timestamp]) })),
});

export type Backup = v.InferOutput<typeof BackupSchema>;
export type BackupTables = Backup['tables'];
