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

/**
 * Which page is starting. 'popup' and 'app' (the dashboard, the web app) first load only the
 * sections their first screen speaks from (en/popup.ts), the rest before a lazy part shows
 * (loadLaterWords); 'page' loads the whole catalogue at once.
 */
export type Surface = 'page' | 'popup' | 'app';

async function catalogue(locale: Locale, surface: Surface): Promise<{ make: (f: Fmt) => Messages; f: Fmt }> {
  if (surface !== 'page' && locale !== 'pseudo') {
    // Only the sections the popup's screens read; tests/unit/i18n-surfaces.test.ts checks that
    // nothing the popup shows reaches for another one.
    const popup = locale === 'es' ? await import('./es/popup') : await import('./en/popup');
    return { make: popup.popupMessages as (f: Fmt) => Messages, f: createFmt(locale) };
  }
  if (locale === 'es') return { make: (await import('./es')).messages, f: createFmt('es') };
  if (locale === 'pseudo') {
    const pseudo = await import('./pseudo');
    return { make: pseudo.messages, f: pseudo.pseudoFmt(createFmt('pseudo')) };
  }
  return { make: (await import('./en')).messages, f: createFmt('en') };
}

/** The popup's other sections, still to load (null when the page has its whole catalogue). */
let later: (() => Promise<void>) | null = null;
let loadingLater: Promise<void> | null = null;

const fetched = new Map<string, ReturnType<typeof catalogue>>();
function cachedCatalogue(locale: Locale, surface: Surface): ReturnType<typeof catalogue> {
  const key = `${locale} ${surface}`;
  let found = fetched.get(key);
  if (!found) {
    found = catalogue(locale, surface);
    fetched.set(key, found);
    found.catch(() => fetched.delete(key));
  }
  return found;
}

/**
 * Starts fetching a language's words without making it the page's: a page fetches its likely
 * language (the browser's) while it reads the chosen one from the store, so the two waits overlap.
 */
export function prefetchLocale(locale: Locale, surface: Surface = 'page'): void {
  cachedCatalogue(locale, surface).catch(() => undefined);
}

/** Loads `locale` and makes it the page's language (also the document's lang attribute). */
export async function loadLocale(locale: Locale, surface: Surface = 'page'): Promise<void> {
  const { make, f } = await cachedCatalogue(locale, surface);
  fmt = f;
  words = make(f);
  loadingLater = null;
  later =
    locale === 'pseudo' || surface === 'page'
      ? null
      : surface === 'popup'
        ? async () => {
            const rest = locale === 'es' ? await import('./es/popupLater') : await import('./en/popupLater');
            words = { ...words, ...rest.popupLaterMessages(f) } as Messages;
          }
        : async () => {
            const all = locale === 'es' ? await import('./es') : await import('./en');
            words = { ...all.messages(f), ...words };
          };
  if (typeof document !== 'undefined') document.documentElement.lang = f.tag;
}

/**
 * Resolves once the words of everything the page can open are loaded: at once on a page with
 * its whole catalogue; in the popup, its later sections (en/popupLater.ts), fetched once. Lazy
 * sheets and notices of the popup wait for this before they render.
 */
export function loadLaterWords(): Promise<void> {
  if (!later) return Promise.resolve();
  const load = later;
  loadingLater ??= load().then(
    () => {
      if (later === load) later = null;
    },
    (err: unknown) => {
      loadingLater = null;
      throw err;
    },
  );
  return loadingLater;
}
