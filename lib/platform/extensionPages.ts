import { systemClock } from '../clock';
import { openDatabase } from '../db/schema';
import { createKeyValueStore } from '../kv';
import { createReminderClient, type Request } from '../messages';
import { createAppServices, type AppServices } from '../services';

// Wiring shared by the extension's pages (popup and dashboard). The entry points pass in
// the extension APIs so that lib/ never imports them.

interface PageApis {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getURL(path: '/dashboard.html'): string;
  };
  permissions: { request(p: { permissions: 'notifications'[] }): Promise<boolean> };
  tabs: { create(p: { url: string }): Promise<unknown> };
}

export const DASHBOARD_PATH = '/dashboard.html';

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
  });
}
