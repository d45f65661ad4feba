import { addDays, type DayKey } from '../../lib/days';

// Numbers, plurals, lists, dates and times in the chosen language, all through Intl: the
// catalogue never glues words to numbers by hand, so "1 days" can't happen in any language.

export type Locale = 'en' | 'es' | 'pseudo';

/** The languages a person can choose; 'pseudo' exists only for the test that finds hard-coded text. */
export const LOCALES = ['en', 'es'] as const satisfies readonly Locale[];

export interface PluralForms {
  one: string;
  other: string;
  /** Used for exactly 0 when given (e.g. "No days yet"). */
  zero?: string;
}

export interface Fmt {
  locale: Locale;
  /** The BCP 47 tag Intl gets ('en', 'es'). */
  tag: string;
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** Picks the plural form for n and puts the formatted number where the form has '#'. */
  plural(n: number, forms: PluralForms): string;
  /** "a, b and c" (or "a, b or c"). */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** A calendar day (DayKey), whatever zone formats it. */
  day(day: DayKey, options?: Intl.DateTimeFormatOptions): string;
  /** An instant, in the given zone (the device's when omitted). */
  date(instant: number, options: Intl.DateTimeFormatOptions, timeZone?: string): string;
  /** Hours and minutes of an instant in a zone. */
  time(instant: number, timeZone?: string): string;
  /** "Today", "Yesterday" (or "Tomorrow", when given) or the weekday and date, with the catalogue's words. */
  relativeDay(day: DayKey, today: DayKey, words: { today: string; yesterday: string; tomorrow?: string }): string;
}

export function createFmt(locale: Locale): Fmt {
  // The pseudo-locale formats like English: only its words are marked.
  const tag = locale === 'es' ? 'es' : 'en';
  const rules = new Intl.PluralRules(tag);
  const numbers = new Intl.NumberFormat(tag);
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const dtf = (options: Intl.DateTimeFormatOptions) => {
    const key = JSON.stringify(options);
    let f = formatters.get(key);
    if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(tag, options)));
    return f;
  };
  // Noon UTC keeps the calendar date whatever zone formats it.
  const noon = (day: DayKey) => new Date(`${day}T12:00:00Z`);
  const fmt: Fmt = {
    locale,
    tag,
    number: (n, options) => (options ? new Intl.NumberFormat(tag, options).format(n) : numbers.format(n)),
    plural(n, forms) {
      const form = n === 0 && forms.zero !== undefined ? forms.zero : rules.select(n) === 'one' ? forms.one : forms.other;
      return form.replace('#', numbers.format(n));
    },
    list: (items, type = 'conjunction') => new Intl.ListFormat(tag, { style: 'long', type }).format(items),
    day: (day, options = { weekday: 'long', day: 'numeric', month: 'long' }) => dtf({ ...options, timeZone: 'UTC' }).format(noon(day)),
    date: (instant, options, timeZone) => dtf(timeZone ? { ...options, timeZone } : options).format(instant),
    time: (instant, timeZone) => dtf({ hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(instant),
    relativeDay(day, today, words) {
      if (day === today) return words.today;
      if (day === addDays(today, -1)) return words.yesterday;
      if (words.tomorrow !== undefined && day === addDays(today, 1)) return words.tomorrow;
      return fmt.day(day);
    },
  };
  return fmt;
}

/** The person's language from the browser's list: the first one Tandem speaks, else English. */
export function browserLocale(languages: readonly string[] | undefined): 'en' | 'es' {
  for (const language of languages ?? []) {
    const base = language.toLowerCase().split('-')[0];
    if (base === 'es') return 'es';
    if (base === 'en') return 'en';
  }
  return 'en';
}
