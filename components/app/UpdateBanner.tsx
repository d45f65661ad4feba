import { t } from '../i18n/strings';

/** "A new version is ready" with a reload the person chooses; a draft micro-win is kept. */
export function UpdateBanner({ onReload }: { onReload: (() => void) | null }) {
  if (!onReload) return null;
  return (
    <div class="banner" role="status">
      <span>{t.updateReady}</span>
      <button type="button" onClick={onReload}>
        {t.updateReload}
      </button>
    </div>
  );
}
