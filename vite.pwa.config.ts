import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { DEFAULT_APP_URL } from './lib/share/appUrl';
import { bundleModules } from './scripts/bundle-modules.mjs';

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
    VitePWA({
      strategies: 'generateSW',
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
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        // Only the icons the pages show offline (the tab's and the home screen's); the install
        // icons are read by the browser when it installs, online. The manifest's icons are
        // not added a second time (includeManifestIcons below).
        globIgnores: ['icon/16.png', 'icon/48.png', 'icon/128.png', 'icon/512.png', 'icon/maskable-512.png'],
        navigateFallback: 'index.html',
        // viewer.html is precached and served as itself, never replaced by the app's page.
        navigateFallbackDenylist: [/\/viewer\.html(?:$|[?#])/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
