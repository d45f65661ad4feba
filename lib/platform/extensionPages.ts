import { systemClock } from '../clock';
import { openDatabase } from '../db/schema';
import { createKeyValueStore } from '../kv';
import { createAppServices, type AppServices } from '../services';
import { messageHost, SYNC_LIVE_PORT, SYNC_LOCAL_CHANGED } from '../sync/messages';
import { extensionPageActions, type PageActions, type PageApis } from './extensionActions';

// Wiring shared by the extension's pages (popup and dashboard). The entry points pass in
// the extension APIs so that lib/ never imports them.

export { DASHBOARD_PATH, POPUP_PATH, URGE_WINDOW, type PageApis } from './extensionActions';

/** The page's services; `actions` when the page made them already (the popup, before this loaded). */
export function createExtensionPageServices(apis: PageApis, closeWindow?: () => void, actions: PageActions = extensionPageActions(apis, closeWindow)): AppServices {
  const db = openDatabase();
  return createAppServices({
    db,
    store: createKeyValueStore(db),
    clock: systemClock,
    ...actions,
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
