import type { AppServices } from '../../lib/services';
import { backupOverdue } from '../../lib/storageStatus';
import { useLive, useLiveQuery } from '../ui/hooks';
import { words } from '../i18n';

/**
 * The gentle backup reminder where people actually look (the check-in view), not only in
 * Settings: shown after a month without a backup, with one way to act on it.
 */
export function BackupNudge({ services, onOpen }: { services: AppServices; onOpen: () => void }) {
  const oldest = useLiveQuery(() => services.storage.oldestRecordAt(), []);
  // Gone as soon as a backup is saved (in Settings, on this page).
  const lastBackup = useLive(services.backup.lastBackupAt);
  if (oldest === undefined || lastBackup === undefined || !backupOverdue(lastBackup ?? undefined, services.clock.now(), oldest)) return null;
  return (
    <div class="nudge-card">
      <p>{words.data.nudge}</p>
      <button type="button" class="secondary" onClick={onOpen}>
        {words.data.nudgeAction}
      </button>
    </div>
  );
}
