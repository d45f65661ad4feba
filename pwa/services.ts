import { systemClock } from '../lib/clock';
import { openDatabase } from '../lib/db/schema';
import { createKeyValueStore } from '../lib/kv';
import { createAppServices, type AppServices } from '../lib/services';
import { webAppSync } from './sync';

// The web app's services over the records' database: loaded beside the first screen, not in it
// (pwa/main.tsx, lib/deferredServices.ts), as Dexie alone is 31 kB gzip (issue 13).

export function createWebAppServices(): AppServices {
  const db = openDatabase();
  return createAppServices({
    db,
    store: createKeyValueStore(db),
    clock: systemClock,
    reminders: null,
    sync: webAppSync(db, systemClock),
  });
}
