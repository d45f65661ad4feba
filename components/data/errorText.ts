import { BackupError } from '../../lib/backup/problems';
import { errorText } from '../i18n/errorText';
import { words } from '../i18n';

/** Any error of the data panel in the page's language; a refused file is worded by the data section. */
export function dataErrorText(err: unknown): string {
  if (err instanceof BackupError) return words.data.backupError(err.reason, err.detail);
  return errorText(err);
}
