import { dayKeyAtOffset } from '../days';
import { CSV_HEADER, LIST_SEPARATOR, uncsvCell, type CsvColumn } from '../backup/csv';
import type { CsvTable } from './csvTable';

// Tandem's own spreadsheet (lib/backup/csv.ts) read back into records, which are then checked
// like a backup's (lib/backup/parse.ts validateBackup), so every field keeps its one rule.
// A spreadsheet holds no versions: the records are stamped with their own time, and the
// import keeps any record this device already has (lib/backup/store.ts keepExisting).

/** Whether a table is Tandem's CSV with the columns that let it come back (id, at, offset, zone). */
export function isTandemCsv(table: CsvTable): boolean {
  const names = (table.rows[0] ?? []).map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
  return names[0] === 'type' && ['id', 'at', 'utc offset', 'time zone', 'mood'].every((n) => names.includes(n));
}

/** Tandem's CSV of an earlier version (no id column): readable, but it can't be told apart from what is here. */
export function isOldTandemCsv(table: CsvTable): boolean {
  const names = (table.rows[0] ?? []).map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
  return names[0] === 'type' && names.includes('local time') && !names.includes('id');
}

export interface TandemSheet {
  checkins: Record<string, unknown>[];
  reflections: Record<string, unknown>[];
  /** The file line of each record, by table, for messages. */
  lines: { checkins: number[]; reflections: number[] };
  /** Rows whose type Tandem doesn't write. */
  unknownType: { line: number; value: string }[];
}

/** The cells of each row as records shaped like a backup's (not yet checked). */
export function readTandemCsv(table: CsvTable): TandemSheet {
  const header = (table.rows[0] ?? []).map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
  const index = new Map<CsvColumn, number>();
  for (const name of CSV_HEADER) {
    const i = header.indexOf(name);
    if (i >= 0) index.set(name, i);
  }
  const out: TandemSheet = { checkins: [], reflections: [], lines: { checkins: [], reflections: [] }, unknownType: [] };
  for (let r = 1; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const line = table.lines[r] ?? r + 1;
    const text = (c: CsvColumn) => {
      const i = index.get(c);
      return i === undefined ? '' : uncsvCell(row[i] ?? '');
    };
    // Numbers stay numbers, anything else stays as written, so the record check names the field.
    const num = (c: CsvColumn) => {
      const t = text(c).trim();
      return t === '' ? null : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
    };
    const list = (c: CsvColumn) => (text(c) === '' ? [] : text(c).split(LIST_SEPARATOR));
    const iso = text('at').trim();
    const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(iso) ? Date.parse(iso) : iso;
    const utcOffset = num('utc offset');
    const day = typeof at === 'number' && typeof utcOffset === 'number' ? dayKeyAtOffset(at, utcOffset, 0) : text('day');
    const base = { id: text('id').trim(), at, day, utcOffset, timeZone: text('time zone'), createdAt: at, updatedAt: at, deletedAt: null };
    const type = text('type').trim();
    if (type === 'check-in') {
      out.checkins.push({ ...base, mood: num('mood'), win: text('micro-win'), note: text('note'), tags: list('pulling (HALT / triggers)') });
      out.lines.checkins.push(line);
    } else if (type === 'near-miss' || type === 'setback') {
      out.reflections.push({
        ...base,
        kind: type,
        triggers: list('pulling (HALT / triggers)'),
        strength: num('strength before'),
        strengthAfter: num('strength after'),
        steps: list('steps used'),
        helped: text('what helped'),
        nextTime: text('next time'),
        moodNow: num('mood'),
        urgeSurfMinutes: num('urge surfing minutes'),
      });
      out.lines.reflections.push(line);
    } else out.unknownType.push({ line, value: type.slice(0, 40) });
  }
  return out;
}
