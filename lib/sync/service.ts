import { liveQuery } from 'dexie';
import type { TandemDatabase } from '../db/schema';
import type { SyncHost } from './host';
import { readConfig, readStatus, type SyncStatus } from './state';
import { watchSyncedWrites } from './watch';

// Sync as pages see it: its state, live from the database, and the actions, run by a host that
// is loaded only when asked for (the web app imports the PouchDB runner then; the extension
// asks its background by message). Nothing here loads PouchDB, so the popup can hold it.

export interface SyncView {
  on: boolean;
  server: string;
  user: string;
  database: string;
  since: number | null;
  status: SyncStatus;
}

export type SyncService = SyncHost & {
  subscribe(listener: (view: SyncView) => void): () => void;
  /** Keeps replication live while the returned function is not called (a page that is open). */
  keepLive(): () => void;
};

export interface SyncServiceDeps {
  db: TandemDatabase;
  loadHost: () => Promise<SyncHost>;
  /** While sync is on, called after this origin wrote a synced record (any page or worker). */
  onLocalWrite: () => void;
  /** Starts live replication; returns how to stop it. */
  keepLive: () => () => void;
}

export function createSyncService({ db, loadHost, onLocalWrite, keepLive }: SyncServiceDeps): SyncService {
  let host: Promise<SyncHost> | null = null;
  const get = () => (host ??= loadHost().catch((err: unknown) => {
    host = null;
    throw err;
  }));
  let stopWatching: (() => void) | null = null;
  // The watcher runs only while sync is on, so a device without sync does no extra work.
  liveQuery(() => readConfig(db)).subscribe({
    next: (config) => {
      if (config && !stopWatching) stopWatching = watchSyncedWrites(db, onLocalWrite);
      if (!config && stopWatching) {
        stopWatching();
        stopWatching = null;
      }
    },
    error: () => undefined,
  });
  return {
    subscribe(listener) {
      const sub = liveQuery(() => Promise.all([readConfig(db), readStatus(db)])).subscribe({
        next: ([config, status]) =>
          listener({
            on: config !== null,
            server: config?.server ?? '',
            user: config?.user ?? '',
            database: config?.database ?? '',
            since: config?.since ?? null,
            status,
          }),
        error: () => undefined,
      });
      return () => sub.unsubscribe();
    },
    keepLive,
    turnOn: async (account) => (await get()).turnOn(account),
    syncNow: async (options) => (await get()).syncNow(options),
    pairingLink: async (passphrase, base) => (await get()).pairingLink(passphrase, base),
    previewJoin: async (payload, passphrase) => (await get()).previewJoin(payload, passphrase),
    join: async (payload, passphrase) => (await get()).join(payload, passphrase),
    turnOff: async (options) => (await get()).turnOff(options),
    removeLostDevice: async (password) => (await get()).removeLostDevice(password),
  };
}
