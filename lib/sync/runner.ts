/// <reference types="pouchdb-core" />
/// <reference types="pouchdb-replication" />
import type { Clock } from '../clock';
import type { TandemDatabase } from '../db/schema';
import type { MirrorDoc } from './codec';
import { reconcile, resetProgress } from './engine';
import type { JoinPreview, SyncHost, SyncOutcome } from './host';
import { deriveSyncKeys, newSyncKey, type SyncKeys } from './keys';
import { makePairingFragment, openPairing, PairingError, type PairingContents, type PairingProblem, type SyncAccount } from './pairing';
import { pouchMirror } from './pouch';
import { checkRemote, classifySyncError, type SyncProblem } from './problems';
import { syncRound, type Pouch } from './replicate';
import { clearSyncState, readConfig, saveConfig, writeStatus, type SyncConfig } from './state';

// Runs sync for one device: the only module that opens PouchDB databases. The web app runs it
// in its page; the extension in its background (entrypoints/background.ts), where pages reach
// it by message. One round at a time: a request during a round runs once more after it.

export type PouchStatic = PouchDB.Static;

export interface SyncRunnerDeps {
  db: TandemDatabase;
  clock: Clock;
  Pouch: PouchStatic;
  /** The local mirror's PouchDB adapter: 'idb' in browsers, 'memory' in tests. */
  adapter: string;
  /** The local mirror's name (one per Tandem database). */
  mirrorName?: string;
}

export type SyncRunner = SyncHost & {
  /** Replicates continuously while the page is open (the web app, an extension page). */
  startLive(): Promise<void>;
  stopLive(): void;
  /** This device wrote records: merge them into the mirror soon (live) or run a round. */
  localChanged(): void;
};

const LOCAL_DEBOUNCE_MS = 1500;

export function createSyncRunner(deps: SyncRunnerDeps): SyncRunner {
  const { db, clock, Pouch } = deps;
  const mirrorName = deps.mirrorName ?? 'tandem-mirror';
  const local = (): Pouch => new Pouch<MirrorDoc>(mirrorName, { adapter: deps.adapter });
  const remoteOf = (a: SyncAccount): Pouch =>
    new Pouch<MirrorDoc>(`${a.server}/${encodeURIComponent(a.database)}`, { skip_setup: true, auth: { username: a.user, password: a.password } });
  let running: Promise<SyncOutcome> | null = null;
  let again = false;
  let live: PouchDB.Replication.Sync<MirrorDoc> | null = null;
  let liveKeys: SyncKeys | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Rounds and live merges never overlap: both read and write the mirror and the records.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = chain.then(fn, fn);
    chain = p.catch(() => undefined);
    return p;
  };
  let mergeQueued = false;
  /** A page is open and wants changes as they happen; also after sync is turned on there. */
  let wantLive = false;

  const progress = (() => {
    let last = 0;
    return (done: number, total: number) => {
      const t = Date.now();
      if (t - last < 250 && done < total) return;
      last = t;
      void writeStatus(db, { progress: { done, total } }).catch(() => undefined);
    };
  })();

  async function round(config: SyncConfig, full: boolean): Promise<SyncOutcome> {
        await writeStatus(db, { running: true, progress: null });
    const remote = remoteOf(config);
    try {
      const problem = await checkRemote(remote);
      if (problem) {
        await writeStatus(db, { running: false, problem, progress: null });
        return { ok: false, problem };
      }
      const report = await syncRound({ db, local: local(), remote, keys: await deriveSyncKeys(config.key), now: () => clock.now(), onProgress: progress }, { full });
      const refusedNewer = report.refused.some((r) => r.reason === 'newer-format');
      const problem2: SyncProblem | null = refusedNewer ? 'newer-format' : report.refused.length > 0 ? 'refused-documents' : null;
      await writeStatus(db, { running: false, problem: problem2, lastSyncedAt: clock.now(), progress: null, refused: report.refused.length });
      return { ok: true };
    } catch (err) {
      const problem = classifySyncError(err);
      await writeStatus(db, { running: false, problem, progress: null });
      return { ok: false, problem };
    }
  }

  async function syncNow({ full = false }: { full?: boolean } = {}): Promise<SyncOutcome> {
    if (running) {
      again = true;
      return running;
    }
    const config = await readConfig(db);
    if (!config) return { ok: true };
    running = serial(() => round(config, full)).finally(() => {
      running = null;
      if (again) {
        again = false;
        void syncNow();
      }
    });
    return running;
  }

  async function mergeLive() {
    if (!liveKeys || mergeQueued) return;
    mergeQueued = true;
    await serial(mergeOnce);
  }

  async function mergeOnce() {
    mergeQueued = false;
    if (!liveKeys) return;
    try {
      const report = await reconcile({ db, mirror: pouchMirror(local()), keys: liveKeys, now: () => clock.now() });
      await writeStatus(db, { lastSyncedAt: clock.now(), problem: null, refused: report.refused.length });
    } catch (err) {
      await writeStatus(db, { problem: classifySyncError(err) });
    }
  }

  function stopLive() {
    live?.cancel();
    live = null;
    liveKeys = null;
  }

  function liveAfter(outcome: SyncOutcome): SyncOutcome {
    if (outcome.ok && wantLive) void runner.startLive();
    return outcome;
  }

  async function remoteDeleteAll(remote: Pouch): Promise<void> {
    const all = await remote.allDocs();
    const docs = all.rows.filter((r) => !r.id.startsWith('_')).map((r) => ({ _id: r.id, _rev: r.value.rev, _deleted: true }));
    if (docs.length > 0) await remote.bulkDocs(docs as PouchDB.Core.PutDocument<MirrorDoc>[]);
  }

  async function pull(contents: SyncConfig, mirror: Pouch): Promise<SyncOutcome<{ keys: SyncKeys }>> {
    const remote = remoteOf(contents);
    const problem = await checkRemote(remote);
    if (problem) return { ok: false, problem };
    try {
      await mirror.replicate.from(remote, { batch_size: 50 });
    } catch (err) {
      return { ok: false, problem: classifySyncError(err) };
    }
    return { ok: true, keys: await deriveSyncKeys(contents.key) };
  }

  const runner: SyncRunner = {
    async turnOn(account) {
      const problem = await checkRemote(remoteOf(account));
      if (problem) return { ok: false, problem };
      await local().destroy();
      await resetProgress(db);
      await saveConfig(db, { ...account, key: newSyncKey(), since: clock.now() });
      return liveAfter(await syncNow({ full: true }));
    },
    syncNow,
    async pairingLink(passphrase, base) {
      const config = await readConfig(db);
      if (!config) return { ok: false, problem: 'other' };
      const { fragment, expiresAt } = await makePairingFragment(
        { server: config.server, database: config.database, user: config.user, password: config.password, key: config.key },
        passphrase,
        clock.now(),
      );
      return { ok: true, link: `${base.replace(/#.*$/, '')}${fragment}`, expiresAt };
    },
    async previewJoin(payload, passphrase) {
      const opened = await openOrProblem(payload, passphrase, clock.now());
      if (!opened.ok) return opened;
      const { contents } = opened;
      // A mirror of its own, so a preview never mixes another group's documents into this one's.
      const scratch = new Pouch<MirrorDoc>(`${mirrorName}-preview`, { adapter: deps.adapter });
      try {
        const pulled = await pull({ ...contents, since: clock.now() }, scratch);
        if (!pulled.ok) return pulled;
        const report = await reconcile({ db, mirror: pouchMirror(scratch), keys: pulled.keys, now: () => clock.now() }, { full: true, dryRun: true });
        const preview: JoinPreview = { counts: report.counts, records: report.mirrorRecords };
        return { ok: true, preview };
      } finally {
        await scratch.destroy().catch(() => undefined);
      }
    },
    async join(payload, passphrase) {
      const opened = await openOrProblem(payload, passphrase, clock.now());
      if (!opened.ok) return opened;
      const { contents } = opened;
      const problem = await checkRemote(remoteOf(contents));
      if (problem) return { ok: false, problem };
      const previous = await readConfig(db);
      if (previous && previous.key !== contents.key) {
        stopLive();
        await local().destroy();
      }
      await resetProgress(db);
      await saveConfig(db, { ...contents, since: clock.now() });
      return liveAfter(await syncNow({ full: true }));
    },
    async turnOff({ deleteServerCopy }) {
      const config = await readConfig(db);
      stopLive();
      if (timer) clearTimeout(timer);
      if (config && deleteServerCopy) {
        try {
          await remoteDeleteAll(remoteOf(config));
        } catch (err) {
          return { ok: false, problem: classifySyncError(err) };
        }
      }
      await local().destroy();
      await clearSyncState(db);
      return { ok: true };
    },
    async removeLostDevice(newPassword) {
      const config = await readConfig(db);
      if (!config) return { ok: false, problem: 'other' };
      try {
        await changePassword(config, newPassword);
        const next: SyncConfig = { ...config, password: newPassword, key: newSyncKey() };
        // The lost device's key opens nothing new: everything is sealed again under the new key.
        await remoteDeleteAll(remoteOf(next));
        stopLive();
        await local().destroy();
        await resetProgress(db);
        await saveConfig(db, next);
      } catch (err) {
        return { ok: false, problem: classifySyncError(err) };
      }
      return liveAfter(await syncNow({ full: true }));
    },
    async startLive() {
      wantLive = true;
      const config = await readConfig(db);
      if (!config || live) return;
      await syncNow();
      liveKeys = await deriveSyncKeys(config.key);
      live = local().sync(remoteOf(config), { live: true, retry: true, batch_size: 50 });
      live.on('change', (info) => {
        if (info.direction === 'pull') void mergeLive();
      });
      live.on('error', (err) => void writeStatus(db, { problem: classifySyncError(err) }));
    },
    stopLive() {
      wantLive = false;
      stopLive();
    },
    localChanged() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void (live ? mergeLive() : syncNow());
      }, LOCAL_DEBOUNCE_MS);
    },
  };
  return runner;
}

/**
 * Changes the account's password the way CouchDB lets a user change their own: rewriting
 * their document in _users with a new `password` (the server hashes it).
 */
/** A pairing link's contents, or the problem to show when it does not open (wrong passphrase, expired, damaged). */
async function openOrProblem(
  payload: string,
  passphrase: string,
  now: number,
): Promise<{ ok: true; contents: PairingContents } | { ok: false; problem: PairingProblem }> {
  try {
    return { ok: true, contents: await openPairing(payload, passphrase, now) };
  } catch (err) {
    if (err instanceof PairingError) return { ok: false, problem: err.code };
    throw err;
  }
}

async function changePassword(account: SyncAccount, password: string): Promise<void> {
  const url = `${account.server}/_users/${encodeURIComponent(`org.couchdb.user:${account.user}`)}`;
  const headers = { Authorization: `Basic ${btoa(unescape(encodeURIComponent(`${account.user}:${account.password}`)))}`, 'Content-Type': 'application/json' };
  const got = await fetch(url, { headers });
  if (!got.ok) throw Object.assign(new Error('Could not read the account.'), { status: got.status });
  const doc = (await got.json()) as Record<string, unknown>;
  const put = await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ ...doc, password }) });
  if (!put.ok) throw Object.assign(new Error('Could not change the password.'), { status: put.status });
}
