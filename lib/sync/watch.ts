import { liveQuery } from 'dexie';
import type { TandemDatabase } from '../db/schema';
import { SYNCED_TABLE_NAMES } from './tableNames';

// Calls `onChange` after any write to a synced table or to the settings, from any page or
// worker of this origin (Dexie's liveQuery sees other contexts' writes too), so every writer
// is covered without each service having to say so. The first reading is not a change.

export function watchSyncedWrites(db: TandemDatabase, onChange: () => void): () => void {
  let first = true;
  const subscription = liveQuery(() =>
    Promise.all([
      ...SYNCED_TABLE_NAMES.map((name) => db.table(name).orderBy('updatedAt').last((r?: { id: string; updatedAt: number }) => (r ? `${r.id}@${r.updatedAt}` : ''))),
      db.settings.get('settings').then((s) => s?.updatedAt ?? 0),
      db.table(SYNCED_TABLE_NAMES[0] ?? 'checkins').count(),
    ]),
  ).subscribe({
    next: () => {
      if (first) first = false;
      else onChange();
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
