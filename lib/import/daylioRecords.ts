import { dayKeyAtOffset, instantAt, utcOffsetMinutes } from '../days';
import type { HaltTag, Mood } from '../db/schema';
import { HALT_TAGS } from '../db/halt';
import { haltTagOf, type DaylioRow } from './daylio';

// Daylio entries as Tandem check-ins. Each entry's time is read as local time of this device's
// time zone on that date (Daylio keeps no zone), so DST is the zone's own. The id comes from
// what the entry says, so the same file imported twice meets itself and changes nothing.

/** Where each Daylio mood label goes on Tandem's 1–5; a label left out skips its rows. */
export type MoodPlacement = ReadonlyMap<string, Mood>;

export interface DaylioOptions {
  timeZone: string;
  dayStartHour: number;
  /** Put before the activities kept in a note, in the person's language (e.g. "Activities"). */
  activitiesLabel: string;
}

/** A 53-bit hash (cyrb53): two with different seeds make an id no two entries share in practice. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The id of an entry: its date, time, mood label, activities and words (the placement is not part of it). */
export function daylioId(row: DaylioRow, occurrence: number): string {
  const key = JSON.stringify([row.date, row.minutes, row.mood, row.activities, row.title, row.note, occurrence]);
  return `daylio-${hash53(key, 1).toString(36)}-${hash53(key, 2).toString(36)}`;
}

/** The note a check-in gets: the title, the note, then the activities that are not HALT tags. */
export function daylioNote(row: DaylioRow, activitiesLabel: string): { note: string; tags: HaltTag[] } {
  const tags = new Set<HaltTag>();
  const others: string[] = [];
  for (const a of row.activities) {
    const tag = haltTagOf(a);
    if (tag) tags.add(tag);
    else others.push(a);
  }
  const parts = [row.title.trim(), row.note.trim()].filter((p) => p !== '');
  if (others.length > 0) parts.push(`${activitiesLabel}: ${others.join(' | ')}`);
  return { note: parts.join('\n\n'), tags: HALT_TAGS.filter((t) => tags.has(t)) };
}

export interface DaylioCheckins {
  /** Check-ins as a backup file would hold them; validated like one before anything is stored. */
  checkins: Record<string, unknown>[];
  /** The file row of each check-in (for messages). */
  lines: number[];
  /** Rows skipped because their mood label was not placed, by label. */
  unplaced: Map<string, number>;
}

/**
 * The check-ins of `rows` under `placement`. Works in slices and waits between them (`pause`),
 * so a large file never holds the page; `progress` hears the share done (0–1).
 */
export async function daylioCheckins(
  rows: readonly DaylioRow[],
  placement: MoodPlacement,
  options: DaylioOptions,
  { pause, progress }: { pause?: () => Promise<void>; progress?: (done: number) => void } = {},
): Promise<DaylioCheckins> {
  const checkins: Record<string, unknown>[] = [];
  const lines: number[] = [];
  const unplaced = new Map<string, number>();
  const seen = new Map<string, number>();
  const SLICE = 500;
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % SLICE === 0) {
      progress?.(i / rows.length);
      await pause?.();
    }
    const row = rows[i]!;
    const mood = placement.get(row.mood);
    if (mood === undefined) {
      unplaced.set(row.mood, (unplaced.get(row.mood) ?? 0) + 1);
      continue;
    }
    const base = daylioId(row, 0);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const at = instantAt(row.date, row.minutes, options.timeZone);
    const utcOffset = utcOffsetMinutes(at, options.timeZone);
    const { note, tags } = daylioNote(row, options.activitiesLabel);
    checkins.push({
      id: occurrence === 0 ? base : daylioId(row, occurrence),
      at,
      day: dayKeyAtOffset(at, utcOffset, options.dayStartHour),
      utcOffset,
      timeZone: options.timeZone,
      mood,
      win: '',
      note,
      tags,
      // Stamped at the entry's own time: the same entry always carries the same version, and a
      // check-in the person has since edited here is newer and stays as they left it.
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    });
    lines.push(row.line);
  }
  progress?.(1);
  return { checkins, lines, unplaced };
}
