import { systemClock } from '../clock';
import { openDatabase } from '../db/schema';
import { createKeyValueStore } from '../kv';
import { createReminderClient, type Request } from '../messages';
import { createAppServices, type AppServices } from '../services';
import { messageHost, SYNC_LIVE_PORT, SYNC_LOCAL_CHANGED } from '../sync/messages';

// Wiring shared by the extension's pages (popup and dashboard). The entry points pass in
// the extension APIs so that lib/ never imports them.

interface PageApis {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    connect(info: { name: string }): { disconnect(): void };
    getURL(path: '/dashboard.html' | '/popup.html'): string;
  };
  permissions: { request(p: { permissions: 'notifications'[] }): Promise<boolean> };
  tabs: { create(p: { url: string }): Promise<unknown> };
  /** Opening a window of the extension's own page needs no permission. */
  windows?: { create(p: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown> };
}

export const DASHBOARD_PATH = '/dashboard.html';
export const POPUP_PATH = '/popup.html';
/** The urge timer's own small window (the popup page at #urge). */
export const URGE_WINDOW = { width: 420, height: 640 } as const;

export function createExtensionPageServices(apis: PageApis, closeWindow?: () => void): AppServices {
  const db = openDatabase();
  return createAppServices({
    db,
    store: createKeyValueStore(db),
    clock: systemClock,
    reminders: createReminderClient((message: Request) => apis.runtime.sendMessage(message)),
    requestNotifications: () => apis.permissions.request({ permissions: ['notifications'] }),
    openDashboard: (view?: string) => {
      const url = apis.runtime.getURL(DASHBOARD_PATH) + (view ? `#${view}` : '');
      void apis.tabs.create({ url }).then(() => closeWindow?.());
    },
    openWindow: apis.windows
      ? (view) => {
          const url = `${apis.runtime.getURL(POPUP_PATH)}#${view}`;
          void apis.windows!.create({ url, type: 'popup', ...URGE_WINDOW }).then(() => closeWindow?.());
        }
      : undefined,
    // The runner lives in the background: pages ask it by message and never load PouchDB.
    sync: {
      loadHost: async () => messageHost((message) => apis.runtime.sendMessage(message)),
      onLocalWrite: () => void apis.runtime.sendMessage({ type: SYNC_LOCAL_CHANGED }).catch(() => undefined),
      keepLive: () => {
        const port = apis.runtime.connect({ name: SYNC_LIVE_PORT });
        return () => port.disconnect();
      },
    },
  });
}
