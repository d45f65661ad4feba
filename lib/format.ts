import { addDays, type DayKey } from './days';

// Dates and times as a person reads them, in their own zone and the browser’s language.
// Being replaced by components/i18n/fmt.ts (fmt.time, fmt.relativeDay with the catalogue’s
// words): check-in, app and ui no longer use it; remove it once no component imports it.

export function formatTime(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' }).format(instant);
}

export function formatDay(day: DayKey, today: DayKey): string {
  if (day === today) return 'Today';
  if (day === addDays(today, -1)) return 'Yesterday';
  // Noon UTC keeps the calendar date whatever zone formats it.
  const date = new Date(`${day}T12:00:00Z`);
  return new Intl.DateTimeFormat(undefined, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(date);
}
