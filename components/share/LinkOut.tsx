import { useId, useRef, useState } from 'preact/hooks';
import { Alert } from '../ui/Alert';
import { QrCode } from '../ui/QrCode';
import { words } from '../i18n';

/** A finished reply link: to copy, hand to the system's share sheet, or show as a QR code. */
export function LinkOut({ link, facts }: { link: string; facts: string }) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [qr, setQr] = useState(false);
  const w = words.mentor;
  const canShare = typeof navigator.share === 'function';

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setStatus(w.copied);
    } catch {
      field.current?.select();
      setStatus(document.execCommand?.('copy') ? w.copied : w.copyFailed);
    }
  }

  return (
    <div class="share-result">
      <label for={`${id}-link`}>{w.linkLabel}</label>
      <textarea id={`${id}-link`} ref={field} readOnly rows={4} value={link} onFocus={(e) => e.currentTarget.select()} />
      <p>{facts}</p>
      <div class="row">
        <button type="button" onClick={() => void copy()}>
          {w.copy}
        </button>
        {canShare && (
          <button
            type="button"
            class="secondary"
            // Closing the share sheet rejects too; nothing to tell.
            onClick={() => void navigator.share({ title: words.main.appName, url: link }).catch(() => undefined)}
          >
            {w.shareSheet}
          </button>
        )}
        <button type="button" class="secondary" aria-expanded={qr} onClick={() => setQr(!qr)}>
          {qr ? w.hideQr : w.showQr}
        </button>
      </div>
      <Alert message={status} tone="info" />
      {qr && <QrCode text={link} label={w.qrLabel} tooLong={w.qrTooLong} />}
    </div>
  );
}
