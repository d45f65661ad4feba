import type { DayKey } from '../days';
import type { StoredSettings } from '../settings';
import type { WellbeingCheck } from './schema';
import { DB_NAME, SCHEMA_VERSION } from './version';

// A page's first screen without waiting for Dexie (31 kB gzip) to download: one read-only
// transaction over what the records' services would read for it, in plain IndexedDB (issue 13).
// The popup reads the settings row (lib/kv.ts settings()) and the per-day aggregates' keys
// (lib/checkins.ts checkinDays()) for its streak; the web app also what decides the notices above
// its check-in (components/app/useHomeNotices.ts). The live queries take over once Dexie is
// there. Anything this can't be sure of (an upgrade still to run, check-ins without their
// aggregates, which the services repair first: lib/db/dayStats.ts repairDayStats) gives null,
// and the page waits for the records' code. No database at all is sure: nothing is stored.

export interface OpeningRecords {
  /** The settings row's value; undefined when there is no row. */
  settingsRow: StoredSettings | undefined;
  /** The days with a live check-in (the dayStats keys), as checkinDays() reads them. */
  checkinDays: DayKey[];
  /** With `home`: what the check-in view's notices are decided from. */
  home?: HomeRecords;
}

export interface HomeRecords {
  /** The latest live check-in's time, as lastCheckinAt() reads it; null when there is none. */
  lastCheckinAt: number | null;
  /** Tables without a single row, deleted or not, so certainly without a live record. */
  empty: { reflections: boolean; plan: boolean; values: boolean; contacts: boolean };
  /** Every wellbeing check as stored (deleted ones too). */
  wellbeing: WellbeingCheck[];
}

/** Dexie opens version n of its schema as IndexedDB version n × 10. */
const IDB_VERSION = SCHEMA_VERSION * 10;

const NOTHING_STORED: OpeningRecords = { settingsRow: undefined, checkinDays: [] };
const NOTHING_AT_HOME: HomeRecords = {
  lastCheckinAt: null,
  empty: { reflections: true, plan: true, values: true, contacts: true },
  wellbeing: [],
};

const POPUP_STORES = ['settings', 'dayStats', 'checkins'];
const HOME_STORES = [...POPUP_STORES, 'reflections', 'plan', 'values', 'contacts', 'wellbeing'];

/**
 * Opens a database that is already there, creating none (Dexie creates it, at its schema):
 * `opened` gets it, to be closed at once when a newer Tandem asks; `missing` says there is no
 * such database; `failed`, that it could not be opened now.
 */
function openExisting(idb: IDBFactory, name: string, { opened, missing, failed }: { opened(db: IDBDatabase): void; missing(): void; failed(): void }): void {
  let request: IDBOpenDBRequest;
  let fresh = false;
  try {
    request = idb.open(name);
  } catch {
    return failed();
  }
  request.onupgradeneeded = (e) => {
    fresh = e.oldVersion === 0;
    request.transaction?.abort();
  };
  request.onerror = (e) => {
    e.preventDefault();
    if (fresh) missing();
    else failed();
  };
  request.onblocked = () => failed();
  request.onsuccess = () => {
    const db = request.result;
    // Never stand in the way of a newer Tandem's upgrade.
    db.onversionchange = () => db.close();
    opened(db);
  };
}

/** The reads, or null when the database is not there at this code's schema version. */
export function readOpeningRecords(idb: IDBFactory, name: string = DB_NAME, { home = false } = {}): Promise<OpeningRecords | null> {
  return new Promise((done) => {
    const read = (db: IDBDatabase) => {
      const stores = home ? HOME_STORES : POPUP_STORES;
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
        const readHome = home ? homeReads(tx) : null;
        tx.oncomplete = () => {
          db.close();
          if (unrepaired && unrepaired.result.length > 0) return done(null);
          const value = (row.result as { value?: StoredSettings } | undefined)?.value;
          done({ settingsRow: value, checkinDays: days.result as DayKey[], ...(readHome ? { home: readHome() } : {}) });
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
    openExisting(idb, name, {
      missing: () => done({ ...NOTHING_STORED, ...(home ? { home: NOTHING_AT_HOME } : {}) }),
      failed: () => done(null),
      opened: read,
    });
  });
}

/** The web app's further reads in the same transaction; the result once it completed. */
function homeReads(tx: IDBTransaction): () => HomeRecords {
  let lastCheckinAt: number | null = null;
  // The newest first by time, skipping deleted ones, as lastCheckinAt() does.
  const cursor = tx.objectStore('checkins').index('at').openCursor(null, 'prev');
  cursor.onsuccess = () => {
    const c = cursor.result;
    if (!c) return;
    const record = c.value as { at: number; deletedAt: number | null };
    if (record.deletedAt === null) lastCheckinAt = record.at;
    else c.continue();
  };
  const one = (store: string) => tx.objectStore(store).getAllKeys(null, 1);
  const rows = { reflections: one('reflections'), plan: one('plan'), values: one('values'), contacts: one('contacts') };
  const wellbeing = tx.objectStore('wellbeing').getAll();
  return () => ({
    lastCheckinAt,
    empty: {
      reflections: rows.reflections.result.length === 0,
      plan: rows.plan.result.length === 0,
      values: rows.values.result.length === 0,
      contacts: rows.contacts.result.length === 0,
    },
    wellbeing: wellbeing.result as WellbeingCheck[],
  });
}

/**
 * Opens the page's databases (without creating any) and holds them a few seconds, from a script
 * that runs before the page's modules (entrypoints/popup-shell.ts): the browser's first opening
 * of a database in a page takes tens of milliseconds, and the first screen's read then finds it
 * done. A newer Tandem's upgrade is never held up: each closes at once when asked to.
 */
export function warmDatabases(idb: IDBFactory, names: readonly string[], holdMs = 3000): void {
  const ignore = () => undefined;
  for (const name of names) openExisting(idb, name, { opened: (db) => setTimeout(() => db.close(), holdMs), missing: ignore, failed: ignore });
}
