import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DEFAULT_APP_URL } from './lib/share/appUrl';
import { bundleModules } from './scripts/bundle-modules.mjs';
import { chunkGroups } from './scripts/chunk-groups.mjs';

// The extension's manifest. Permissions are the ones the code uses and no more:
// alarms (prompt schedule), idle (no prompt while away or locked), unlimitedStorage
// (the browser must never evict the records). Notifications are optional and asked
// for only when the person turns them on in Settings. No host permissions, no tabs.
export default defineConfig({
  imports: false,
  vite: () => ({
    plugins: [preact(), bundleModules(), chunkGroups()],
    // PouchDB without its eval-based design-document filters (lib/sync/noChangesFilter.ts).
    resolve: { alias: { 'pouchdb-changes-filter': fileURLToPath(new URL('./lib/sync/noChangesFilter.ts', import.meta.url)) } },
    // Where mentor links made in the extension point: the deployed PWA (set at build time).
    define: { __TANDEM_APP_URL__: JSON.stringify(process.env.TANDEM_APP_URL ?? DEFAULT_APP_URL) },
  }),
  // `npm run zip`: the store packages in .output/, and for Firefox the sources archive that
  // addons.mozilla.org's reviewers rebuild from (`npm ci && npm run build:firefox`). WXT already
  // leaves out node_modules, .output, dot-folders and test files; these are build and test output.
  zip: {
    excludeSources: ['dist/**', 'tests/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', '*.log', 'tandem-demo-backup.json'],
  },
  manifest: ({ browser }) => ({
    // The name and description follow the browser's language (public/_locales): browsers give
    // extensions no way to choose one themselves. The pages follow the person's choice.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['alarms', 'idle', 'unlimitedStorage'],
    optional_permissions: ['notifications'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      // Manifest V2 (the Firefox build) names the toolbar button's command differently.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandOpen__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // A pinned add-on id keeps the IndexedDB origin stable across installs and updates.
              id: '{5c35f2c5-13e7-4ad1-904e-0381f1eac6aa}',
              // Tandem collects nothing: Firefox shows that at install. The key needs Firefox 140
              // (142 on Android); an older minimum makes addons-linter warn.
              data_collection_permissions: { required: ['none'] },
              strict_min_version: '140.0',
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
