import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { DEFAULT_APP_URL } from './lib/share/appUrl';
import { bundleModules } from './scripts/bundle-modules.mjs';
import { offlinePlanPlugin, type OfflinePlan } from './scripts/offline-plan.mjs';

// Which files the service worker keeps offline, and when (scripts/offline-plan.mjs): read from
// the app's bundle, then given to the worker's own build and to its precache list.
let plan: OfflinePlan | null = null;
const planned = (): OfflinePlan => {
  if (!plan) throw new Error('The offline plan is made from the app bundle, before the service worker is built.');
  return plan;
};
const words = (locale: string) => (modules: string[]) => modules.every((m) => m.startsWith(`components/i18n/${locale}/`));

// The PWA: the same components and data layer as the extension, built as static files into
// dist/pwa. Paths are relative so the folder can be served from any host and sub-path.
export default defineConfig({
  root: 'pwa',
  base: './',
  publicDir: '../public',
  build: {
    outDir: '../dist/pwa',
    modulePreload: { polyfill: false },
    emptyOutDir: true,
    // The mentor's viewer is its own page, so it loads none of the mentee's app (no Dexie).
    rollupOptions: { input: { index: 'pwa/index.html', viewer: 'pwa/viewer.html' } },
  },
  // PouchDB without its eval-based design-document filters (lib/sync/noChangesFilter.ts).
  resolve: { alias: { 'pouchdb-changes-filter': fileURLToPath(new URL('./lib/sync/noChangesFilter.ts', import.meta.url)) } },
  define: { __TANDEM_APP_URL__: JSON.stringify(process.env.TANDEM_APP_URL ?? DEFAULT_APP_URL) },
  plugins: [
    preact(),
    bundleModules(),
    offlinePlanPlugin({
      shellEntry: 'pwa/index.html',
      // The check-in view's first screen speaks from these words (components/i18n: 'app'), and
      // its check-in is stored by these services, loaded beside it (pwa/main.tsx).
      shellModules: ['components/i18n/en/popup.ts', 'pwa/services.ts'],
      // A language's words are cached only for a page in that language, sync's code where it is on.
      groups: {
        en: words('en'),
        es: words('es'),
        pseudo: (modules) => modules.every((m) => m === 'components/i18n/pseudo.ts'),
        sync: (modules) => modules.includes('lib/sync/browserRunner.ts'),
      },
      onPlan: (made) => {
        plan = made;
      },
    }),
    VitePWA({
      // Our own worker (pwa/sw.ts): it caches the views' code when the page asks, and drops an
      // older build's, which a generated worker cannot.
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      // The page registers the worker itself (workbox-window) and asks before updating.
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false,
      manifest: {
        name: 'Tandem',
        short_name: 'Tandem',
        description: 'Quick check-ins, your streak and your patterns. Your data stays on this device.',
        id: './',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d6b64',
        icons: [
          { src: 'icon/192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon/512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // A classic script, as workbox-window registers it (pwa/register.ts).
        rollupFormat: 'iife',
        // The manifest is not globbed: the plugin adds it to the precache itself.
        globPatterns: ['**/*.{js,css,html,png,svg}'],
        // Only the icons the pages show offline (the tab's and the home screen's); the install
        // icons are read by the browser when it installs, online. The manifest's icons are
        // not added a second time (includeManifestIcons).
        globIgnores: ['icon/16.png', 'icon/48.png', 'icon/128.png', 'icon/512.png', 'icon/maskable-512.png'],
        // Of the hashed files, only the check-in view's first screen (the 300 KB budget).
        manifestTransforms: [
          (entries) => {
            const shell = new Set(planned().shell);
            return { manifest: entries.filter((e) => !e.url.startsWith('assets/') || shell.has(e.url)), warnings: [] };
          },
        ],
        buildPlugins: {
          vite: [{ name: 'tandem-offline-plan-define', config: () => ({ define: { __TANDEM_OFFLINE_PLAN__: JSON.stringify(planned()) } }) }],
        },
      },
    }),
  ],
});
