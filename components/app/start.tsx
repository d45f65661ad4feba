import { render, type ComponentChild } from 'preact';
import type { KeyValueStore } from '../../lib/kv';
import { browserLocale, loadLocale, type Locale } from '../i18n';

const KNOWN: readonly string[] = ['en', 'es', 'pseudo'];

/** The page's language: the one chosen on this device, else the browser's. */
export function chooseLocale(chosen: string | undefined, languages: readonly string[] | undefined): Locale {
  return chosen && KNOWN.includes(chosen) ? (chosen as Locale) : browserLocale(languages);
}

/**
 * Renders a page once its words are loaded, in the language chosen on this device (or the
 * browser's). A store that can't be read still renders, in the browser's language.
 */
export function start(store: KeyValueStore | null, view: () => ComponentChild, root = document.getElementById('app')!): void {
  const chosen = store ? store.language().catch(() => undefined) : Promise.resolve(undefined);
  void chosen
    .then((code) => loadLocale(chooseLocale(code, navigator.languages)))
    .then(() => render(view(), root));
}
