// The names of the tables that sync, apart from their schemas so that pages can watch them
// without loading the validation code (lib/sync/tables.ts adds the rest, and a test checks the
// two lists agree).
export const SYNCED_TABLE_NAMES = ['checkins', 'reflections', 'plan', 'values', 'contacts', 'shares', 'replies', 'wellbeing'] as const;
