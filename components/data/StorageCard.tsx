import { useEffect, useState } from 'preact/hooks';
import { dayKey } from '../../lib/days';
import type { AppServices } from '../../lib/services';
import { backupOverdue, type StorageStatus } from '../../lib/storageStatus';
import { Alert } from '../ui/Alert';
import type { DataEnv } from './dataEnv';
import { useLive, useLiveQuery } from '../ui/hooks';
import { fmt, words } from '../i18n';

/** Whether the browser will keep the data, how much it takes, and when the last backup was. */
export function StorageCard({ services, env }: { services: AppServices; env: DataEnv }) {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // Follows every backup saved, and an erase; null: none yet.
  const lastBackup = useLive(services.backup.lastBackupAt);
  // The first record ever written, deleted or not: the history a backup would protect.
  const oldest = useLiveQuery(() => services.storage.oldestRecordAt(), []);
  // Read again after a backup or an erase, when the person looks at the numbers.
  useEffect(() => {
    void services.storage.status().then(setStatus);
  }, [lastBackup, oldest]);

  async function askPersist() {
    const granted = await services.storage.requestPersistence();
    setNote(granted ? null : words.data.persistRefused);
    setStatus(await services.storage.status());
  }

  const now = services.clock.now();
  const zone = services.clock.timeZone();
  const lastBackupText = (at: number) =>
    words.data.lastBackup(
      fmt.relativeDay(dayKey(at, zone, 0), dayKey(now, zone, 0), { today: words.data.today, yesterday: words.data.yesterday }),
      fmt.time(at, zone),
    );
  return (
    <section aria-labelledby="storage-heading" class="data-block">
      <h3 id="storage-heading">{words.data.storageHeading}</h3>
      {status && (
        <>
          <p>
            {env.neverEvicted
              ? words.data.neverEvicted
              : status.persistent === true
                ? words.data.persistentYes
                : status.persistent === false
                  ? words.data.persistentNo
                  : words.data.persistentUnknown}
          </p>
          {!env.neverEvicted && status.persistent === false && (
            <button type="button" class="secondary" onClick={() => void askPersist()}>
              {words.data.askPersist}
            </button>
          )}
          {status.usage !== null && <p>{words.data.usage(status.usage, status.quota)}</p>}
        </>
      )}
      {lastBackup !== undefined && <p>{lastBackup === null ? words.data.noBackup : lastBackupText(lastBackup)}</p>}
      {oldest !== undefined && lastBackup !== undefined && backupOverdue(lastBackup ?? undefined, now, oldest) && (
        <p class="nudge">{words.data.nudge}</p>
      )}
      <Alert message={note} tone="info" />
    </section>
  );
}
