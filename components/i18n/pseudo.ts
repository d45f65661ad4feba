import { messages as english, type Messages } from './en';
import type { Fmt } from './fmt';

// The pseudo-locale: every catalogue text accented, 40% longer and fenced in ⟦ ⟧, so a test can
// render every screen and find any text that did not come from the catalogue (it has no fence),
// and layouts are tried with longer words. Formatting (numbers, dates) stays English.

const ACCENTS: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', n: 'ñ', c: 'ç', y: 'ý' };

export function pseudoText(text: string): string {
  if (text === '') return text;
  // Values put into a message (names, numbers) stay readable; only the words are changed.
  const accented = text.replace(/[aeiouAEIOUncy]/g, (ch) => ACCENTS[ch] ?? ch);
  return `⟦${accented}${'·'.repeat(Math.ceil(text.length * 0.4))}⟧`;
}

function mark<T>(value: T): T {
  if (typeof value === 'string') return pseudoText(value) as T;
  if (typeof value === 'function') {
    return ((...args: unknown[]) => mark((value as (...a: unknown[]) => unknown)(...args))) as T;
  }
  if (Array.isArray(value)) return value.map(mark) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mark(v)])) as T;
  }
  return value;
}

export const messages = (f: Fmt): Messages => mark(english(f));

/** English formatting whose words (weekdays, months, "PM") are fenced too; digits stay as they are. */
export function pseudoFmt(f: Fmt): Fmt {
  const fence = (text: string) => (/\p{L}/u.test(text) ? `⟦${text}⟧` : text);
  return {
    ...f,
    list: (items, type) => fence(f.list(items, type)),
    day: (day, options) => fence(f.day(day, options)),
    date: (instant, options, timeZone) => fence(f.date(instant, options, timeZone)),
    time: (instant, timeZone) => fence(f.time(instant, timeZone)),
    relativeDay: (day, today, words) => {
      const text = f.relativeDay(day, today, words);
      return text === words.today || text === words.yesterday ? text : fence(text);
    },
  };
}
