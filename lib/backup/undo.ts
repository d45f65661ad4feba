import type { Table } from 'dexie';
import { dayKeyAtOffset, type DayKey } from '../days';
import { rebuildAllDayStats, rebuildDayStats } from '../db/dayStats';
import type { ImportUndo, SettingsRow, SyncedRecord, TandemDatabase } from '../db/schema';
import { toStorageError } from '../errors';
import { clampInstant, nextStamp } from '../rules/time';
import { withDefaults } from '../settings';
import { TABLE_NAMES } from './schemas';
import { getInSlices } from './store';

// "Undo this import" (issue 15): the last import's additions are deleted the way a person
// deletes (deletedAt set, updatedAt moved, so the deletion travels like any edit), and what it
// replaced is put back as an edit made now. Only while nothing changed since: a check-in made
// after the import, or an imported record edited, means the import is part of the history now.

/** Why an import can't be undone, as a code the page words. */
export type UndoProblem = 'nothing' | 'changedSince';

export class UndoError extends Error {
  constructor(readonly reason: UndoProblem) {
    super(`undo import: ${reason}`);
    this.name = 'UndoError';
  }
}

export interface UndoSummary {
  /** Records the import added that are now removed. */
  removed: number;
  /** Records the import changed that are back as they were. */
  restored: number;
  /** The settings it replaced are back. */
  settings: boolean;
}

type Dated = SyncedRecord & { at: number; utcOffset: number; day: DayKey };

function allTables(db: TandemDatabase) {
  return [...TABLE_NAMES.map((n) => db.table(n)), db.dayStats, db.settings, db.imports];
}

/** Whether the last import is still as it left things; must run inside a transaction over every table. */
async function stillOpen(db: TandemDatabase, last: ImportUndo | undefined): Promise<boolean> {
  if (!last || last.state !== 'open') return false;
  // Anything else saved since the import (a new check-in, an edit, a deletion): an index range,
  // so the usual answer after a change comes without reading what the import wrote.
  for (const name of TABLE_NAMES) {
    const written = last.written[name] ?? {};
    const since = await db.table<SyncedRecord, string>(name).where('updatedAt').aboveOrEqual(last.at).primaryKeys();
    if (since.some((id) => !Object.hasOwn(written, String(id)))) return false;
  }
  for (const name of TABLE_NAMES) {
    const written = last.written[name] ?? {};
    const ids = Object.keys(written);
    const now = await getInSlices(db.table<SyncedRecord, string>(name), ids);
    if (now.some((r, i) => !r || r.updatedAt !== written[ids[i]!])) return false;
  }
  const settings = await db.settings.get('settings');
  if (last.settingsWritten !== null) return settings?.updatedAt === last.settingsWritten;
  return (settings?.updatedAt ?? 0) < last.at;
}

/** Whether "Undo this import" can be offered now, and what the import wrote. */
export async function undoableImport(db: TandemDatabase): Promise<{ at: number; records: number } | null> {
  try {
    return await db.transaction('r', allTables(db), async () => {
      const last = await db.imports.get('last');
      if (!last || !(await stillOpen(db, last))) return null;
      const records = Object.values(last.written).reduce((n, w) => n + Object.keys(w ?? {}).length, 0);
      return { at: last.at, records };
    });
  } catch (err) {
    throw toStorageError(err);
  }
}

/** Takes the last import back, in one transaction; UndoError when there is none or it is part of the history now. */
export async function undoImport(db: TandemDatabase, clockNow: number): Promise<UndoSummary> {
  const now = clampInstant(clockNow);
  let result: UndoSummary;
  try {
    result = await db.transaction('rw', allTables(db), async () => {
      const last = await db.imports.get('last');
      if (!last || last.state !== 'open') throw new UndoError('nothing');
      if (!(await stillOpen(db, last))) throw new UndoError('changedSince');
      const summary: UndoSummary = { removed: 0, restored: 0, settings: false };
      const hourNow = withDefaults((await db.settings.get('settings'))?.value).dayStartHour;
      let hour = hourNow;
      if (last.settingsWritten !== null) {
        const before: SettingsRow = last.settingsBefore ?? { key: 'settings', value: withDefaults(undefined), updatedAt: 0 };
        await db.settings.put({ ...before, updatedAt: nextStamp(now, last.settingsWritten) });
        hour = withDefaults(before.value).dayStartHour;
        summary.settings = true;
      }
      const stamps: ImportUndo['written'] = {};
      const days = new Set<DayKey>();
      for (const name of TABLE_NAMES) {
        const table = db.table<SyncedRecord, string>(name);
        const written = last.written[name] ?? {};
        const out: Record<string, number> = {};
        const puts: SyncedRecord[] = [];
        const added = last.added[name] ?? [];
        for (const current of await getInSlices(table, added)) {
          if (!current) continue;
          if (current.deletedAt !== null) {
            // The import added a deletion: there is nothing to remove, and nothing to bring back.
            continue;
          }
          puts.push({ ...current, deletedAt: now, updatedAt: nextStamp(now, current.updatedAt) });
          summary.removed++;
        }
        for (const before of last.replaced[name] ?? []) {
          puts.push({ ...before, updatedAt: nextStamp(now, written[before.id]) });
          summary.restored++;
        }
        if (name === 'checkins' || name === 'reflections') {
          for (const r of puts as Dated[]) r.day = dayKeyAtOffset(r.at, r.utcOffset, hour);
        }
        if (name === 'checkins') {
          for (const r of puts as Dated[]) days.add(r.day);
          const after = await getInSlices(table, Object.keys(written));
          for (const r of after as (Dated | undefined)[]) if (r) days.add(r.day);
        }
        for (let i = 0; i < puts.length; i += 500) await table.bulkPut(puts.slice(i, i + 500));
        for (const r of puts) out[r.id] = r.updatedAt;
        if (puts.length > 0) stamps[name] = out;
      }
      if (hour !== hourNow) {
        // The import's settings had moved every record to another day-start hour: move them back.
        for (const table of [db.checkins, db.reflections] as unknown as Table<Dated, string>[]) {
          await table.toCollection().modify((r) => {
            r.day = dayKeyAtOffset(r.at, r.utcOffset, hour);
          });
        }
        await rebuildAllDayStats(db.checkins, db.dayStats);
      } else await rebuildDayStats(db, days);
      await db.imports.put({ ...last, state: 'undone', written: stamps, replaced: {}, added: {}, settingsWritten: null });
      return summary;
    });
  } catch (err) {
    if (err instanceof UndoError) throw err;
    throw toStorageError(err);
  }
  return result;
}
