import type { FieldName } from './fields';

// Which field of which record follows which rule. The backup schema (lib/backup/schemas.ts)
// and the upgrade that brings an older store within the rules (lib/db/repair.ts) both read
// this table, so they can't disagree about a field.

export type RecordTable = 'checkins' | 'reflections' | 'plan' | 'values' | 'contacts' | 'shares' | 'replies' | 'wellbeing';

/** The tables of schema v3, whose records its upgrade brought within the rules (lib/db/repairStore.ts). */
export type RepairedTable = Exclude<RecordTable, 'replies' | 'wellbeing'>;

/** Single texts, by field, with the rule each follows. */
export const RECORD_TEXTS = {
  checkins: { win: 'win', note: 'checkinNote', timeZone: 'timeZone' },
  reflections: { helped: 'reflectionText', nextTime: 'reflectionText', timeZone: 'timeZone' },
  plan: { trigger: 'trigger' },
  values: { text: 'valueText' },
  contacts: { name: 'contactName', note: 'contactNote' },
  shares: { mentorName: 'mentorName' },
  replies: { from: 'shareName', note: 'replyNote' },
  wellbeing: { timeZone: 'timeZone' },
} as const satisfies Record<RecordTable, Record<string, FieldName>>;

/** Lists of texts (each entry follows the rule; at most LIST_MAX entries). */
export const RECORD_LISTS = {
  checkins: {},
  reflections: { triggers: 'trigger', steps: 'step' },
  plan: { steps: 'step' },
  values: {},
  contacts: {},
  shares: { contents: 'shareContents' },
  replies: {},
  wellbeing: {},
} as const satisfies Record<RecordTable, Record<string, FieldName>>;

/** Lists that must hold at least one entry: what pulled (a reflection), a situation's steps. */
export const REQUIRED_LISTS: Readonly<Partial<Record<RecordTable, readonly string[]>>> = {
  reflections: ['triggers'],
  plan: ['steps'],
};

/** Stamps compared by the merge rule; a received one far ahead of this clock is refused. */
export const STAMPS = ['createdAt', 'updatedAt', 'deletedAt'] as const;

/** Every instant field of a table (all within TIME_MIN..TIME_MAX). */
export const RECORD_INSTANTS: Record<RecordTable, readonly string[]> = {
  checkins: ['at', ...STAMPS],
  reflections: ['at', ...STAMPS],
  plan: STAMPS,
  values: STAMPS,
  contacts: STAMPS,
  shares: ['expiresAt', ...STAMPS],
  replies: ['sentAt', ...STAMPS],
  wellbeing: ['at', ...STAMPS],
};

export const DATED_TABLES: readonly RecordTable[] = ['checkins', 'reflections'];

/** The tables schema v3 repaired (and every earlier version had). */
export const REPAIRED_TABLES: readonly RepairedTable[] = ['checkins', 'reflections', 'plan', 'values', 'contacts', 'shares'];

/** Every table a backup carries: since backup version 3 also mentors' replies and wellbeing checks. */
export const TABLE_NAMES: readonly RecordTable[] = [...REPAIRED_TABLES, 'replies', 'wellbeing'];
