import { describe, expect, it } from 'vitest';
import { ASSETS_CACHE, cacheForPage, cacheMissing, CACHE_VIEWS, currentFiles, filesFor, isCacheViews, missingFiles, pruneStale, staleAddresses, topUpForUpdate } from '../../pwa/offlineCache';
import { planOffline, type Chunk } from '../../scripts/offline-plan.mjs';

// What the web app keeps offline, and when: the build's plan (scripts/offline-plan.mjs) and the
// worker's cache rules (pwa/offlineCache.ts).

const chunk = (modules: string[], more: Partial<Chunk> = {}): Chunk => ({ imports: [], dynamicImports: [], css: [], modules, ...more });

// A small app: a check-in page that loads its first words statically-after-start, a view, the
// words of two languages (sharing a formatting chunk with the page), sync, and a viewer page.
const GRAPH: Record<string, Chunk> = {
  'assets/index.js': chunk(['pwa/main.tsx'], { imports: ['assets/preact.js'], dynamicImports: ['assets/en-popup.js', 'assets/es-popup.js', 'assets/Insights.js', 'assets/runner.js'], css: ['assets/index.css'] }),
  'assets/preact.js': chunk(['node_modules/preact/dist/preact.mjs']),
  'assets/en-popup.js': chunk(['components/i18n/en/popup.ts'], { imports: ['assets/en-main.js', 'assets/fmt.js'], dynamicImports: ['assets/en.js'] }),
  'assets/en-main.js': chunk(['components/i18n/en/main.ts']),
  'assets/en.js': chunk(['components/i18n/en/index.ts'], { imports: ['assets/en-main.js'] }),
  'assets/es-popup.js': chunk(['components/i18n/es/popup.ts'], { imports: ['assets/es-main.js', 'assets/fmt.js'], dynamicImports: ['assets/es.js'] }),
  'assets/es-main.js': chunk(['components/i18n/es/main.ts']),
  'assets/es.js': chunk(['components/i18n/es/index.ts'], { imports: ['assets/es-main.js'] }),
  'assets/fmt.js': chunk(['components/i18n/fmt.ts']),
  'assets/Insights.js': chunk(['components/insights/Insights.tsx'], { imports: ['assets/Chart.js', 'assets/preact.js'], css: ['assets/Insights.css'] }),
  'assets/Chart.js': chunk(['node_modules/uplot/dist/uPlot.esm.js'], { css: ['assets/Chart.css'] }),
  'assets/runner.js': chunk(['lib/sync/browserRunner.ts', 'node_modules/pouchdb-core/lib/index.es.js'], { imports: ['assets/pouch-http.js'] }),
  'assets/pouch-http.js': chunk(['node_modules/pouchdb-adapter-http/lib/index.es.js']),
  'assets/viewer.js': chunk(['pwa/viewer.tsx'], { imports: ['assets/preact.js', 'assets/Chart.js'], dynamicImports: ['assets/en-popup.js', 'assets/es-popup.js'] }),
};
const words = (locale: string) => (modules: string[]) => modules.every((m) => m.startsWith(`components/i18n/${locale}/`));
const OPTIONS = {
  entries: ['assets/index.js', 'assets/viewer.js'],
  shell: { entry: 'assets/index.js', modules: ['components/i18n/en/popup.ts'] },
  groups: { en: words('en'), es: words('es'), sync: (modules: string[]) => modules.includes('lib/sync/browserRunner.ts') },
  assets: ['assets/index.css', 'assets/Insights.css', 'assets/Chart.css', 'assets/photo.png'],
};

describe('the offline plan', () => {
  const plan = planOffline(GRAPH, OPTIONS);

  it('precaches the check-in page and its first words, with what they import statically, and no more', () => {
    expect(plan.shell).toEqual(['assets/en-main.js', 'assets/en-popup.js', 'assets/fmt.js', 'assets/index.css', 'assets/index.js', 'assets/preact.js']);
  });

  it('caches every view and page of any language after the first screen, with their style sheets and stray assets', () => {
    expect(plan.views).toEqual(['assets/Chart.css', 'assets/Chart.js', 'assets/Insights.css', 'assets/Insights.js', 'assets/photo.png', 'assets/viewer.js']);
  });

  it('keeps each language and sync apart, each with only the files nothing else reaches', () => {
    expect(plan.groups).toEqual({
      en: ['assets/en.js'],
      es: ['assets/es-main.js', 'assets/es-popup.js', 'assets/es.js'],
      sync: ['assets/pouch-http.js', 'assets/runner.js'],
    });
  });

  it('places every file exactly once', () => {
    const placed = [...plan.shell, ...plan.views, ...Object.values(plan.groups).flat()];
    const all = new Set([...Object.keys(GRAPH), ...OPTIONS.assets]);
    expect(placed.sort()).toEqual([...all].sort());
  });

  it('gives a group that loads another group’s code that code too', () => {
    const pseudo = planOffline(
      { ...GRAPH, 'assets/index.js': { ...GRAPH['assets/index.js']!, dynamicImports: [...GRAPH['assets/index.js']!.dynamicImports, 'assets/pseudo.js'] }, 'assets/pseudo.js': chunk(['components/i18n/pseudo.ts'], { dynamicImports: ['assets/en.js'] }) },
      { ...OPTIONS, groups: { ...OPTIONS.groups, pseudo: (modules: string[]) => modules.includes('components/i18n/pseudo.ts') } },
    );
    expect(pseudo.groups.pseudo).toEqual(['assets/en.js', 'assets/pseudo.js']);
    expect(pseudo.groups.en).toEqual(['assets/en.js']);
  });

  it('keeps a file that a group shares with the views among the views', () => {
    const shared = planOffline({ ...GRAPH, 'assets/runner.js': chunk(['lib/sync/browserRunner.ts'], { imports: ['assets/Chart.js'] }) }, OPTIONS);
    expect(shared.groups.sync).toEqual(['assets/runner.js']);
    expect(shared.views).toContain('assets/Chart.js');
  });
});

describe('the cache rules', () => {
  const plan = { shell: ['assets/index.js'], views: ['assets/Insights.js', 'assets/Chart.js'], groups: { es: ['assets/es.js', 'assets/Chart.js'], sync: ['assets/runner.js'] } };
  const scope = 'https://example.org/app/';

  it('asks for the groups the page uses first, then every view, once each', () => {
    expect(filesFor(plan, ['es'])).toEqual(['assets/es.js', 'assets/Chart.js', 'assets/Insights.js']);
    expect(filesFor(plan, ['en'])).toEqual(['assets/Insights.js', 'assets/Chart.js']);
    expect(filesFor(plan, ['en', 'sync'])).toEqual(['assets/runner.js', 'assets/Insights.js', 'assets/Chart.js']);
  });

  it('knows every file of the build, sync and every language included', () => {
    expect([...currentFiles(plan)].sort()).toEqual(['assets/Chart.js', 'assets/Insights.js', 'assets/es.js', 'assets/index.js', 'assets/runner.js']);
  });

  it('fetches only what is not cached yet, under the app’s own folder', () => {
    expect(missingFiles(['assets/a.js', 'assets/b.js'], ['https://example.org/app/assets/a.js', 'https://example.org/assets/b.js'], scope)).toEqual(['assets/b.js']);
  });

  it('drops only what no file of the current build names', () => {
    const cached = ['https://example.org/app/assets/Chart.js', 'https://example.org/app/assets/Chart-old.js', 'https://example.org/app/assets/runner.js'];
    expect(staleAddresses(cached, currentFiles(plan), scope)).toEqual(['https://example.org/app/assets/Chart-old.js']);
  });

  it('reads only its own message', () => {
    expect(isCacheViews({ type: CACHE_VIEWS, groups: ['es', 'sync'] })).toBe(true);
    expect(isCacheViews({ type: CACHE_VIEWS, groups: [1] })).toBe(false);
    expect(isCacheViews({ type: CACHE_VIEWS })).toBe(false);
    expect(isCacheViews({ type: 'SKIP_WAITING' })).toBe(false);
    expect(isCacheViews(null)).toBe(false);
  });
});

/** Cache Storage with one cache, whose adds fail for the addresses in `failing`. */
function fakeCaches(stored: string[], failing: string[] = []) {
  const entries = new Map<string, Response>(stored.map((url) => [url, new Response('')]));
  const opened: string[] = [];
  const cache = {
    keys: async () => [...entries.keys()].map((url) => ({ url })),
    match: async (url: string) => entries.get(url),
    put: async (url: string, response: Response) => void entries.set(url, response),
    add: async (url: string) => {
      if (failing.includes(url)) throw new TypeError('Failed to fetch');
      entries.set(url, new Response(''));
    },
    delete: async (url: string) => entries.delete(url),
  };
  const storage = { open: async (name: string) => (opened.push(name), cache) } as unknown as CacheStorage;
  return { storage, urls: () => [...entries.keys()].sort(), opened };
}

describe('filling and pruning the cache', () => {
  const scope = 'https://example.org/';
  const plan = { shell: ['assets/index.js'], views: ['assets/Insights.js'], groups: { en: ['assets/en.js'], es: ['assets/es.js'] } };

  it('adds what is missing, and one file that fails keeps none of the others out', async () => {
    const { storage, urls, opened } = fakeCaches(['https://example.org/assets/a.js'], ['https://example.org/assets/gone.js']);
    const failed = await cacheMissing(storage, scope, ['assets/a.js', 'assets/gone.js', 'assets/b.js']);
    expect(failed).toBe(1);
    expect(urls()).toEqual(['https://example.org/assets/a.js', 'https://example.org/assets/b.js']);
    expect(opened.every((name) => name === ASSETS_CACHE)).toBe(true);
  });

  it('deletes an older build’s files and keeps the current ones', async () => {
    const { storage, urls } = fakeCaches(['https://example.org/assets/a.js', 'https://example.org/assets/a-old.js']);
    await pruneStale(storage, scope, new Set(['assets/a.js']));
    expect(urls()).toEqual(['https://example.org/assets/a.js']);
  });

  it('a first install caches nothing by itself: the page asks once its first screen is up', async () => {
    const { storage, urls } = fakeCaches([]);
    await topUpForUpdate(storage, scope, plan);
    expect(urls()).toEqual([]);
  });

  it('a new version caches, while it installs, what the page last asked for, and pruning keeps that note', async () => {
    const { storage, urls } = fakeCaches([]);
    await cacheForPage(storage, scope, plan, ['es']);
    expect(urls()).toEqual(['https://example.org/assets/Insights.js', 'https://example.org/assets/es.js', 'https://example.org/tandem-offline-groups']);
    const next = { shell: plan.shell, views: ['assets/Insights-2.js'], groups: { en: ['assets/en.js'], es: ['assets/es-2.js'] } };
    await topUpForUpdate(storage, scope, next);
    await pruneStale(storage, scope, currentFiles(next));
    expect(urls()).toEqual(['https://example.org/assets/Insights-2.js', 'https://example.org/assets/es-2.js', 'https://example.org/tandem-offline-groups']);
  });
});
