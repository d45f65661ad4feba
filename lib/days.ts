// Calendar days and wall-clock time, computed from instants with Intl so that every rule
// works in the person's time zone, whatever the device's TZ. Day arithmetic is done on
// integer day numbers (days since 1970-01-01 on the proleptic Gregorian calendar), never
// on milliseconds divided by 24 hours, because local days are 23, 24 or 25 hours long.

/** A local calendar day, written YYYY-MM-DD. */
export type DayKey = string;

/** 0 = Sunday … 6 = Saturday, as in Date#getDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
  hour: number; // 0–23
  minute: number; // 0–59
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading in `timeZone` at `instant` (ms since the epoch). */
export function wallTime(instant: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    return part ? Number(part.value) : 0;
  };
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/** Minutes east of UTC in `timeZone` at `instant` (e.g. +60 for Paris in winter). */
export function utcOffsetMinutes(instant: number, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return Math.round((asUtc - wholeSecond) / 60_000);
}

export function dayNumberFromParts(year: number, month: number, day: number): number {
  // Date.UTC is exact calendar arithmetic here: no time zone and no DST are involved.
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function dayNumber(key: DayKey): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) throw new RangeError(`Not a day key: ${key}`);
  return dayNumberFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function dayKeyFromNumber(n: number): DayKey {
  const d = new Date(n * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(key: DayKey, days: number): DayKey {
  return dayKeyFromNumber(dayNumber(key) + days);
}

export function weekdayOfNumber(n: number): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((n + 4) % 7) + 7) % 7) as Weekday;
}

export function weekdayOf(key: DayKey): Weekday {
  return weekdayOfNumber(dayNumber(key));
}

/** The calendar date shown on the wall clock, ignoring the day-start hour. */
export function calendarDay(instant: number, timeZone: string): DayKey {
  const w = wallTime(instant, timeZone);
  return dayKeyFromNumber(dayNumberFromParts(w.year, w.month, w.day));
}

/**
 * The day an instant belongs to for a person whose day starts at `dayStartHour` (0–23):
 * with 4, a check-in at 01:30 on Tuesday still belongs to Monday.
 */
export function dayKey(instant: number, timeZone: string, dayStartHour = 0): DayKey {
  const w = wallTime(instant, timeZone);
  const n = dayNumberFromParts(w.year, w.month, w.day);
  return dayKeyFromNumber(w.hour < dayStartHour ? n - 1 : n);
}

/**
 * The day a record belongs to, from the UTC offset it was written with rather than any
 * zone's rules today: a trip or a zone-database update never moves it, and a new day-start
 * hour re-buckets every record the same way on every device.
 */
export function dayKeyAtOffset(instant: number, utcOffset: number, dayStartHour = 0): DayKey {
  const local = new Date(instant + utcOffset * 60_000);
  const n = dayNumberFromParts(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
  return dayKeyFromNumber(local.getUTCHours() < dayStartHour ? n - 1 : n);
}

/**
 * The instant at which the wall clock in `timeZone` reads `minuteOfDay` (0–1439, or 1440 for
 * the following midnight) on `day`. A time skipped by a DST jump maps to the same distance
 * past the jump (02:30 on a spring-forward night is 03:30); a repeated time maps to its
 * first occurrence.
 */
export function instantAt(day: DayKey, minuteOfDay: number, timeZone: string): number {
  const naive = dayNumber(day) * 86_400_000 + minuteOfDay * 60_000;
  // Two passes settle the offset everywhere except inside a gap, handled below. The samples
  // are a whole day either side: the true instant is `naive` minus up to 14 hours, so half a
  // day is not enough east of UTC+12 (Auckland, Chatham), where both samples then fell after
  // a transition.
  const offsetBefore = utcOffsetMinutes(naive - 86_400_000, timeZone);
  const offsetAfter = utcOffsetMinutes(naive + 86_400_000, timeZone);
  const candidates = [naive - offsetBefore * 60_000, naive - offsetAfter * 60_000];
  const exact = candidates
    .filter((c) => utcOffsetMinutes(c, timeZone) * 60_000 + c === naive)
    .sort((a, b) => a - b);
  if (exact[0] !== undefined) return exact[0];
  // In a gap: use the offset from before the jump, which lands after it.
  return naive - offsetBefore * 60_000;
}

export function minuteOfDay(instant: number, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  return w.hour * 60 + w.minute;
}

/** "HH:MM" → minutes since midnight, or null when malformed. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
