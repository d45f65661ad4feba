import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DEFAULT_APP_URL } from './lib/share/appUrl';

// The extension's manifest. Permissions are the ones the code uses and no more:
// alarms (prompt schedule), idle (no prompt while away or locked), unlimitedStorage
// (the browser must never evict the records). Notifications are optional and asked
// for only when the person turns them on in Settings. No host permissions, no tabs.
export default defineConfig({
  imports: false,
  vite: () => ({
    plugins: [preact()],
    // Where mentor links made in the extension point: the deployed PWA (set at build time).
    define: { __TANDEM_APP_URL__: JSON.stringify(process.env.TANDEM_APP_URL ?? DEFAULT_APP_URL) },
  }),
  manifest: ({ browser }) => ({
    name: 'Tandem',
    description: 'Quick check-ins during your workday. Your data stays on this device.',
    permissions: ['alarms', 'idle', 'unlimitedStorage'],
    optional_permissions: ['notifications'],
    action: { default_title: 'Tandem: check in' },
    commands: {
      // Manifest V2 (the Firefox build) names the toolbar button's command differently.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open the check-in',
      },
    },
    ...(browser === 'firefox'
      ? {
          // A pinned add-on id keeps the IndexedDB origin stable across installs and updates.
          browser_specific_settings: {
            gecko: { id: '{5c35f2c5-13e7-4ad1-904e-0381f1eac6aa}', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
});
