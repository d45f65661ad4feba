import { dayKey, type DayKey } from '../../lib/days';
import type { Checkin } from '../../lib/db/schema';
import type { AppServices } from '../../lib/services';
import { reminderDays, type Settings } from '../../lib/settings';
import { summarizeStreaks, type StreakSummary } from '../../lib/streaks';
import type { Live } from '../../lib/liveService';
import type { Opening } from '../../lib/opening';
import { useLive, useLiveQuery, useNow, useSettings } from '../ui/hooks';

export interface TandemData {
  now: number;
  /** Today as the person's own day-start hour says (never a default's). */
  today: DayKey;
  settings: Settings;
  todayItems: Checkin[] | undefined;
  recent: Checkin[] | undefined;
  streak: StreakSummary | undefined;
  lastCheckinAt: number | null | undefined;
}

/** Where a page read nothing as it opened. */
const NO_OPENING: Live<Opening | null> = { current: () => null, subscribe: () => () => undefined };

/**
 * The live view of the records that every surface shows: today, streak, recent list, all
 * following the live settings (a new day-start hour or working days, saved anywhere, moves them).
 * Null until the settings are read: nothing is worked out from a default day-start hour.
 */
export function useTandemData(services: AppServices, recentLimit = 30, { recent: withRecent = true } = {}): TandemData | null {
  const { checkins, clock } = services;
  const now = useNow(clock);
  const live = useSettings(services);
  // Before the live values, what the page read as it opened (lib/opening.ts).
  const opening = useLive(services.opening ?? NO_OPENING);
  const settings = live ?? opening?.settings;
  const today = settings && dayKey(now, clock.timeZone(), settings.dayStartHour);
  // The live queries start once the live settings are there: in the popup, that is when the
  // records' code has arrived (lib/deferredServices.ts), so their first call is already Dexie's
  // and observes.
  const read = live !== undefined;
  const liveDays = useLiveQuery(async () => (read ? checkins.checkinDays() : undefined), [read]);
  const days = liveDays ?? opening?.checkinDays;
  const todayItems = useLiveQuery(async () => (read && today ? checkins.onDay(today) : undefined), [read, today]);
  // The popup shows neither (withRecent false): it opens on the two small indexed reads above.
  const recent = useLiveQuery(async () => (read && withRecent ? checkins.recent(recentLimit) : undefined), [recentLimit, withRecent, read]);
  const liveLast = useLiveQuery(async () => (read && withRecent ? checkins.lastCheckinAt() : undefined), [withRecent, read]);
  // The web app's reminder note says "due" from its first frame, not a moment later.
  const lastCheckinAt = liveLast !== undefined ? liveLast : withRecent ? opening?.home?.lastCheckinAt : undefined;
  if (!settings || !today) return null;
  const streak = days && summarizeStreaks({ checkinDays: days, today, workingDays: reminderDays(settings), away: settings.away });
  return { now, today, settings, todayItems, recent, streak, lastCheckinAt };
}
