import type { TextRule } from './text';

// Every text field Tandem stores or sends, with its one rule. The forms, the services, the
// backup schema and the mentor-link builder all read these; docs/backup-format.md lists them.
// The limits are the widest any earlier version accepted from a file, so every record an
// earlier version stored is still within them.

export const FIELDS = {
  /** A check-in's micro-win. */
  win: { max: 280 },
  /** A check-in's own words (a diary line, or what another app held: issue 15). */
  checkinNote: { max: 2000, multiline: true },
  timeZone: { max: 64 },
  /** What pulled, in a reflection; and a plan's situation. */
  trigger: { max: 200, required: true },
  /** A coping step, in the plan or ticked in a reflection. */
  step: { max: 2000, required: true },
  /** What helped, what to try next time. */
  reflectionText: { max: 2000, multiline: true },
  valueText: { max: 2000, required: true },
  contactName: { max: 200, required: true },
  /** 2,000 as before, plus room for an undialable number an upgrade moves in (lib/db/repair.ts). */
  contactNote: { max: 2100, multiline: true },
  /** The name a mentor link carries (the person's, as the mentor should see it). */
  shareName: { max: 60, required: true },
  /** Who a link was made for, in the share log. */
  mentorName: { max: 200 },
  /** What a link held, in the share log. */
  shareContents: { max: 200, required: true },
  /** A mentor's note in a reply link, as written and as kept (lib/share/reply.ts). */
  replyNote: { max: 1000, multiline: true },
  /** '' means the catalogue's default text, in the person's language. */
  notificationText: { max: 120 },
} as const satisfies Record<string, TextRule>;

export type FieldName = keyof typeof FIELDS;

/** How many entries a list field may hold. */
export const LIST_MAX = 50;
