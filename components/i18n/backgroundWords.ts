import { main as enMain } from './en/main';
import { main as esMain } from './es/main';
import { browserLocale, createFmt } from './fmt';
import type { Messages } from './en';

// The few words the extension's background says (the toolbar button's title, the reminder
// notification). The background is a service worker, where dynamic import is not allowed, so
// it imports this module statically: only the `main` section of each language, not the whole
// catalogue. The language is picked as the pages pick it (components/app/start.tsx).

export type BackgroundWords = Pick<Messages['main'], 'badge' | 'notificationDefault'>;

/** The words in the language chosen on this device (a language code), else the browser's. */
export function backgroundWords(chosen: string | undefined, languages: readonly string[] | undefined): BackgroundWords {
  // The pseudo-locale is for the pages' tests; the background speaks a real language.
  const locale = chosen === 'en' || chosen === 'es' ? chosen : browserLocale(languages);
  const main = (locale === 'es' ? esMain : enMain)(createFmt(locale));
  return { badge: main.badge, notificationDefault: main.notificationDefault };
}
