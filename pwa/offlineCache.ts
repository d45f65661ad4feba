// The runtime cache that holds every view's code for offline use (the precache holds only the
// check-in view's first screen: issue 13's 300 KB budget). The service worker (pwa/sw.ts) fills
// it when the page asks, once the first screen is up, and while a new version installs; it
// empties it of older builds' files when a new version takes over. The rules are plain
// functions; the worker passes in Cache Storage.
import type { OfflinePlan } from '../scripts/offline-plan.mjs';

/** Our cache of hashed assets (never one of Workbox's own names, which it may clean up). */
export const ASSETS_CACHE = 'tandem-assets';

/** The page's request to the worker: cache what every view needs, with the on-demand code it uses. */
export const CACHE_VIEWS = 'TANDEM_CACHE_VIEWS';

export interface CacheViewsMessage {
  type: typeof CACHE_VIEWS;
  /** The plan's groups the page uses: its language, and 'sync' when sync is on. */
  groups: string[];
}

/** What the build says about its files (scripts/offline-plan.mjs), as paths from the app's folder. */
export type { OfflinePlan };

export function isCacheViews(data: unknown): data is CacheViewsMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { type, groups } = data as { type?: unknown; groups?: unknown };
  return type === CACHE_VIEWS && Array.isArray(groups) && groups.every((g) => typeof g === 'string');
}

/**
 * The files a page should have cached: the groups it uses first (its language's words, which
 * every part of the check-in view waits for), then every view's code. Other groups (another
 * language, sync while it is off) are cached only if a page loads them (the cache-first route).
 */
export function filesFor(plan: OfflinePlan, groups: readonly string[]): string[] {
  return [...new Set([...groups.flatMap((g) => plan.groups[g] ?? []), ...plan.views])];
}

/** Every file of this build, whichever way it is cached. */
export function currentFiles(plan: OfflinePlan): Set<string> {
  return new Set([...plan.shell, ...plan.views, ...Object.values(plan.groups).flat()]);
}

/** `file`'s address under the app's folder `scope` (the worker's registration scope). */
const address = (file: string, scope: string) => new URL(file, scope).href;

/** Where the worker keeps the groups the page last asked for: no file of any build. */
const GROUPS_KEY = 'tandem-offline-groups';

/** Of `wanted`, the files not yet among the `cached` addresses. */
export function missingFiles(wanted: readonly string[], cached: readonly string[], scope: string): string[] {
  const have = new Set(cached);
  return wanted.filter((file) => !have.has(address(file, scope)));
}

/** Cached addresses that name no file of the current build: an older version's, no longer used. */
export function staleAddresses(cached: readonly string[], current: ReadonlySet<string>, scope: string): string[] {
  const keep = new Set([...current, GROUPS_KEY].map((file) => address(file, scope)));
  return cached.filter((url) => !keep.has(url));
}

/**
 * Caches the files of `wanted` that are not there yet, one by one, so one that fails (a file an
 * older worker still names after a deploy) does not keep the others out. Resolves to how many
 * could not be cached. The fetches go through the browser's HTTP cache, so files the page has
 * just loaded are not downloaded again.
 */
export async function cacheMissing(caches: CacheStorage, scope: string, wanted: readonly string[]): Promise<number> {
  const cache = await caches.open(ASSETS_CACHE);
  const cached = (await cache.keys()).map((r) => r.url);
  const results = await Promise.allSettled(missingFiles(wanted, cached, scope).map((file) => cache.add(address(file, scope))));
  return results.filter((r) => r.status === 'rejected').length;
}

/**
 * Answers the page's request: remembers which groups it uses (for the next version's install),
 * then caches what is missing of them and of every view.
 */
export async function cacheForPage(caches: CacheStorage, scope: string, plan: OfflinePlan, groups: readonly string[]): Promise<number> {
  await (await caches.open(ASSETS_CACHE)).put(address(GROUPS_KEY, scope), new Response(JSON.stringify(groups)));
  return cacheMissing(caches, scope, filesFor(plan, groups));
}

/**
 * A new version, while it installs: caches what the device will need offline from it (only the
 * files that changed are missing) before it offers itself, so taking it over never leaves a view
 * without its code offline. A first install leaves this to the page's request.
 */
export async function topUpForUpdate(caches: CacheStorage, scope: string, plan: OfflinePlan): Promise<number> {
  const remembered = await (await caches.open(ASSETS_CACHE)).match(address(GROUPS_KEY, scope));
  if (!remembered) return 0;
  const groups: unknown = await remembered.json().catch(() => []);
  return cacheMissing(caches, scope, filesFor(plan, Array.isArray(groups) ? groups.filter((g) => typeof g === 'string') : []));
}

/** Deletes the cached files no longer part of the build. */
export async function pruneStale(caches: CacheStorage, scope: string, current: ReadonlySet<string>): Promise<void> {
  const cache = await caches.open(ASSETS_CACHE);
  const cached = (await cache.keys()).map((r) => r.url);
  await Promise.all(staleAddresses(cached, current, scope).map((url) => cache.delete(url)));
}
