import type { Streak } from '../lib/streaks';
import { streakLabel } from '../lib/streaks';
import { t } from './strings';

export function StreakCard({ streak }: { streak: Streak | undefined }) {
  if (!streak) return <p class="streak">{t.loading}</p>;
  const note = streak.checkedInToday
    ? t.streakToday
    : streak.atRisk
      ? t.streakAtRisk
      : streak.current > 0
        ? t.streakDayOff
        : t.streakNone;
  return (
    <div class="streak">
      <p class="streak-count">{streakLabel(streak.current)}</p>
      <p class="streak-note">{note}</p>
    </div>
  );
}
