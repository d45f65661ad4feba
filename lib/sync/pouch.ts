/// <reference types="pouchdb-core" />
import type { MirrorDoc } from './codec';
import type { MirrorLeaf, MirrorStore } from './mirror';

// The local mirror on PouchDB. Only this file and lib/sync/replicate.ts know PouchDB's API;
// they are loaded only where sync runs (the extension's background, the sync settings, the
// web app once sync is on), never on the popup's path.

type Pouch = PouchDB.Database<MirrorDoc>;

function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { status?: number }).status === 404;
}

export function pouchMirror(db: Pouch): MirrorStore {
  return {
    async changes(since) {
      const ids = new Set<string>();
      let lastSeq: number | string = since;
      // Pages, so ten years of documents never sit in memory twice.
      for (;;) {
        const page = await db.changes({ since: lastSeq, limit: 500 });
        for (const c of page.results) if (!c.id.startsWith('_')) ids.add(c.id);
        lastSeq = page.last_seq;
        if (page.results.length < 500) break;
      }
      return { ids: [...ids], lastSeq };
    },
    async leaves(id) {
      let winner: PouchDB.Core.ExistingDocument<MirrorDoc> & PouchDB.Core.GetMeta;
      try {
        winner = await db.get(id, { conflicts: true });
      } catch (err) {
        if (isNotFound(err)) return [];
        throw err;
      }
      const out: MirrorLeaf[] = [winner as unknown as MirrorLeaf];
      // CouchDB orders conflicts; sort anyway so every device reads them alike.
      for (const rev of [...(winner._conflicts ?? [])].sort()) {
        out.push((await db.get(id, { rev })) as unknown as MirrorLeaf);
      }
      return out;
    },
    async write(docs) {
      const results = await db.bulkDocs(docs as PouchDB.Core.PutDocument<MirrorDoc>[]);
      // A conflict here means replication brought a revision in meanwhile: the changes feed
      // shows it and the next run merges it. Anything else is a real failure.
      const failed = results.find((r) => 'error' in r && r.status !== 409);
      if (failed && 'error' in failed) throw Object.assign(new Error(failed.message ?? 'Mirror write failed.'), { status: failed.status, name: failed.name });
    },
  };
}
