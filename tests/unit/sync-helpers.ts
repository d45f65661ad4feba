import 'fake-indexeddb/auto';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import type { MirrorDoc } from '../../lib/sync/codec';

// PouchDB in memory for the sync tests: real revision trees, conflicts and replication, no
// network and no disk.

import httpAdapter from 'pouchdb-adapter-http';

// The test server (scripts/sync-server.mjs) adds them to the same PouchDB; twice throws.
const adapters = (PouchDB as unknown as { adapters: Record<string, unknown> }).adapters;
if (!adapters.memory) PouchDB.plugin(memory);
if (!adapters.http) PouchDB.plugin(httpAdapter);
if (!(PouchDB as unknown as { replicate?: unknown }).replicate) PouchDB.plugin(replication);

let n = 0;
export function memoryPouch(name = 'mirror'): PouchDB.Database<MirrorDoc> {
  return new PouchDB<MirrorDoc>(`${name}-${++n}`, { adapter: 'memory' });
}
