import { useEffect, useState } from 'preact/hooks';
import type { KeyValueStore } from '../../lib/kv';
import { celebrateMilestone, milestoneToCelebrate, streakLabel, type StreakSummary } from '../../lib/streaks';
import { t } from '../i18n/strings';

interface Props {
  streak: StreakSummary | undefined;
  store: KeyValueStore;
}

export function StreakCard({ streak, store }: Props) {
  const [celebrated, setCelebrated] = useState<number[] | null>(null);
  useEffect(() => {
    store.milestones().then(setCelebrated, () => setCelebrated(null));
  }, [store]);

  if (!streak) return <p class="streak">{t.loading}</p>;
  const note = streak.checkedInToday
    ? t.streakToday
    : streak.atRisk
      ? t.streakAtRisk
      : streak.current > 0
        ? t.streakDayOff
        : t.streakNone;
  const milestone = celebrated ? milestoneToCelebrate(streak.current, celebrated) : null;

  async function acknowledge(m: number) {
    const next = celebrateMilestone(m, celebrated ?? []);
    setCelebrated(next);
    await store.saveMilestones(next).catch(() => undefined);
  }

  return (
    <div class="streak">
      <p class="streak-count">{streakLabel(streak.current)}</p>
      <p class="streak-note">{note}</p>
      <p class="streak-more">
        {t.streakBest(streak.best)} · {t.streakWeek(streak.thisWeek)} · {t.streakMonth(streak.thisMonth)}
      </p>
      {milestone !== null && (
        <div class="milestone" role="status">
          <p>{t.milestone(milestone)}</p>
          <button type="button" onClick={() => void acknowledge(milestone)}>
            {t.milestoneThanks}
          </button>
        </div>
      )}
    </div>
  );
}
