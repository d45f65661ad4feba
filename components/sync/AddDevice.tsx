import { useEffect, useState } from 'preact/hooks';
import { appUrlFor, validAppAddress } from '../../lib/share/appUrl';
import type { AppServices } from '../../lib/services';
import type { SyncService } from '../../lib/sync/service';
import { words } from '../i18n';
import { Alert } from '../ui/Alert';
import { PassphraseField } from '../ui/PassphraseField';
import { QrCode } from '../ui/QrCode';
import { outcomeText } from './useSync';

const MIN_PASSPHRASE = 8;

/**
 * Add a device: a pairing link (and its QR code) for the other device, sealed with a pairing
 * passphrase typed there. In the extension the link opens the web app, whose address is asked.
 */
export function AddDevice({ services, sync, appAddress }: { services: AppServices; sync: SyncService; appAddress: string | null }) {
  const [passphrase, setPassphrase] = useState('');
  const [address, setAddress] = useState('');
  const [link, setLink] = useState<{ link: string; expiresAt: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (appAddress !== null) return;
    void services.store.pwaAddress().then((saved) => setAddress(saved ?? appUrlFor(undefined)));
  }, [appAddress]);

  async function make(e: Event) {
    e.preventDefault();
    setError(null);
    setStatus(null);
    setLink(null);
    if (passphrase.length < MIN_PASSPHRASE) {
      setError(words.sync.passphraseTooShort);
      return;
    }
    const base = appAddress ?? validAppAddress(address);
    if (!base) {
      setError(words.sync.appAddressInvalid);
      return;
    }
    setBusy(true);
    try {
      if (appAddress === null) await services.store.savePwaAddress(base);
      const made = await sync.pairingLink(passphrase, base);
      if (made.ok) setLink({ link: made.link, expiresAt: made.expiresAt });
      else setError(outcomeText(made));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.link);
      setStatus(words.sync.copied);
    } catch {
      setError(words.sync.copyFailed);
    }
  }

  return (
    <form class="data-block" aria-labelledby="sync-add-heading" onSubmit={(e) => void make(e)}>
      <h3 id="sync-add-heading">{words.sync.addHeading}</h3>
      <p class="hint">{words.sync.addHint}</p>
      <PassphraseField
        id="sync-pairing-passphrase"
        label={words.sync.pairingPassphraseLabel}
        hint={words.sync.pairingPassphraseHint}
        value={passphrase}
        onInput={setPassphrase}
        showLabel={words.sync.show}
        hideLabel={words.sync.hide}
        autoComplete="new-password"
      />
      {appAddress === null && (
        <>
          <label for="sync-app-address">{words.sync.appAddressLabel}</label>
          <input id="sync-app-address" type="url" class="wide-input" aria-describedby="sync-app-address-hint" value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
          <p id="sync-app-address-hint" class="hint">
            {words.sync.appAddressHint}
          </p>
        </>
      )}
      <div class="row">
        <button type="submit" class="secondary" disabled={busy}>
          {words.sync.makeLink}
        </button>
      </div>
      {link && (
        <div class="transfer-link">
          <label for="sync-link">{words.sync.linkLabel}</label>
          <textarea id="sync-link" readOnly rows={3} value={link.link} aria-describedby="sync-link-until" onFocus={(e) => e.currentTarget.select()} />
          <p id="sync-link-until" class="hint">
            {words.sync.linkUntil(link.expiresAt)}
          </p>
          <button type="button" class="secondary" onClick={() => void copy()}>
            {words.sync.copy}
          </button>
          <QrCode text={link.link} label={words.sync.qrLabel} tooLong={words.sync.qrTooLong} />
        </div>
      )}
      <Alert message={error} />
      <Alert message={status} tone="info" />
    </form>
  );
}
