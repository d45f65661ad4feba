/// <reference types="pouchdb-core" />
/// <reference types="pouchdb-replication" />
import type { MirrorDoc } from './codec';
import { reconcile, type ReconcileDeps, type ReconcileReport } from './engine';
import { pouchMirror } from './pouch';

// One sync round: put this device's changes into the local mirror, replicate both ways with
// the server (CouchDB's protocol, PouchDB's replicator), merge what came in, and send the
// merge back if it changed anything (a resolved conflict, a bucket both sides wrote).

export type Pouch = PouchDB.Database<MirrorDoc>;

export interface RoundDeps extends Omit<ReconcileDeps, 'mirror'> {
  local: Pouch;
  remote: Pouch;
}

export interface RoundReport extends ReconcileReport {
  /** Documents replication sent to and brought from the server. */
  docsSent: number;
  docsReceived: number;
}

export async function syncRound(deps: RoundDeps, { full = false }: { full?: boolean } = {}): Promise<RoundReport> {
  const mirror = pouchMirror(deps.local);
  const out = await reconcile({ ...deps, mirror }, { full });
  const result = await deps.local.sync(deps.remote, { batch_size: 50 });
  const merged = await reconcile({ ...deps, mirror });
  let docsSent = result.push?.docs_written ?? 0;
  if (merged.written > 0) docsSent += (await deps.local.replicate.to(deps.remote, { batch_size: 50 })).docs_written;
  return {
    counts: merged.counts,
    sent: out.sent + merged.sent,
    written: out.written + merged.written,
    refused: [...out.refused, ...merged.refused],
    invalid: out.invalid + merged.invalid,
    heldBack: merged.heldBack,
    dayStartChanged: out.dayStartChanged || merged.dayStartChanged,
    mirrorRecords: merged.mirrorRecords,
    docsSent,
    docsReceived: result.pull?.docs_written ?? 0,
  };
}
