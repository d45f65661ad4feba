import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { Clock } from '../clock';
import type { TandemDatabase } from '../db/schema';
import { createSyncRunner, type SyncRunner } from './runner';

// PouchDB as browsers run it: the local mirror in IndexedDB, the server over HTTP (fetch).
// Only the extension's background and the web app once sync is asked for import this module;
// the popup never does (tests/unit/sync-bundles.test.ts).

PouchDB.plugin(idb).plugin(http).plugin(replication);

export function createBrowserSyncRunner(db: TandemDatabase, clock: Clock): SyncRunner {
  return createSyncRunner({ db, clock, Pouch: PouchDB, adapter: 'idb' });
}
