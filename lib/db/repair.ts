import { dayKeyAtOffset } from '../days';
import { cleanPhone } from '../phone';
import { FIELDS, LIST_MAX } from '../rules/fields';
import { DATED_TABLES, RECORD_INSTANTS, RECORD_LISTS, RECORD_TEXTS, REQUIRED_LISTS, STAMPS, type RecordTable } from '../rules/records';
import { isInvisible, normalizeText, textLength, type TextRule } from '../rules/text';
import { clampInstant, DAY_START_MAX, isFromTheFuture, OFFSET_MAX, OFFSET_MIN } from '../rules/time';

// Brings a record an earlier version stored (or let in from a file) within today's rules,
// keeping everything a person wrote. Used by the schema upgrade; pure, so it is tested alone.

export type RepairCode =
  /** A text lost control, bidi or invisible characters, or was put in Unicode's normal form. */
  | 'textTidied'
  /** A required text had nothing visible left; it reads "…" now. */
  | 'textFilled'
  /** An empty entry was taken out of a list (it held nothing). */
  | 'emptyEntryRemoved'
  /** An instant outside 2000–2100 (a clock set wrong) was brought to the nearer end. */
  | 'instantMoved'
  /** A stamp ahead of this device's clock by more than a day was brought to now. */
  | 'futureStamp'
  /** A UTC offset outside ±14:00 was brought within it. */
  | 'offsetMoved'
  /** A number a phone can't dial was moved into the contact's note, to be edited. */
  | 'phoneMoved'
  /** A list had more than LIST_MAX entries; the rest were joined into its last entry. */
  | 'listJoined';

export interface Repaired<R> {
  record: R;
  changes: RepairCode[];
}

type Row = Record<string, unknown>;

/**
 * The day-start hour a dated record was put on its day with. The setting itself lives where an
 * upgrade can't read it; the default (4) is tried first, as most people keep it.
 */
function dayStartOf(r: Row): number {
  for (const h of [4, ...Array.from({ length: DAY_START_MAX + 1 }, (_, i) => i)]) {
    if (typeof r.at === 'number' && typeof r.utcOffset === 'number' && dayKeyAtOffset(r.at, r.utcOffset, h) === r.day) return h;
  }
  return 4;
}

function clip(text: string, max: number): string {
  return textLength(text) <= max ? text : [...text].slice(0, max).join('');
}

export function repairRecord<R extends object>(table: RecordTable, record: R, now: number): Repaired<R> {
  const r = { ...record } as Row;
  const changes = new Set<RepairCode>();

  for (const [field, name] of Object.entries(RECORD_TEXTS[table]) as [string, keyof typeof FIELDS][]) {
    if (typeof r[field] !== 'string') continue;
    const rule: TextRule = FIELDS[name];
    let text = normalizeText(r[field] as string, rule);
    if (rule.required && isInvisible(text)) {
      text = '…';
      changes.add('textFilled');
    }
    if (text !== r[field]) {
      changes.add('textTidied');
      r[field] = text;
    }
  }
  for (const [field, name] of Object.entries(RECORD_LISTS[table]) as [string, keyof typeof FIELDS][]) {
    const list = r[field];
    if (!Array.isArray(list)) continue;
    const rule: TextRule = FIELDS[name];
    const cleaned = list.map((t) => (typeof t === 'string' ? normalizeText(t, rule) : t));
    let kept = cleaned.filter((t) => typeof t !== 'string' || !isInvisible(t));
    if (kept.length < cleaned.length) changes.add('emptyEntryRemoved');
    if (cleaned.some((t, i) => t !== list[i])) changes.add('textTidied');
    if (kept.length > LIST_MAX) {
      // No entry is dropped: the ones past the limit are joined into the last that fits.
      kept = [...kept.slice(0, LIST_MAX - 1), clip(kept.slice(LIST_MAX - 1).join(' · '), rule.max)];
      changes.add('listJoined');
    }
    // A list the forms never leave empty gets the same "…" a required text does.
    if (kept.length === 0 && REQUIRED_LISTS[table]?.includes(field)) {
      kept = ['…'];
      changes.add('textFilled');
    }
    r[field] = kept;
  }

  const before = { at: r.at, utcOffset: r.utcOffset, day: r.day };
  for (const field of RECORD_INSTANTS[table]) {
    const value = r[field];
    if (value === null || typeof value !== 'number') continue;
    let next = clampInstant(value);
    if (next !== value) changes.add('instantMoved');
    if ((STAMPS as readonly string[]).includes(field) && isFromTheFuture(next, now)) {
      next = clampInstant(now);
      changes.add('futureStamp');
    }
    r[field] = next;
  }
  if (DATED_TABLES.includes(table) && typeof r.utcOffset === 'number') {
    const offset = Math.min(OFFSET_MAX, Math.max(OFFSET_MIN, Math.round(r.utcOffset)));
    if (offset !== r.utcOffset) {
      changes.add('offsetMoved');
      r.utcOffset = offset;
    }
    const at = r.at;
    if (typeof at === 'number' && (at !== before.at || offset !== before.utcOffset)) {
      r.day = dayKeyAtOffset(at, offset, dayStartOf(before as Row));
    }
  }

  if (table === 'contacts' && typeof r.phone === 'string' && r.phone !== '') {
    let dialable = true;
    try {
      const cleaned = cleanPhone(r.phone, { required: false });
      if (cleaned !== r.phone) changes.add('textTidied');
      r.phone = cleaned;
    } catch {
      dialable = false;
    }
    if (!dialable) {
      const note = typeof r.note === 'string' ? r.note : '';
      const moved = normalizeText(r.phone as string);
      // The note's limit leaves room for the longest number an older version kept (40).
      r.note = note === '' ? moved : `${moved}\n${note}`;
      r.phone = '';
      changes.add('phoneMoved');
    }
  }
  return { record: r as R, changes: [...changes] };
}
