import { MAX_FILE_BYTES } from '../backup/codec';
import { validateBackup, type ReadResult, type RefusedRecord } from '../backup/parse';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../backup/schemas';
import { clampInstant } from '../rules/time';
import { readCsv } from './csvTable';
import { isDaylio, moodLabels, readDaylio, type DaylioRead } from './daylio';
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

/** A backup holding only these check-ins and reflections, checked record by record like a file. */
function asBackup(
  records: { checkins: Record<string, unknown>[]; reflections: Record<string, unknown>[] },
  lines: { checkins: number[]; reflections: number[] },
  now: number,
): ReadResult {
  const json = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: clampInstant(now),
    scope: { kind: 'all', fromDay: null },
    tables: { checkins: records.checkins, reflections: records.reflections, plan: [], values: [], contacts: [], shares: [] },
    settings: null,
  };
  const read = validateBackup(json, now);
  // The preview names a refused row by its line in the file, which is what the person can find.
  read.refused.first = read.refused.first.map((r: RefusedRecord) => ({
    ...r,
    index: (r.table === 'checkins' ? lines.checkins : lines.reflections)[r.index - 1] ?? r.index,
  }));
  return read;
}

/** Reads a chosen spreadsheet file; SheetError says why it can't be. */
export function openSheet(bytes: Uint8Array, now: number): Sheet {
  if (bytes.length === 0) throw new SheetError('empty');
  if (bytes.length > MAX_FILE_BYTES) throw new SheetError('too-large');
  const text = decode(bytes);
  if (text.trim() === '') throw new SheetError('empty');
  const table = readCsv(text);
  if (table.unclosedQuote) throw new SheetError('damaged');
  if (isTandemCsv(table)) {
    const sheet = readTandemCsv(table);
    if (sheet.checkins.length + sheet.reflections.length === 0 && sheet.unknownType.length === 0) throw new SheetError('no-entries');
    return { kind: 'tandem', backup: asBackup(sheet, sheet.lines, now), unknownType: sheet.unknownType };
  }
  if (isOldTandemCsv(table)) throw new SheetError('old-tandem');
  if (!isDaylio(table)) throw new SheetError('unknown');
  const read = readDaylio(table);
  if (read.rows.length === 0 && read.problems.length === 0) throw new SheetError('no-entries');
  return { kind: 'daylio', read, labels: moodLabels(read.rows) };
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
  const made = await daylioCheckins(read.rows, placement, options, work);
  return { backup: asBackup({ checkins: made.checkins, reflections: [] }, { checkins: made.lines, reflections: [] }, options.now), unplaced: made.unplaced };
}
