import { MAX_FILE_BYTES } from '../backup/codec';
import { validateBackup, validateBackupInSlices, type ReadResult, type RefusedRecord } from '../backup/parse';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../backup/schemas';
import { clampInstant } from '../rules/time';
import { readCsv, readCsvInSlices, type CsvTable } from './csvTable';
import { isDaylio, moodLabels, readDaylio, readDaylioInSlices, type DaylioRead } from './daylio';
import { daylioCheckins, type DaylioOptions, type MoodPlacement } from './daylioRecords';
import { isOldTandemCsv, isTandemCsv, readTandemCsv } from './tandemCsv';

// "Import from another app" (issue 15): a spreadsheet file, Daylio's export or Tandem's own
// CSV, turned into a backup that goes through the same checks, preview and merge as a Tandem
// backup file. Nothing here touches storage.

export type SheetProblem = 'empty' | 'too-large' | 'not-text' | 'unknown' | 'old-tandem' | 'damaged' | 'no-entries';

export class SheetError extends Error {
  constructor(readonly reason: SheetProblem) {
    super(`sheet: ${reason}`);
    this.name = 'SheetError';
  }
}

export interface MoodLabel {
  label: string;
  count: number;
  /** Where Daylio's defaults (and their translations) go; null when the person has to say. */
  suggested: 1 | 2 | 3 | 4 | 5 | null;
}

export type Sheet =
  | { kind: 'daylio'; read: DaylioRead; labels: MoodLabel[] }
  /** `backup.refused.first[].index` is the file line of the row. */
  | { kind: 'tandem'; backup: ReadResult; unknownType: { line: number; value: string }[] };

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new SheetError('not-text');
  }
}

type Records = { checkins: Record<string, unknown>[]; reflections: Record<string, unknown>[] };
type Lines = { checkins: number[]; reflections: number[] };

function envelope(records: Records, now: number) {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: clampInstant(now),
    scope: { kind: 'all', fromDay: null },
    tables: { checkins: records.checkins, reflections: records.reflections, plan: [], values: [], contacts: [], shares: [] },
    settings: null,
  };
}

/** The preview names a refused row by its line in the file, which is what the person can find. */
function byLine(read: ReadResult, lines: Lines): ReadResult {
  // The preview names a refused row by its line in the file, which is what the person can find.
  read.refused.first = read.refused.first.map((r: RefusedRecord) => ({
    ...r,
    index: (r.table === 'checkins' ? lines.checkins : lines.reflections)[r.index - 1] ?? r.index,
  }));
  return read;
}

/** A backup holding only these check-ins and reflections, checked record by record like a file. */
function asBackup(records: Records, lines: Lines, now: number): ReadResult {
  return byLine(validateBackup(envelope(records, now), now), lines);
}

function text(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new SheetError('empty');
  if (bytes.length > MAX_FILE_BYTES) throw new SheetError('too-large');
  const decoded = decode(bytes);
  if (decoded.trim() === '') throw new SheetError('empty');
  return decoded;
}

/** What kind of spreadsheet a table is; SheetError when none Tandem reads. */
function kindOf(table: CsvTable): 'tandem' | 'daylio' {
  if (table.unclosedQuote) throw new SheetError('damaged');
  if (isTandemCsv(table)) return 'tandem';
  if (isOldTandemCsv(table)) throw new SheetError('old-tandem');
  if (!isDaylio(table)) throw new SheetError('unknown');
  return 'daylio';
}

function tandemRecords(table: CsvTable) {
  const sheet = readTandemCsv(table);
  if (sheet.checkins.length + sheet.reflections.length === 0 && sheet.unknownType.length === 0) throw new SheetError('no-entries');
  return sheet;
}

function daylioSheet(read: DaylioRead): Sheet {
  if (read.rows.length === 0 && read.problems.length === 0) throw new SheetError('no-entries');
  return { kind: 'daylio', read, labels: moodLabels(read.rows) };
}

/** Reads a chosen spreadsheet file; SheetError says why it can't be. */
export function openSheet(bytes: Uint8Array, now: number): Sheet {
  const table = readCsv(text(bytes));
  if (kindOf(table) === 'tandem') {
    const sheet = tandemRecords(table);
    return { kind: 'tandem', backup: asBackup(sheet, sheet.lines, now), unknownType: sheet.unknownType };
  }
  return daylioSheet(readDaylio(table));
}

/** openSheet in slices, waiting on `pause` between them, so a large file never holds the page. */
export async function openSheetInSlices(bytes: Uint8Array, now: number, pause: () => Promise<void>, progress?: (done: number) => void): Promise<Sheet> {
  const decoded = text(bytes);
  const table = await readCsvInSlices(decoded, pause, (done) => progress?.(done / 2));
  if (kindOf(table) === 'tandem') {
    const sheet = tandemRecords(table);
    const backup = byLine(await validateBackupInSlices(envelope(sheet, now), now, pause), sheet.lines);
    return { kind: 'tandem', backup, unknownType: sheet.unknownType };
  }
  return daylioSheet(await readDaylioInSlices(table, pause, (done) => progress?.(0.5 + done / 2)));
}

export interface DaylioImport {
  backup: ReadResult;
  /** Rows skipped because their mood was not placed, by label. */
  unplaced: Map<string, number>;
}

/** The check-ins a Daylio file gives under the person's placement of its moods, as a checked backup. */
export async function daylioBackup(
  read: DaylioRead,
  placement: MoodPlacement,
  options: DaylioOptions & { now: number },
  work: { pause?: () => Promise<void>; progress?: (done: number) => void } = {},
): Promise<DaylioImport> {
  const made = await daylioCheckins(read.rows, placement, options, { pause: work.pause, progress: (done) => work.progress?.(done / 2) });
  const records = { checkins: made.checkins, reflections: [] };
  const lines = { checkins: made.lines, reflections: [] };
  let checked = 0;
  // Checking every record takes as long as making them: it runs in slices too, when asked.
  const pause = work.pause && (async () => {
    checked += 500;
    work.progress?.(0.5 + Math.min(1, checked / Math.max(1, made.checkins.length)) / 2);
    await work.pause!();
  });
  const read_ = pause ? await validateBackupInSlices(envelope(records, options.now), options.now, pause) : validateBackup(envelope(records, options.now), options.now);
  return { backup: byLine(read_, lines), unplaced: made.unplaced };
}
