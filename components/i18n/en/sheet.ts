import type { RefusedRecord } from '../../../lib/backup/parse';
import type { UndoProblem, UndoSummary } from '../../../lib/backup/undo';
import type { DaylioProblem } from '../../../lib/import/daylio';
import type { SheetProblem } from '../../../lib/import/sheet';
import type { Fmt } from '../fmt';
import { factText } from './data';

// "Import from another app" (Daylio's export, Tandem's own CSV) and "Undo this import", in
// Settings → Your data.

export const sheet = (f: Fmt) => {
  const entries = (n: number) => f.plural(n, { one: '# entry', other: '# entries' });
  const s = {
    heading: 'Import from another app',
    hint: 'A CSV file exported from Daylio, or a spreadsheet Tandem saved. You can also drop the file anywhere on this page.',
    /** `zone` is the device's time zone, e.g. "Europe/Madrid". */
    timeZoneHint: (zone: string) =>
      `Daylio doesn’t say where an entry was written, so each time is read as local time in this device’s time zone (${zone}) on that date.`,
    chooseFile: 'Choose a Daylio or Tandem CSV file',
    reading: 'Reading the file…',
    preparing: 'Getting your entries ready…',
    adding: 'Adding to your data…',
    progressLabel: 'Progress',
    placeHeading: 'Place your moods',
    placeHint: 'Daylio lets you name your own moods. Choose where each one goes on Tandem’s scale from 1 (very low) to 5 (very good).',
    /** One mood label of the file and how many entries use it. */
    labelWithCount: (label: string, count: number) => `“${label}” (${entries(count)})`,
    skip: 'Leave these out',
    unplacedNote: (n: number) =>
      f.plural(n, {
        one: '# entry has a mood with no place on the scale yet and will be left out.',
        other: '# entries have a mood with no place on the scale yet and will be left out.',
      }),
    showChanges: 'Show what would change',
    unplacedPreview: (label: string, count: number) => `${entries(count)} with the mood “${label}” are left out, because it has no place on the scale.`,
    problemsCount: (n: number) =>
      f.plural(n, {
        one: '# row of this file can’t be read, so it is left out. Everything else can be added:',
        other: '# rows of this file can’t be read, so they are left out. Everything else can be added:',
      }),
    shortCount: (n: number) =>
      f.plural(n, {
        one: '# row is shorter than the others; it is read with the missing fields left empty.',
        other: '# rows are shorter than the others; they are read with the missing fields left empty.',
      }),
    problem: (p: DaylioProblem) => {
      const where = `Line ${f.number(p.line)}`;
      switch (p.code) {
        case 'date':
          return `${where}: the date “${p.value}” can’t be read.`;
        case 'time':
          return `${where}: the time “${p.value}” can’t be read.`;
        case 'mood':
          return `${where}: there is no mood.`;
        default:
          return `${where}: a field is missing.`;
      }
    },
    more: (n: number) => `…and ${f.number(n)} more.`,
    refusedLine: (r: RefusedRecord) => `Line ${f.number(r.index)}: ${factText(f, r.detail)}.`,
    unknownType: (n: number) =>
      f.plural(n, { one: '# row has a type Tandem doesn’t write and is left out.', other: '# rows have a type Tandem doesn’t write and are left out.' }),
    /** The word put before the Daylio activities kept in a check-in's note. */
    activities: 'Activities',
    errors: {
      empty: 'This file is empty. Nothing was imported and your data is unchanged.',
      'too-large': 'This file is too big to import. Nothing was imported and your data is unchanged.',
      'not-text': 'This file isn’t a CSV text file (or isn’t saved as UTF-8). Export it again from the app. Your data is unchanged.',
      unknown:
        'This isn’t a Daylio export or a Tandem spreadsheet. For a Tandem backup (.json), use “Restore or add from a file” above. Your data is unchanged.',
      'old-tandem':
        'This spreadsheet comes from an older Tandem and can’t be told apart from what is here. Use a backup file instead, or save the spreadsheet again from this version. Your data is unchanged.',
      damaged: 'This file seems cut off: a quoted text never ends. Export it again. Nothing was imported and your data is unchanged.',
      'no-entries': 'This file has no entries to import. Your data is unchanged.',
    } satisfies Record<SheetProblem, string>,

    undoHeading: 'Undo this import',
    undoHint: (records: number, when: string) =>
      `The last import (${when}) wrote ${f.plural(records, { one: '# record', other: '# records' })}. Undoing removes what it added and puts back what it changed.`,
    undo: 'Undo this import',
    undoing: 'Undoing…',
    undone: (u: UndoSummary) =>
      `Undone: ${f.plural(u.removed, { one: '# record removed', other: '# records removed' })}, ${f.plural(u.restored, { one: '# put back', other: '# put back' })}${u.settings ? ', settings put back' : ''}.`,
    undoErrors: {
      nothing: 'There is no import to undo.',
      changedSince: 'Something changed since the import (a new check-in or an edit), so it is part of your history now and can’t be undone as a whole.',
    } satisfies Record<UndoProblem, string>,
  };
  return s;
};
