import { useEffect, useState } from 'preact/hooks';
import type { KeyValueStore } from '../../lib/kv';
import { celebrateMilestone, milestoneToCelebrate, type StreakSummary } from '../../lib/streaks';
import { words } from '../i18n';

interface Props {
  streak: StreakSummary | undefined;
  store: KeyValueStore;
}

export function StreakCard({ streak, store }: Props) {
  const [celebrated, setCelebrated] = useState<number[] | null>(null);
  useEffect(() => {
    store.milestones().then(setCelebrated, () => setCelebrated(null));
  }, [store]);

  if (!streak) return <p class="streak">{words.main.loading}</p>;
  const note = streak.checkedInToday
    ? words.main.streakToday
    : streak.atRisk
      ? words.main.streakAtRisk
      : streak.current > 0
        ? words.main.streakDayOff
        : words.main.streakNone;
  const milestone = celebrated ? milestoneToCelebrate(streak.current, celebrated) : null;

  async function acknowledge(m: number) {
    const next = celebrateMilestone(m, celebrated ?? []);
    setCelebrated(next);
    await store.saveMilestones(next).catch(() => undefined);
  }

  return (
    <div class="streak">
      <p class="streak-count">{words.main.streakCount(streak.current)}</p>
      <p class="streak-note">{note}</p>
      {/* On day one there is nothing to count yet: no row of zeros, only the invitation above. */}
      {streak.best > 0 && (
        <p class="streak-more">
          {words.main.streakBest(streak.best)} · {words.main.streakWeek(streak.thisWeek)} · {words.main.streakMonth(streak.thisMonth)}
        </p>
      )}
      {milestone !== null && (
        <div class="milestone" role="status">
          <p>{words.main.milestone(milestone)}</p>
          <button type="button" onClick={() => void acknowledge(milestone)}>
            {words.main.milestoneThanks}
          </button>
        </div>
      )}
    </div>
  );
}
