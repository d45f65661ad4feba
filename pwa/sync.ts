import type { Clock } from '../lib/clock';
import type { TandemDatabase } from '../lib/db/schema';
import type { ServiceOptions } from '../lib/services';
import type { SyncRunner } from '../lib/sync/runner';
import { readConfig } from '../lib/sync/state';

// The web app runs sync in its own page: PouchDB is loaded only once sync is on (or asked for
// in Settings), replicates live while the app is open, and catches up when it comes back to
// the front. A device without sync never loads it and makes no request.

export function webAppSync(db: TandemDatabase, clock: Clock): NonNullable<ServiceOptions['sync']> {
  let runner: Promise<SyncRunner> | null = null;
  let live = false;
  const load = () =>
    (runner ??= import('../lib/sync/browserRunner').then((m) => {
      const r = m.createBrowserSyncRunner(db, clock);
      if (live) void r.startLive();
      return r;
    }));
  const whenOn = (fn: (r: SyncRunner) => unknown) => void readConfig(db).then((config) => config && load().then(fn)).catch(() => undefined);
  const catchUp = () => {
    if (document.visibilityState === 'visible') whenOn((r) => r.syncNow());
  };
  window.addEventListener('focus', catchUp);
  document.addEventListener('visibilitychange', catchUp);
  window.addEventListener('online', catchUp);
  return {
    loadHost: load,
    onLocalWrite: () => whenOn((r) => r.localChanged()),
    keepLive: () => {
      live = true;
      whenOn((r) => r.startLive());
      return () => {
        live = false;
        void runner?.then((r) => r.stopLive());
      };
    },
  };
}
