// RFC 4180 as spreadsheets and phones write it in practice: cells separated by commas, quoted
// cells may hold commas, quotes ("") and line breaks, lines end in CRLF, LF or CR. A stray quote
// inside an unquoted cell is kept as written, and a quoted cell left open runs to the end of
// the file (it is reported, so the person hears about a file cut short). Small enough to read
// whole; a library (papaparse, ~20 kB) would add streaming this app doesn't need for 50 MiB.

export interface CsvTable {
  rows: string[][];
  /** The line (from 1) each row starts on, for messages. */
  lines: number[];
  /** A quoted cell was still open when the text ended. */
  unclosedQuote: boolean;
}

/** A tokenizer that reads up to a given offset per call, so a long text can be read in slices. */
function tokenizer(text: string) {
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    row.push(cell);
    // A blank line between records is not a record.
    if (!(row.length === 1 && row[0] === '')) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    cell = '';
  };
  return {
    /** Reads on to `limit` (at least); true once the whole text is read. */
    step(limit: number): boolean {
      // Every bit of state lives out here, so a slice may end anywhere, even inside a quoted cell.
      while (i < n && i < limit) {
        const ch = text[i]!;
        if (quoted) {
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            quoted = false;
            i++;
            continue;
          }
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
          cell += ch;
          i++;
          continue;
        }
        if (ch === '"' && cell === '') {
          quoted = true;
          i++;
        } else if (ch === ',') {
          row.push(cell);
          cell = '';
          i++;
        } else if (ch === '\r' || ch === '\n') {
          i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
          endRow();
          line++;
          rowLine = line;
        } else {
          cell += ch;
          i++;
        }
      }
      return i >= n;
    },
    result(): CsvTable {
      const unclosedQuote = quoted;
      if (cell !== '' || row.length > 0 || quoted) endRow();
      return { rows, lines, unclosedQuote };
    },
  };
}

export function readCsv(text: string): CsvTable {
  const t = tokenizer(text);
  t.step(Infinity);
  return t.result();
}

/** readCsv in slices of about `slice` characters, waiting on `pause` between them. */
export async function readCsvInSlices(text: string, pause: () => Promise<void>, progress?: (done: number) => void, slice = 100_000): Promise<CsvTable> {
  const t = tokenizer(text);
  let limit = slice;
  while (!t.step(limit)) {
    progress?.(limit / text.length);
    await pause();
    limit += slice;
  }
  return t.result();
}
