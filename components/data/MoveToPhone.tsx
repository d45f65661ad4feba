import { useEffect, useState } from 'preact/hooks';
import { MIN_PASSPHRASE } from '../../lib/backup/files';
import { MAX_LINK_CHARS, MAX_QR_CHARS } from '../../lib/backup/transfer';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { dataErrorText } from './errorText';
import type { DataEnv } from './dataEnv';
import { QrCode } from '../ui/QrCode';
import { words } from '../i18n';
import { NewPassphrase } from './NewPassphrase';

// The whole store as a protected file, or the recent part as a link or QR code to the web app.

function validAddress(text: string): string | null {
  try {
    const url = new URL(text.trim());
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return url.toString();
  } catch {
    // Not a URL at all; said below.
  }
  return null;
}

export function MoveToPhone({ services, env }: { services: AppServices; env: DataEnv }) {
  const [passphrase, setPassphrase] = useState('');
  const [address, setAddress] = useState(env.appAddress ?? '');
  const [link, setLink] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (env.appAddress === null) void services.store.pwaAddress().then((a) => a && setAddress(a), () => undefined);
  }, []);

  async function run(work: () => Promise<void>) {
    setError(null);
    setStatus(null);
    if (passphrase.length < MIN_PASSPHRASE) {
      setError(words.data.passphraseShort(MIN_PASSPHRASE));
      return;
    }
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setError(dataErrorText(err));
    } finally {
      setBusy(false);
    }
  }

  const saveFile = () =>
    run(async () => {
      const { name } = await services.backup.saveTransferFile(passphrase, (file) => env.download(file.name, file.type, file.text));
      setStatus(words.data.backupSaved(name));
    });

  const makeLink = () =>
    run(async () => {
      setLink(null);
      const base = validAddress(address);
      if (!base) {
        setError(words.data.appAddressInvalid);
        return;
      }
      if (env.appAddress === null) await services.store.savePwaAddress(base);
      const made = await services.backup.transferLink(base, passphrase);
      if (made.length > MAX_LINK_CHARS) setError(words.data.linkTooLong);
      else setLink(made);
    });

  async function copy() {
    if (!link) return;
    try {
      await env.copy(link);
      setStatus(words.data.copied);
    } catch {
      setError(words.data.copyFailed);
    }
  }

  return (
    <section aria-labelledby="move-heading" class="data-block">
      <h3 id="move-heading">{words.data.moveHeading}</h3>
      <p class="hint">{words.data.moveHint}</p>
      <NewPassphrase id="move-passphrase" value={passphrase} onInput={setPassphrase} />
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void saveFile()}>
          {words.data.moveFile}
        </button>
      </div>
      {env.appAddress === null && (
        <>
          <label for="move-address">{words.data.appAddressLabel}</label>
          <input
            id="move-address"
            type="url"
            class="wide-input"
            aria-describedby="move-address-hint"
            value={address}
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
          <p id="move-address-hint" class="hint">
            {words.data.appAddressHint}
          </p>
        </>
      )}
      <p class="hint">{words.data.linkScope}</p>
      <div class="row">
        <button type="button" class="secondary" disabled={busy} onClick={() => void makeLink()}>
          {words.data.moveLink}
        </button>
      </div>
      {link && (
        <div class="transfer-link">
          <label for="move-link">{words.data.linkLabel}</label>
          <textarea id="move-link" readOnly rows={3} value={link} aria-describedby="move-link-length" onFocus={(e) => e.currentTarget.select()} />
          <p id="move-link-length" class="hint">
            {words.data.linkLength(link.length)}
          </p>
          <button type="button" class="secondary" onClick={() => void copy()}>
            {words.data.copy}
          </button>
          {link.length <= MAX_QR_CHARS ? <QrCode text={link} label={words.data.qrLabel} tooLong={words.data.qrTooLong} /> : <p class="hint">{words.data.qrTooLong}</p>}
        </div>
      )}
      <Alert message={error} />
      <Alert message={status} tone="info" />
    </section>
  );
}
