import { useEffect, useState } from 'preact/hooks';
import { dayKey } from '../../lib/days';
import type { AppServices } from '../../lib/services';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { summarizeStreaks } from '../../lib/streaks';
import { useLiveQuery, useNow } from '../ui/hooks';

/** The live view of the records that every surface shows: today, streak, recent list. */
export function useTandemData(services: AppServices, recentLimit = 30) {
  const { checkins, store, clock } = services;
  const now = useNow(clock);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [settingsVersion, setSettingsVersion] = useState(0);
  const [settingsError, setSettingsError] = useState<{ err: unknown } | null>(null);

  useEffect(() => {
    store.settings().then(setSettings, (err: unknown) => setSettingsError({ err }));
  }, [settingsVersion]);
  if (settingsError) throw settingsError.err;

  const today = dayKey(now, clock.timeZone(), settings.dayStartHour);
  const days = useLiveQuery(() => checkins.checkinDays(), []);
  const todayItems = useLiveQuery(() => checkins.onDay(today), [today]);
  const recent = useLiveQuery(() => checkins.recent(recentLimit), [recentLimit]);
  const lastCheckinAt = useLiveQuery(() => checkins.lastCheckinAt(), []);
  const streak = days && summarizeStreaks({ checkinDays: days, today, workingDays: settings.workingDays });

  return {
    now,
    today,
    settings,
    settingsVersion,
    reloadSettings: () => setSettingsVersion((v) => v + 1),
    todayItems,
    recent,
    streak,
    lastCheckinAt,
  };
}
