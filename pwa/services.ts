import { systemClock } from '../lib/clock';
import { openDatabase } from '../lib/db/schema';
import { createKeyValueStore } from '../lib/kv';
import { createAppServices, type AppServices } from '../lib/services';

// The web app's services over its database: loaded beside the first screen, which renders the
// check-in before this code (and Dexie) is there (lib/deferredServices.ts).
export function createWebAppServices(): AppServices {
  const db = openDatabase();
  return createAppServices({ db, store: createKeyValueStore(db), clock: systemClock, reminders: null });
}
