import { useEffect, useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { backupOverdue, oldestRecordAt } from '../../lib/storageStatus';
import { useLiveQuery } from '../ui/hooks';
import { words } from '../i18n';

/**
 * The gentle backup reminder where people actually look (the check-in view), not only in
 * Settings: shown after a month without a backup, with one way to act on it.
 */
export function BackupNudge({ services, onOpen }: { services: AppServices; onOpen: () => void }) {
  const oldest = useLiveQuery(() => oldestRecordAt(services.db), []);
  const [lastBackup, setLastBackup] = useState<number | undefined | null>(null);
  useEffect(() => {
    services.store.lastBackupAt().then(setLastBackup, () => setLastBackup(undefined));
  }, []);
  if (oldest === undefined || lastBackup === null || !backupOverdue(lastBackup, services.clock.now(), oldest)) return null;
  return (
    <div class="nudge-card">
      <p>{words.data.nudge}</p>
      <button type="button" class="secondary" onClick={onOpen}>
        {words.data.nudgeAction}
      </button>
    </div>
  );
}
