import { useState } from 'preact/hooks';
import { eraseEverything } from '../../lib/backup/store';
import { userMessage } from '../../lib/errors';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { dt } from '../i18n/dataStrings';

export function EraseData({ services, onErased }: { services: AppServices; onErased: () => void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function erase(e: Event) {
    e.preventDefault();
    setStatus(null);
    if (typed.trim() !== dt.eraseWord) {
      setError(dt.eraseMismatch);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await eraseEverything(services.db, services.store);
      void services.reminders?.dataChanged().catch(() => undefined);
      setTyped('');
      setStatus(dt.erased);
      onErased();
    } catch (err) {
      setError(userMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="erase-heading" class="data-block erase">
      <h3 id="erase-heading">{dt.eraseHeading}</h3>
      <p>{dt.eraseHint}</p>
      <p class="hint">{dt.eraseCannot}</p>
      <form onSubmit={(e) => void erase(e)}>
        <label for="erase-confirm">{dt.eraseConfirmLabel}</label>
        <div class="row">
          <input
            id="erase-confirm"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
          <button type="submit" class="danger" disabled={busy}>
            {dt.eraseButton}
          </button>
        </div>
      </form>
      <Alert message={error} />
      <Alert message={status} tone="info" />
    </section>
  );
}
