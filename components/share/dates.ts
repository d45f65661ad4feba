import type { DayKey } from '../../lib/days';
import { fmt, words } from '../i18n';

// Dates in the reader's language, through the catalogue (read at call time: it is loaded just
// before the first render). A DayKey is a calendar date that no zone moves; an instant
// (created, expires) is shown in the reader's own zone.

export const formatDate = (day: DayKey) => words.share.dates.day(day);
export const formatWeekday = (day: DayKey) => words.share.dates.weekday(day);
export const formatInstant = (at: number) => words.share.dates.instant(at);
/** The day of the month alone, as a number (the calendar's cells). */
export const dayOfMonth = (day: DayKey) => fmt.number(Number(day.slice(8, 10)));
