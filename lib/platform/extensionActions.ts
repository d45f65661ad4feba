import { createReminderClient, type ReminderClient, type Request } from '../messages';

// What an extension page can do through the extension's own APIs (open the dashboard, a small
// window, ask for notifications, talk to the background), apart from the records' database, so
// the popup can offer it before the database code has arrived (lib/deferredServices.ts).

export interface PageApis {
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

export interface PageActions {
  reminders: ReminderClient;
  requestNotifications: () => Promise<boolean>;
  openDashboard: (view?: string) => void;
  openWindow: ((view: 'urge') => void) | undefined;
}

export function extensionPageActions(apis: PageApis, closeWindow?: () => void): PageActions {
  return {
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
  };
}
