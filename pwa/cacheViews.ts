import { whenIdle } from '../components/ui/lazy';
import { CACHE_VIEWS, type CacheViewsMessage } from './offlineCache';

/**
 * Once the service worker is active and the page has settled, asks it to cache every view's code
 * (pwa/sw.ts) with the words of the page's `locale` and, if `syncOn` says so, sync's code. On the
 * first visit the worker does not control the page yet, so it never sees the views' code load;
 * without this, only the check-in view would open offline until a second visit. Asked on every
 * visit: the worker skips what it already has.
 */
export function cacheViewsOnceIdle(locale: string, syncOn: Promise<boolean>): void {
  if (!('serviceWorker' in navigator)) return;
  void Promise.all([navigator.serviceWorker.ready, syncOn.catch(() => false)]).then(([registration, sync]) =>
    whenIdle(() => {
      const message: CacheViewsMessage = { type: CACHE_VIEWS, groups: sync ? [locale, 'sync'] : [locale] };
      registration.active?.postMessage(message);
    }),
  );
}
