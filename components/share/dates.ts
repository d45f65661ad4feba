import type { DayKey } from '../../lib/days';

// Dates in the viewer's language. A DayKey is a calendar date, formatted at noon UTC so that
// no zone moves it; an instant (created, expires) is shown in the reader's own zone.

const dayFormat = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const weekdayFormat = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
const instantFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const noon = (day: DayKey) => new Date(`${day}T12:00:00Z`);

export const formatDate = (day: DayKey) => dayFormat.format(noon(day));
export const formatWeekday = (day: DayKey) => weekdayFormat.format(noon(day));
export const formatInstant = (at: number) => instantFormat.format(at);
export const dayOfMonth = (day: DayKey) => String(Number(day.slice(8, 10)));
