import { useState } from 'preact/hooks';
import { UndoError } from '../../lib/backup/undo';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { useLive } from '../ui/hooks';
import { dataErrorText } from './errorText';
import { fmt, words } from '../i18n';

/**
 * "Undo this import": offered while the last import (a backup, a transfer or a spreadsheet)
 * is still as it left things. The next check-in or edit ends the offer (lib/backup/undo.ts).
 */
export function UndoImport({ services }: { services: AppServices }) {
  const last = useLive(services.backup.lastImport);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function undo() {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      setStatus(words.sheet.undone(await services.backup.undoImport()));
    } catch (err) {
      setError(err instanceof UndoError ? words.sheet.undoErrors[err.reason] : dataErrorText(err));
    } finally {
      setBusy(false);
    }
  }

  if (!last && !status && !error) return null;
  return (
    <section aria-labelledby="undo-import-heading" class="data-block">
      <h3 id="undo-import-heading">{words.sheet.undoHeading}</h3>
      {last && (
        <>
          <p class="hint">
            {words.sheet.undoHint(last.records, fmt.date(last.at, { dateStyle: 'medium', timeStyle: 'short' }, services.clock.timeZone()))}
          </p>
          <div class="row">
            <button type="button" class="secondary" disabled={busy} onClick={() => void undo()}>
              {busy ? words.sheet.undoing : words.sheet.undo}
            </button>
          </div>
        </>
      )}
      <Alert message={error} />
      <Alert message={status} tone="info" />
    </section>
  );
}
