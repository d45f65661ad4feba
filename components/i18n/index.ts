import type { Messages } from './en';
import { createFmt, type Fmt, type Locale } from './fmt';

// The words of the running page, in one language. The entry point loads the language before
// it renders (only that language's catalogue is fetched), and every component reads `words`.
// ES modules export live bindings, so `words` is the loaded catalogue wherever it was imported.
// Changing the language reloads the page, so nothing ever shows two languages at once.

export type { Messages } from './en';
export { browserLocale, LOCALES, type Fmt, type Locale } from './fmt';

export let words: Messages;
export let fmt: Fmt;

async function catalogue(locale: Locale): Promise<{ make: (f: Fmt) => Messages; f: Fmt }> {
  if (locale === 'es') return { make: (await import('./es')).messages, f: createFmt('es') };
  if (locale === 'pseudo') {
    const pseudo = await import('./pseudo');
    return { make: pseudo.messages, f: pseudo.pseudoFmt(createFmt('pseudo')) };
  }
  return { make: (await import('./en')).messages, f: createFmt('en') };
}

/** Loads `locale` and makes it the page's language (also the document's lang attribute). */
export async function loadLocale(locale: Locale): Promise<void> {
  const { make, f } = await catalogue(locale);
  fmt = f;
  words = make(f);
  if (typeof document !== 'undefined') document.documentElement.lang = f.tag;
}
