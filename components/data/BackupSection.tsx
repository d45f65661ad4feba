import { useState } from 'preact/hooks';
import { MIN_PASSPHRASE } from '../../lib/backup/files';
import type { BackupFile } from '../../lib/backupService';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { dataErrorText } from './errorText';
import type { DataEnv } from './dataEnv';
import { words } from '../i18n';
import { NewPassphrase } from './NewPassphrase';

export function BackupSection({ services, env }: { services: AppServices; env: DataEnv }) {
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function run(work: () => Promise<string>) {
    setError(null);
    setStatus(null);
    setBusy(true);
    try {
      setStatus(await work());
    } catch (err) {
      setError(dataErrorText(err));
    } finally {
      setBusy(false);
    }
  }

  const saveBackup = () => {
    if (encrypt && passphrase.length < MIN_PASSPHRASE) {
      setStatus(null);
      setError(words.data.passphraseShort(MIN_PASSPHRASE));
      return;
    }
    return run(async () => {
      const { name } = await services.backup.saveBackup(encrypt ? passphrase : null, download);
      return words.data.backupSaved(name);
    });
  };

  const download = (file: BackupFile) => env.download(file.name, file.type, file.text);
  const saveCsv = () =>
    run(async () => {
      const file = await services.backup.spreadsheet();
      download(file);
      return words.data.csvSaved(file.name);
    });

  return (
    <section aria-labelledby="backup-heading" class="data-block">
      <h3 id="backup-heading">{words.data.backupHeading}</h3>
      <p class="hint">{words.data.backupHint}</p>
      <label class="check">
        <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.currentTarget.checked)} />
        {words.data.encryptLabel}
      </label>
      {encrypt && (
        <NewPassphrase id="backup-passphrase" value={passphrase} onInput={setPassphrase} />
      )}
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void saveBackup()}>
          {words.data.saveBackup}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => void saveCsv()} aria-describedby="csv-hint">
          {words.data.saveCsv}
        </button>
      </div>
      <p id="csv-hint" class="hint">
        {words.data.csvHint}
      </p>
      <Alert message={error} />
      <Alert message={status} tone="info" />
    </section>
  );
}
