import type { Checkin, Reflection } from '../db/schema';

// A spreadsheet view of check-ins and reflections, for the person and their mentor. Cells a
// spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) are prefixed
// with an apostrophe: a reflection that starts "=HYPERLINK(…)" must stay text (OWASP CSV injection).

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Local date and time as written, e.g. "2026-03-10 14:05", from the record's own offset. */
function localTime(at: number, utcOffset: number): string {
  return new Date(at + utcOffset * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

export const CSV_HEADER = [
  'type',
  'day',
  'local time',
  'mood',
  'micro-win',
  'pulling (HALT / triggers)',
  'strength before',
  'strength after',
  'steps used',
  'what helped',
  'next time',
];

/** One CSV (CRLF lines, UTF-8 with BOM so spreadsheets read accents) of live records, oldest first. */
export function toCsv(checkins: readonly Checkin[], reflections: readonly Reflection[]): string {
  type Row = { at: number; cells: (string | number | null)[] };
  const rows: Row[] = [];
  for (const c of checkins) {
    if (c.deletedAt !== null) continue;
    rows.push({ at: c.at, cells: ['check-in', c.day, localTime(c.at, c.utcOffset), c.mood, c.win, c.tags.join('; '), null, null, null, null, null] });
  }
  for (const r of reflections) {
    if (r.deletedAt !== null) continue;
    rows.push({
      at: r.at,
      cells: [
        r.kind,
        r.day,
        localTime(r.at, r.utcOffset),
        r.moodNow,
        null,
        r.triggers.join('; '),
        r.strength,
        r.strengthAfter,
        r.steps.join('; '),
        r.helped,
        r.nextTime,
      ],
    });
  }
  rows.sort((a, b) => a.at - b.at);
  const lines = [CSV_HEADER.map(csvCell).join(','), ...rows.map((r) => r.cells.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
