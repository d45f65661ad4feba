import type { Checkin, Reflection } from '../db/schema';

// A spreadsheet view of check-ins and reflections, for the person and their mentor, that also
// imports back (lib/import/tandemCsv.ts): the last columns carry each record's id, its instant
// (ISO 8601, UTC), UTC offset and time zone, so a round trip is exact and a second import meets
// the records it already added. Cells a spreadsheet would run as a formula (=, +, -, @, tab,
// carriage return first, after any apostrophes) get one more apostrophe in front: a reflection
// that starts "=HYPERLINK(…)" must stay text (OWASP CSV injection); the reader takes it off.

const FORMULA_START = /^'*[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell as written before csvCell guarded it. */
export function uncsvCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Local date and time as written, e.g. "2026-03-10 14:05", from the record's own offset. */
function localTime(at: number, utcOffset: number): string {
  return new Date(at + utcOffset * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Entries of a list field (HALT words, triggers, steps): single-line texts, so a line break parts them. */
export const LIST_SEPARATOR = '\n';

export const CSV_HEADER = [
  'type',
  'day',
  'local time',
  'mood',
  'micro-win',
  'note',
  'pulling (HALT / triggers)',
  'strength before',
  'strength after',
  'steps used',
  'what helped',
  'next time',
  'urge surfing minutes',
  'id',
  'at',
  'utc offset',
  'time zone',
] as const;

export type CsvColumn = (typeof CSV_HEADER)[number];

/** One CSV (CRLF lines, UTF-8 with BOM so spreadsheets read accents) of live records, oldest first. */
export function toCsv(checkins: readonly Checkin[], reflections: readonly Reflection[]): string {
  type Row = { at: number; cells: Partial<Record<CsvColumn, string | number | null>> };
  const rows: Row[] = [];
  const stamp = (r: Checkin | Reflection) => ({
    day: r.day,
    'local time': localTime(r.at, r.utcOffset),
    id: r.id,
    at: new Date(r.at).toISOString(),
    'utc offset': r.utcOffset,
    'time zone': r.timeZone,
  });
  for (const c of checkins) {
    if (c.deletedAt !== null) continue;
    rows.push({
      at: c.at,
      cells: { type: 'check-in', ...stamp(c), mood: c.mood, 'micro-win': c.win, note: c.note ?? '', 'pulling (HALT / triggers)': c.tags.join(LIST_SEPARATOR) },
    });
  }
  for (const r of reflections) {
    if (r.deletedAt !== null) continue;
    rows.push({
      at: r.at,
      cells: {
        type: r.kind,
        ...stamp(r),
        mood: r.moodNow,
        'pulling (HALT / triggers)': r.triggers.join(LIST_SEPARATOR),
        'strength before': r.strength,
        'strength after': r.strengthAfter,
        'steps used': r.steps.join(LIST_SEPARATOR),
        'what helped': r.helped,
        'next time': r.nextTime,
        'urge surfing minutes': r.urgeSurfMinutes,
      },
    });
  }
  rows.sort((a, b) => a.at - b.at || (a.cells.id! < b.cells.id! ? -1 : 1));
  const lines = [CSV_HEADER.map(csvCell).join(','), ...rows.map((r) => CSV_HEADER.map((h) => csvCell(r.cells[h] ?? null)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
