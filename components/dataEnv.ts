import { transferFromHash } from '../lib/backup/transfer';
import type { StorageApi } from '../lib/storageStatus';
import { downloadText } from './download';

/** What the data panel needs from the page it runs in; tests and shells pass their own. */
export interface DataEnv {
  storage: StorageApi | undefined;
  /**
   * An extension page with the unlimitedStorage permission: browsers never evict its data,
   * even though navigator.storage.persisted() still says false there.
   */
  neverEvicted: boolean;
  /** The web app's own address when this page is the web app; null in the extension. */
  appAddress: string | null;
  /** A transfer payload from the page's address (`#transfer=…`), if opened from a link. */
  transferPayload: string | null;
  /** Removes the transfer from the address bar and history, so it isn't opened twice or kept. */
  clearTransfer(): void;
  download(name: string, type: string, text: string): void;
  copy(text: string): Promise<void>;
  reload(): void;
}

export function browserDataEnv(): DataEnv {
  const isWebApp = location.protocol === 'https:' || location.protocol === 'http:';
  return {
    storage: navigator.storage,
    neverEvicted: location.protocol === 'chrome-extension:' || location.protocol === 'moz-extension:',
    appAddress: isWebApp ? `${location.origin}${location.pathname}` : null,
    transferPayload: transferFromHash(location.hash),
    clearTransfer: () => history.replaceState(history.state, '', `${location.pathname}${location.search}`),
    download: downloadText,
    copy: (text) => navigator.clipboard.writeText(text),
    reload: () => location.reload(),
  };
}
