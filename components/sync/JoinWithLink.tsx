import { useState } from 'preact/hooks';
import type { JoinPreview } from '../../lib/sync/host';
import { pairingPayload } from '../../lib/sync/pairing';
import type { SyncService } from '../../lib/sync/service';
import { words } from '../i18n';
import { Alert } from '../ui/Alert';
import { PassphraseField } from '../ui/PassphraseField';
import { outcomeText } from './useSync';

/**
 * Join with a pairing link: the link (pasted, or from the address the page opened with) and
 * its passphrase; first what joining changes, like an import's summary, then Join.
 */
export function JoinWithLink({ sync, initialLink = '', onDone }: { sync: SyncService; initialLink?: string; onDone?: () => void }) {
  const [link, setLink] = useState(initialLink);
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<JoinPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const payload = () => pairingPayload(link.includes('#') ? link : `#sync=${link}`);

  async function show(e: Event) {
    e.preventDefault();
    setError(null);
    setStatus(null);
    setPreview(null);
    const p = payload();
    if (!p) {
      setError(words.sync.pairingProblems['not-a-link']);
      return;
    }
    setBusy(true);
    try {
      const outcome = await sync.previewJoin(p, passphrase);
      if (outcome.ok) setPreview(outcome.preview);
      else setError(outcomeText(outcome));
    } finally {
      setBusy(false);
    }
  }

  async function join() {
    const p = payload();
    if (!p) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = await sync.join(p, passphrase);
      if (outcome.ok) {
        setPreview(null);
        setPassphrase('');
        setLink('');
        setStatus(words.sync.joined);
        onDone?.();
      } else setError(outcomeText(outcome));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="data-block" aria-labelledby="sync-join-heading" onSubmit={(e) => void show(e)}>
      <h3 id="sync-join-heading">{words.sync.joinHeading}</h3>
      <p class="hint">{words.sync.joinHint}</p>
      <label for="sync-join-link">{words.sync.joinLinkLabel}</label>
      <textarea id="sync-join-link" rows={2} value={link} spellcheck={false} onInput={(e) => setLink(e.currentTarget.value)} />
      <PassphraseField
        id="sync-join-passphrase"
        label={words.sync.joinPassphraseLabel}
        value={passphrase}
        onInput={setPassphrase}
        showLabel={words.sync.show}
        hideLabel={words.sync.hide}
      />
      <div class="row">
        <button type="submit" class="secondary" disabled={busy}>
          {words.sync.previewButton}
        </button>
      </div>
      {preview && (
        <section aria-labelledby="sync-preview-heading" class="import-summary">
          <p id="sync-preview-heading">{words.sync.previewIntro(preview.records)}</p>
          <p>{words.sync.previewChanges(preview.counts)}</p>
          <p class="hint">{words.sync.previewKeeps}</p>
          <div class="row">
            <button type="button" disabled={busy} onClick={() => void join()}>
              {words.sync.join}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => setPreview(null)}>
              {words.sync.cancel}
            </button>
          </div>
        </section>
      )}
      <Alert message={error} />
      <Alert message={status} tone="info" />
    </form>
  );
}
