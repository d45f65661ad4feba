import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { warmDatabases } from '../lib/db/openingRead';
import { DB_NAME, VALUES_DB_NAME } from '../lib/db/version';
import { ASSETS_CACHE, cacheForPage, currentFiles, isCacheViews, pruneStale, topUpForUpdate, type OfflinePlan } from './offlineCache';

// The web app's service worker (built by vite-plugin-pwa's injectManifest). The precache holds
// the check-in view's first screen; every other hashed file is served cache-first from our own
// cache, which the page asks us to fill once its first screen is up (pwa/cacheViews.ts), so
// every view opens offline after the first visit, before this worker ever controlled a page.
// Our own worker rather than a generated one: that request, the top-up of an update while it
// installs and the removal of an older build's files need to know this build's files.

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown;
}
declare const self: {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: { request: Request }) => void): void;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
};
/** This build's files, by how they are cached (scripts/offline-plan.mjs, set by vite.pwa.config.ts). */
declare const __TANDEM_OFFLINE_PLAN__: OfflinePlan;

const plan = __TANDEM_OFFLINE_PLAN__;
const scope = self.registration.scope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// viewer.html is precached and served as itself, never replaced by the app's page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/\/viewer\.html(?:$|[?#])/] }));
// Hashed names never change content, so a cached copy is always right (and works offline).
registerRoute(
  ({ sameOrigin, url }) => sameOrigin && url.href.startsWith(new URL('assets/', scope).href),
  new CacheFirst({ cacheName: ASSETS_CACHE, plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
);

// A page being opened reads its first screen from the databases at once (lib/opening.ts): they
// are opened here as its request comes in, so the browser has them open by the time it asks.
self.addEventListener('fetch', (event) => {
  if (event.request.mode === 'navigate') warmDatabases(indexedDB, [DB_NAME, VALUES_DB_NAME]);
});

self.addEventListener('message', (event) => {
  // A waiting version takes over only when the person asks (pwa/register.ts: "Reload to update").
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (isCacheViews(event.data)) event.waitUntil(cacheForPage(caches, scope, plan, event.data.groups));
});

// An update brings the views' changed files in before it offers itself ("Reload to update").
self.addEventListener('install', (event) => event.waitUntil(topUpForUpdate(caches, scope, plan)));

// Once this version is in charge, an older one's files go (a page of it still open reloads on a
// missing file: pwa/register.ts, reloadOnceOnStaleChunks).
self.addEventListener('activate', (event) => event.waitUntil(pruneStale(caches, scope, currentFiles(plan))));
