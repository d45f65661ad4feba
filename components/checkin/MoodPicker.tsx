import { MOODS } from '../../lib/checkins';
import type { Mood } from '../../lib/db/schema';
import { fmt, words } from '../i18n';

interface Props {
  onPick: (mood: Mood) => void;
  disabled?: boolean;
  selected?: Mood | null;
}

/**
 * Five real buttons; the accessible name starts with the digit that also picks it. The mood of
 * the check-in just made is pressed (aria-pressed, and a ring that does not rely on colour).
 */
export function MoodPicker({ onPick, disabled, selected }: Props) {
  return (
    <div class="mood-picker" role="group" aria-label={words.main.moodGroup}>
      {MOODS.map((value) => (
        <button
          key={value}
          type="button"
          class={`mood mood-${value}`}
          aria-keyshortcuts={String(value)}
          aria-pressed={selected === value ? 'true' : 'false'}
          disabled={disabled}
          onClick={() => onPick(value)}
        >
          <span class="mood-digit">{fmt.number(value)}</span> <span class="mood-label">{words.main.moods[value]}</span>
        </button>
      ))}
    </div>
  );
}
