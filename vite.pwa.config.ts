import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

// The PWA: the same components and data layer as the extension, built as static files into
// dist/pwa. Paths are relative so the folder can be served from any host and sub-path.
export default defineConfig({
  root: 'pwa',
  base: './',
  publicDir: '../public',
  build: { outDir: '../dist/pwa', emptyOutDir: true },
  plugins: [
    preact(),
    VitePWA({
      strategies: 'generateSW',
      // The page registers the worker itself (workbox-window) and asks before updating.
      registerType: 'prompt',
      injectRegister: false,
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
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
