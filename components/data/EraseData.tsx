import { useEffect, useState } from 'preact/hooks';
import { dataErrorText } from './errorText';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { words } from '../i18n';

export function EraseData({ services }: { services: AppServices }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [syncOn, setSyncOn] = useState(false);
  const [deleteServer, setDeleteServer] = useState(false);
  useEffect(() => services.sync?.subscribe((view) => setSyncOn(view.on)), [services]);

  async function erase(e: Event) {
    e.preventDefault();
    setStatus(null);
    if (typed.trim() !== words.data.eraseWord) {
      setError(words.data.eraseMismatch);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      // Sync goes off first, so nothing erased here comes back from the server.
      if (syncOn && services.sync) {
        const off = await services.sync.turnOff({ deleteServerCopy: deleteServer });
        if (!off.ok) {
          setError(words.sync.problems[off.problem as keyof typeof words.sync.problems] ?? words.sync.problems.other);
          return;
        }
      }
      await services.backup.erase();
      setTyped('');
      setStatus(words.data.erased);
    } catch (err) {
      setError(dataErrorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="erase-heading" class="data-block erase">
      <h3 id="erase-heading">{words.data.eraseHeading}</h3>
      <p>{words.data.eraseHint}</p>
      <p class="hint">{words.data.eraseCannot}</p>
      {syncOn && (
        <>
          <p>{words.sync.eraseWithSync}</p>
          <label class="check">
            <input type="checkbox" checked={deleteServer} onChange={(e) => setDeleteServer(e.currentTarget.checked)} />
            {words.sync.eraseDeleteServer}
          </label>
        </>
      )}
      <form onSubmit={(e) => void erase(e)}>
        <label for="erase-confirm">{words.data.eraseConfirmLabel}</label>
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
            {words.data.eraseButton}
          </button>
        </div>
      </form>
      <Alert message={error} />
      <Alert message={status} tone="info" />
    </section>
  );
}
