// The database's name and newest schema version, apart from the schema module (which brings
// Dexie): the popup's first read (lib/db/openingRead.ts) needs them before Dexie has arrived.

export const DB_NAME = 'tandem';

/** The newest schema version the code declares (lib/db/schema.ts); fixtures exist for every released one. */
export const SCHEMA_VERSION = 7;

/** The small per-device values' own database (lib/kv.ts, idb-keyval), opened at the same start. */
export const VALUES_DB_NAME = 'tandem-settings';
