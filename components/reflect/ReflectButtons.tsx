import type { ReflectionKind } from '../../lib/db/schema';
import { words } from '../i18n';

/** The two ways into a reflection, as they appear in the popup and on the dashboard. */
export function ReflectButtons({ onPick }: { onPick: (kind: ReflectionKind) => void }) {
  return (
    <div class="reflect-buttons">
      <button type="button" class="secondary" onClick={() => onPick('near-miss')}>
        {words.main.nearMissButton}
      </button>
      <button type="button" class="secondary" onClick={() => onPick('setback')}>
        {words.main.setbackButton}
      </button>
    </div>
  );
}
