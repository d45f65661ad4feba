import 'fake-indexeddb/auto';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import type { MirrorDoc } from '../../lib/sync/codec';

// PouchDB in memory for the sync tests: real revision trees, conflicts and replication, no
// network and no disk.

PouchDB.plugin(memory).plugin(replication);

let n = 0;
export function memoryPouch(name = 'mirror'): PouchDB.Database<MirrorDoc> {
  return new PouchDB<MirrorDoc>(`${name}-${++n}`, { adapter: 'memory' });
}
