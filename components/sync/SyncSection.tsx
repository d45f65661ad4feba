import { useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import type { SyncService, SyncView } from '../../lib/sync/service';
import { words } from '../i18n';
import { Alert } from '../ui/Alert';
import { PassphraseField } from '../ui/PassphraseField';
import { AddDevice } from './AddDevice';
import { JoinWithLink } from './JoinWithLink';
import { TurnOnSync } from './TurnOnSync';
import { outcomeText, useSyncView } from './useSync';

/** Settings → Sync between devices. */
export function SyncSection({ services, appAddress }: { services: AppServices; appAddress: string | null }) {
  const sync = services.sync;
  if (!sync) return null;
  return <SyncSettings services={services} sync={sync} appAddress={appAddress} />;
}

function SyncSettings({ services, sync, appAddress }: { services: AppServices; sync: SyncService; appAddress: string | null }) {
  const view = useSyncView(sync);
  if (!view) return null;
  return (
    <section aria-labelledby="sync-heading" class="data-panel">
      <h2 id="sync-heading">{words.sync.heading}</h2>
      <p class="hint">{words.sync.intro}</p>
      {view.on ? (
        <>
          <SyncStatusBlock sync={sync} view={view} />
          <AddDevice services={services} sync={sync} appAddress={appAddress} />
          <TurnOff sync={sync} />
          <RemoveLostDevice sync={sync} />
        </>
      ) : (
        <>
          <p>{words.sync.offNote}</p>
          <TurnOnSync sync={sync} />
          <JoinWithLink sync={sync} />
        </>
      )}
    </section>
  );
}

function SyncStatusBlock({ sync, view }: { sync: SyncService; view: SyncView }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const { status } = view;
  const problem = status.problem ? words.sync.problems[status.problem] : null;
  return (
    <div class="data-block" aria-labelledby="sync-status-heading">
      <p id="sync-status-heading">{words.sync.onWith(view.user, view.server)}</p>
      <p role="status">
        {status.running ? words.sync.running : status.lastSyncedAt !== null ? words.sync.lastSynced(status.lastSyncedAt) : words.sync.neverSynced}
      </p>
      {status.running && status.progress && status.progress.total > 0 && (
        <>
          <progress aria-label={words.sync.progressLabel} max={status.progress.total} value={status.progress.done} />
          <p class="hint">{words.sync.progress(status.progress.done, status.progress.total)}</p>
        </>
      )}
      {problem && (
        <div class="alert alert-error" role="alert">
          <p>{problem}</p>
          <p>{words.sync.safeHere}</p>
        </div>
      )}
      <div class="row">
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setNote(null);
            void sync
              .syncNow()
              .then((o) => setNote(o.ok ? words.sync.synced : null))
              .finally(() => setBusy(false));
          }}
        >
          {words.sync.syncNow}
        </button>
      </div>
      <Alert message={note} tone="info" />
    </div>
  );
}

function TurnOff({ sync }: { sync: SyncService }) {
  const [deleteServer, setDeleteServer] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="data-block" aria-labelledby="sync-off-heading">
      <h3 id="sync-off-heading">{words.sync.offHeading}</h3>
      <p class="hint">{words.sync.offHint}</p>
      <label class="check">
        <input type="checkbox" checked={deleteServer} aria-describedby="sync-delete-hint" onChange={(e) => setDeleteServer(e.currentTarget.checked)} />
        {words.sync.deleteServerCopy}
      </label>
      <p id="sync-delete-hint" class="hint">
        {words.sync.deleteServerHint}
      </p>
      <div class="row">
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setError(null);
            void sync
              .turnOff({ deleteServerCopy: deleteServer })
              .then((o) => setError(outcomeText(o)))
              .finally(() => setBusy(false));
          }}
        >
          {words.sync.turnOff}
        </button>
      </div>
      <Alert message={error} />
    </div>
  );
}

function RemoveLostDevice({ sync }: { sync: SyncService }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <form
      class="data-block"
      aria-labelledby="sync-lost-heading"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        setStatus(null);
        if (password.length < 8) {
          setError(words.sync.passphraseTooShort);
          return;
        }
        setBusy(true);
        void sync
          .removeLostDevice(password)
          .then((o) => {
            setError(outcomeText(o));
            if (o.ok) {
              setStatus(words.sync.removed);
              setPassword('');
            }
          })
          .finally(() => setBusy(false));
      }}
    >
      <h3 id="sync-lost-heading">{words.sync.lostHeading}</h3>
      <p class="hint">{words.sync.lostHint}</p>
      <PassphraseField
        id="sync-new-password"
        label={words.sync.newPasswordLabel}
        value={password}
        onInput={setPassword}
        showLabel={words.sync.show}
        hideLabel={words.sync.hide}
        autoComplete="new-password"
      />
      <div class="row">
        <button type="submit" class="secondary" disabled={busy}>
          {words.sync.removeLost}
        </button>
      </div>
      <Alert message={error} />
      <Alert message={status} tone="info" />
    </form>
  );
}
