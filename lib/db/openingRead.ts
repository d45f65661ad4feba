import type { DayKey } from '../days';
import type { StoredSettings } from '../settings';
import { DB_NAME, SCHEMA_VERSION } from './version';

// The popup's streak at open, without waiting for Dexie (31 kB gzip) to download: one read-only
// transaction over the same two things the records' services read for it, the settings row
// (lib/kv.ts settings()) and the per-day aggregates' keys (lib/checkins.ts checkinDays()), in
// plain IndexedDB (issue 13). The live queries take over once Dexie is there. Anything this
// can't be sure of (no database yet, an upgrade still to run, an older version's settings still
// to carry over, check-ins without their aggregates, which the services repair first:
// lib/db/dayStats.ts repairDayStats) gives null, and the page waits for the records' code.

export interface OpeningRecords {
  /** The settings row's value; undefined when there is no row. */
  settingsRow: StoredSettings | undefined;
  /** The days with a live check-in (the dayStats keys), as checkinDays() reads them. */
  checkinDays: DayKey[];
}

/** Dexie opens version n of its schema as IndexedDB version n × 10. */
const IDB_VERSION = SCHEMA_VERSION * 10;

/** The two reads, or null when the database is not there at this code's schema version. */
export function readOpeningRecords(idb: IDBFactory, name: string = DB_NAME): Promise<OpeningRecords | null> {
  return new Promise((done) => {
    let request: IDBOpenDBRequest;
    try {
      request = idb.open(name);
    } catch {
      return done(null);
    }
    // No database yet: none is created here (Dexie creates it, at its schema).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (e) => {
      e.preventDefault();
      done(null);
    };
    request.onblocked = () => done(null);
    request.onsuccess = () => {
      const db = request.result;
      // Never stand in the way of a newer Tandem's upgrade.
      db.onversionchange = () => db.close();
      const stores = ['settings', 'dayStats', 'checkins'];
      if (db.version !== IDB_VERSION || !stores.every((s) => db.objectStoreNames.contains(s))) {
        db.close();
        return done(null);
      }
      try {
        const tx = db.transaction(stores, 'readonly');
        const row = tx.objectStore('settings').get('settings');
        const days = tx.objectStore('dayStats').getAllKeys();
        let unrepaired: IDBRequest<IDBValidKey[]> | null = null;
        days.onsuccess = () => {
          if (days.result.length === 0) unrepaired = tx.objectStore('checkins').getAllKeys(null, 1);
        };
        tx.oncomplete = () => {
          db.close();
          if (unrepaired && unrepaired.result.length > 0) return done(null);
          const value = (row.result as { value?: StoredSettings } | undefined)?.value;
          done({ settingsRow: value, checkinDays: days.result as DayKey[] });
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          done(null);
        };
      } catch {
        db.close();
        done(null);
      }
    };
  });
}
