import { words } from '../i18n';

/** "A new version is ready" with a reload the person chooses; a draft micro-win is kept. */
export function UpdateBanner({ onReload }: { onReload: (() => void) | null }) {
  if (!onReload) return null;
  return (
    <div class="banner" role="status">
      <span>{words.main.updateReady}</span>
      <button type="button" onClick={onReload}>
        {words.main.updateReload}
      </button>
    </div>
  );
}
