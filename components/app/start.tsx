import { render, type ComponentChild } from 'preact';
import type { KeyValueStore } from '../../lib/kv';
import { browserLocale, loadLocale, prefetchLocale, type Locale, type Surface } from '../i18n';
import { isMoodKey } from '../../lib/moodKey';
import type { PageShell } from './shell';

const KNOWN: readonly string[] = ['en', 'es', 'pseudo'];

/** The page's language: the one chosen on this device, else the browser's. */
export function chooseLocale(chosen: string | undefined, languages: readonly string[] | undefined): Locale {
  return chosen && KNOWN.includes(chosen) ? (chosen as Locale) : browserLocale(languages);
}

/**
 * Keys pressed while the words load (the toolbar shortcut, then a digit at once) are kept and
 * given to the page once it is there, so a check-in by keyboard never misses its key.
 */
function holdEarlyKeys(): (before?: () => void) => void {
  const held: KeyboardEvent[] = [];
  const hold = (e: KeyboardEvent) => {
    if (isMoodKey(e)) held.push(e);
  };
  document.addEventListener('keydown', hold);
  return (before) => {
    document.removeEventListener('keydown', hold);
    // After the first render's effects, which attach the page's own key handlers.
    setTimeout(() => {
      before?.();
      for (const e of held) document.dispatchEvent(new KeyboardEvent('keydown', { key: e.key, bubbles: true, cancelable: true }));
    }, 0);
  };
}

/**
 * Renders a page once its words are loaded, in the language chosen on this device (or the
 * browser's), and what `before` waits for then. A store that can't be read still renders, in
 * the browser's language.
 */
export function start(
  store: Pick<KeyValueStore, 'language'> | null,
  view: () => ComponentChild,
  {
    surface = 'page',
    root = document.getElementById('app')!,
    before = () => Promise.resolve(),
    shell,
  }: {
    surface?: Surface;
    root?: HTMLElement;
    before?: () => Promise<void>;
    /** The first screen is kept for the next open's shell, and takes over this one's (the popup). */
    shell?: PageShell;
  } = {},
): void {
  const release = holdEarlyKeys();
  // Keys pressed on the shell before this were the shell's; from now on they are held here.
  shell?.takeKeys(window);
  // Most people keep the browser's language: its words download while the store is read.
  prefetchLocale(browserLocale(navigator.languages), surface);
  const chosen = store ? store.language().catch(() => undefined) : Promise.resolve(undefined);
  void chosen
    .then((code) => loadLocale(chooseLocale(code, navigator.languages), surface))
    .then(before)
    .then(() => {
      // The shell's elements, if it drew, become the first render's (Preact reuses them).
      const done = shell?.take(window) ?? [];
      render(view(), root);
      shell?.save(window, root);
      release(() => shell?.replay(root, done));
    });
}
