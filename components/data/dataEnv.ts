import { transferFromHash } from '../../lib/backup/transferHash';
import { downloadText } from '../ui/download';

/** What the data panel needs from the page it runs in; tests and shells pass their own (the storage status comes from services.storage). */
export interface DataEnv {
  /**
   * An extension page with the unlimitedStorage permission: browsers never evict its data,
   * even though navigator.storage.persisted() still says false there.
   */
  neverEvicted: boolean;
  /** The web app's own address when this page is the web app; null in the extension. */
  appAddress: string | null;
  /** A transfer payload from the page's address (`#transfer=…`), if opened from a link. */
  transferPayload: string | null;
  /** Forgets the transfer once imported or cancelled, so it isn't offered twice. */
  clearTransfer(): void;
  download(name: string, type: string, text: string): void;
  copy(text: string): Promise<void>;
  reload(): void;
}

/**
 * A transfer link's payload, read once as the page loads and taken out of the address at once:
 * the data must not stay in the address bar or session history even if the person closes the
 * tab before importing. (The browser's global history may already have recorded the visit.)
 */
let pendingTransfer: string | null = null;
if (typeof location !== 'undefined') {
  pendingTransfer = transferFromHash(location.hash);
  if (pendingTransfer !== null) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

export function browserDataEnv(): DataEnv {
  const isWebApp = location.protocol === 'https:' || location.protocol === 'http:';
  return {
    neverEvicted: location.protocol === 'chrome-extension:' || location.protocol === 'moz-extension:',
    appAddress: isWebApp ? `${location.origin}${location.pathname}` : null,
    transferPayload: pendingTransfer,
    clearTransfer: () => {
      pendingTransfer = null;
    },
    download: downloadText,
    copy: (text) => navigator.clipboard.writeText(text),
    reload: () => location.reload(),
  };
}
