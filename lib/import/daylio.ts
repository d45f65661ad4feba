import { dayNumberFromParts, dayKeyFromNumber, type DayKey } from '../days';
import type { HaltTag } from '../db/schema';
import type { CsvTable } from './csvTable';

// Daylio's CSV export, as it comes in the wild (issue 15): with or without the header row;
// a `full_date` column, or (older exports) a `year` column and a date in the phone's
// language ("7 de octubre", "October 7", "7. Oktober"); 24-hour or "5:01 PM" times; moods
// renamed and more than five; rows a field short. Pure: text in, rows and problems (codes) out.

export interface DaylioRow {
  /** The line (from 1) the row starts on. */
  line: number;
  /** The calendar date the entry was written on. */
  date: DayKey;
  /** Minutes after local midnight, 0–1439. */
  minutes: number;
  /** The mood as the person named it in Daylio, trimmed. */
  mood: string;
  activities: string[];
  /** Daylio's note title ('' when none or when the export has no such column). */
  title: string;
  note: string;
}

export type DaylioProblemCode = 'date' | 'time' | 'mood' | 'short';

export interface DaylioProblem {
  line: number;
  code: DaylioProblemCode;
  /** What the cell said, cut short for a message. */
  value: string;
}

export interface DaylioRead {
  rows: DaylioRow[];
  /** Rows that can't be placed ('date', 'time', 'mood': skipped) or were read with blanks ('short': kept). */
  problems: DaylioProblem[];
  hasHeader: boolean;
  layout: 'full_date' | 'year';
}

const HEADER_NAMES = ['full_date', 'year', 'date', 'weekday', 'time', 'mood', 'activities', 'note_title', 'note'] as const;
type Column = (typeof HEADER_NAMES)[number];

/** Lower case without accents or dots: "Październik." → "pazdziernik". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/[.,]/g, ' ')
    .trim();
}

/** Month names (and genitives) in English, Spanish, German, French, Portuguese and Polish, folded. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'enero', 'januar', 'janner', 'janvier', 'janeiro', 'styczen', 'stycznia'],
  ['february', 'febrero', 'februar', 'feber', 'fevrier', 'fevereiro', 'luty', 'lutego'],
  ['march', 'marzo', 'marz', 'mars', 'marco', 'marzec', 'marca'],
  ['april', 'abril', 'avril', 'kwiecien', 'kwietnia'],
  ['may', 'mayo', 'mai', 'maio', 'maj', 'maja'],
  ['june', 'junio', 'juni', 'juin', 'junho', 'czerwiec', 'czerwca'],
  ['july', 'julio', 'juli', 'juillet', 'julho', 'lipiec', 'lipca'],
  ['august', 'agosto', 'aout', 'sierpien', 'sierpnia'],
  ['september', 'septiembre', 'setiembre', 'septembre', 'setembro', 'wrzesien', 'wrzesnia'],
  ['october', 'octubre', 'oktober', 'octobre', 'outubro', 'pazdziernik', 'pazdziernika'],
  ['november', 'noviembre', 'novembre', 'novembro', 'listopad', 'listopada'],
  ['december', 'diciembre', 'dezember', 'decembre', 'dezembro', 'grudzien', 'grudnia'],
];

/** The month (1–12) a word names: a full name, or a start of three letters or more that only one month has. */
export function monthOf(word: string): number | null {
  const w = fold(word);
  if (w.length < 3) return null;
  let found: number | null = null;
  for (let m = 0; m < 12; m++) {
    const names = MONTH_NAMES[m]!;
    if (names.includes(w)) return m + 1;
    if (names.some((name) => name.startsWith(w))) {
      if (found !== null && found !== m + 1) return null;
      found = m + 1;
    }
  }
  return found;
}

function validDate(year: number, month: number, day: number): DayKey | null {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const key = dayKeyFromNumber(dayNumberFromParts(year, month, day));
  return key === `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` ? key : null;
}

/** "2023-10-07" (also with / or .), as Daylio's full_date column writes it. */
export function parseFullDate(text: string): DayKey | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  return m ? validDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** "7 de octubre", "October 7", "7. Oktober", "7 października", "oct 7" in a given year. */
export function parseLocalDate(text: string, year: number): DayKey | null {
  const words = fold(text).split(/[\s/-]+/).filter((w) => w !== '' && w !== 'de' && w !== 'do');
  let day: number | null = null;
  let month: number | null = null;
  for (const w of words) {
    if (/^\d{1,2}$/.test(w)) {
      if (day !== null) return null;
      day = Number(w);
    } else if (/^\d{1,2}(st|nd|rd|th|er|º|o)$/.test(w)) {
      day = Number(/^\d+/.exec(w)![0]);
    } else {
      const found = monthOf(w);
      if (found === null || month !== null) return null;
      month = found;
    }
  }
  return day !== null && month !== null ? validDate(year, month, day) : null;
}

/** "17:01", "5:01 PM", "5:01 p. m.", "05.01"; minutes after midnight, or null. */
export function parseTime(text: string): number | null {
  const m = /^(\d{1,2})[:.h](\d{2})(?::\d{2})?\s*(?:([ap])\.?\s*m\.?)?$/i.exec(text.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const half = m[3]?.toLowerCase();
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  return hour * 60 + minute;
}

/** Daylio writes activities as "work | friends | good meal". */
export function splitActivities(cell: string): string[] {
  return cell
    .split('|')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/** The HALT tag an activity names, in English or Spanish ("tired", "cansada", "hambre"), or null. */
const HALT_WORDS: Record<HaltTag, readonly string[]> = {
  hungry: ['hungry', 'hunger', 'hambre', 'hambriento', 'hambrienta', 'con hambre'],
  angry: ['angry', 'anger', 'enfadado', 'enfadada', 'enojado', 'enojada', 'enfado', 'enojo', 'ira', 'rabia'],
  lonely: ['lonely', 'loneliness', 'alone', 'solo', 'sola', 'soledad', 'solitario', 'solitaria'],
  tired: ['tired', 'tiredness', 'exhausted', 'cansado', 'cansada', 'cansancio', 'agotado', 'agotada'],
};

export function haltTagOf(activity: string): HaltTag | null {
  const w = fold(activity).replace(/\s+/g, ' ');
  for (const tag of Object.keys(HALT_WORDS) as HaltTag[]) if (HALT_WORDS[tag].includes(w)) return tag;
  return null;
}

/** Daylio's five default moods and their usual translations, folded, placed on Tandem's 1–5. */
const MOOD_DEFAULTS: Record<string, 1 | 2 | 3 | 4 | 5> = {};
const defaults: [1 | 2 | 3 | 4 | 5, string[]][] = [
  [5, ['rad', 'genial', 'radiante', 'excelente', 'super', 'fantastisch', 'genial', 'top', 'incrivel', 'otimo', 'radieux', 'swietnie', 'super']],
  [4, ['good', 'bien', 'bueno', 'gut', 'bon', 'bom', 'bem', 'dobrze', 'dobry']],
  [3, ['meh', 'regular', 'normal', 'mas o menos', 'asi asi', 'so lala', 'geht so', 'ok', 'okay', 'bof', 'moyen', 'mais ou menos', 'neutro', 'tak sobie', 'srednio', 'neutralnie']],
  [2, ['bad', 'mal', 'schlecht', 'mauvais', 'ruim', 'zle', 'kiepsko']],
  [1, ['awful', 'fatal', 'horrible', 'terrible', 'pesimo', 'schrecklich', 'furchtbar', 'miserabel', 'affreux', 'horrivel', 'pessimo', 'terrivel', 'okropnie', 'strasznie', 'fatalnie']],
];
for (const [mood, names] of defaults) for (const name of names) MOOD_DEFAULTS[name] = mood;

/** Where a mood label goes by default, or null when the person has to say. */
export function defaultMood(label: string): 1 | 2 | 3 | 4 | 5 | null {
  return MOOD_DEFAULTS[fold(label).replace(/\s+/g, ' ')] ?? null;
}

/** The header's columns by name, when the first row is Daylio's header. */
function headerColumns(first: readonly string[]): Map<Column, number> | null {
  const names = first.map((c) => c.replace(/^\uFEFF/, '').trim().toLowerCase());
  if (!names.includes('mood') || !(names.includes('full_date') || names.includes('year'))) return null;
  const map = new Map<Column, number>();
  names.forEach((n, i) => {
    if ((HEADER_NAMES as readonly string[]).includes(n) && !map.has(n as Column)) map.set(n as Column, i);
  });
  return map;
}

/** The columns of a file without a header, from what its first row looks like. */
function guessedColumns(first: readonly string[]): Map<Column, number> {
  const year = /^\d{4}$/.test((first[0] ?? '').replace(/^\uFEFF/, '').trim());
  const order: Column[] = [year ? 'year' : 'full_date', 'date', 'weekday', 'time', 'mood', 'activities'];
  // Newer exports carry a note title before the note; older ones only the note.
  order.push(...(first.length >= 8 ? (['note_title', 'note'] as const) : (['note'] as const)));
  return new Map(order.map((c, i) => [c, i]));
}

/** Whether a table looks like Daylio's export (a header naming its columns, or a first row that reads as one). */
export function isDaylio(table: CsvTable): boolean {
  const first = table.rows[0];
  if (!first) return false;
  if (headerColumns(first)) return true;
  const lead = (first[0] ?? '').replace(/^\uFEFF/, '').trim();
  return first.length >= 5 && (parseFullDate(lead) !== null || /^\d{4}$/.test(lead));
}

const short = (text: string) => (text.length > 60 ? `${[...text].slice(0, 60).join('')}…` : text);

/** A reader of a Daylio table's rows, one at a time, into `rows` and `problems`. */
function rowReader(table: CsvTable) {
  const first = table.rows[0] ?? [];
  const header = headerColumns(first);
  const columns = header ?? guessedColumns(first);
  const layout: DaylioRead['layout'] = columns.has('full_date') ? 'full_date' : 'year';
  const width = Math.max(...columns.values()) + 1;
  const out: DaylioRead = { rows: [], problems: [], hasHeader: header !== null, layout };
  const cell = (row: readonly string[], c: Column) => {
    const i = columns.get(c);
    return i === undefined ? '' : (row[i] ?? '');
  };
  function read(r: number) {
    const row = table.rows[r]!;
    const line = table.lines[r] ?? r + 1;
    const cells = r === 0 && row[0] !== undefined ? [row[0].replace(/^\uFEFF/, ''), ...row.slice(1)] : row;
    let date: DayKey | null;
    if (layout === 'full_date') date = parseFullDate(cell(cells, 'full_date'));
    else {
      const year = Number(cell(cells, 'year').trim());
      date = Number.isInteger(year) ? parseLocalDate(cell(cells, 'date'), year) : null;
    }
    if (date === null) {
      out.problems.push({ line, code: 'date', value: short(layout === 'full_date' ? cell(cells, 'full_date') : `${cell(cells, 'date')} ${cell(cells, 'year')}`.trim()) });
      return;
    }
    const minutes = parseTime(cell(cells, 'time'));
    if (minutes === null) {
      out.problems.push({ line, code: 'time', value: short(cell(cells, 'time')) });
      return;
    }
    const mood = cell(cells, 'mood').trim().normalize('NFC');
    if (mood === '') {
      out.problems.push({ line, code: 'mood', value: '' });
      return;
    }
    // A row a field short (an export cut before the note): read what is there, say so.
    if (cells.length < width) out.problems.push({ line, code: 'short', value: '' });
    out.rows.push({
      line,
      date,
      minutes,
      mood,
      activities: splitActivities(cell(cells, 'activities')),
      title: cell(cells, 'note_title'),
      note: cell(cells, 'note'),
    });
  }
  return { from: header ? 1 : 0, read, out };
}

/** Every entry of a Daylio export, oldest first as written, with what could not be read. */
export function readDaylio(table: CsvTable): DaylioRead {
  const reader = rowReader(table);
  for (let r = reader.from; r < table.rows.length; r++) reader.read(r);
  return reader.out;
}

/** readDaylio in slices of rows, waiting on `pause` between them. */
export async function readDaylioInSlices(table: CsvTable, pause: () => Promise<void>, progress?: (done: number) => void, slice = 1000): Promise<DaylioRead> {
  const reader = rowReader(table);
  for (let r = reader.from; r < table.rows.length; r++) {
    if (r > reader.from && (r - reader.from) % slice === 0) {
      progress?.(r / table.rows.length);
      await pause();
    }
    reader.read(r);
  }
  return reader.out;
}

/** Each distinct mood label and how many entries use it, most used first. */
export function moodLabels(rows: readonly DaylioRow[]): { label: string; count: number; suggested: 1 | 2 | 3 | 4 | 5 | null }[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.mood, (counts.get(r.mood) ?? 0) + 1);
  return [...counts]
    .map(([label, count]) => ({ label, count, suggested: defaultMood(label) }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
}
