import type { MirrorDoc } from './codec';

// What the engine needs of the local mirror; PouchDB provides it (lib/sync/pouch.ts), and a
// test can provide it without a network.

export interface MirrorLeaf extends MirrorDoc {
  _rev: string;
}

export interface MirrorStore {
  /** Ids of documents changed since `since` (0: all), and where the feed ended. */
  changes(since: number | string): Promise<{ ids: string[]; lastSeq: number | string }>;
  /** Every live revision of a document, CouchDB's winner first; none when it doesn't exist. */
  leaves(id: string): Promise<MirrorLeaf[]>;
  /** Writes documents (new revisions, deletions of losing ones). */
  write(docs: readonly (MirrorDoc | { _id: string; _rev: string; _deleted: true })[]): Promise<void>;
}
