import { useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { lazyComponent } from '../ui/lazy';
import { browserDataEnv, type DataEnv } from './dataEnv';
import './data.css';

// The import's code (validation, compression, crypto) loads only when a link is there.
const ImportFlow = lazyComponent(() => import('./ImportFlow').then((m) => m.ImportFlow));

/**
 * Shown on whatever view the page opens with when its address carries `#transfer=…`, so a
 * link opened on the phone leads straight to the passphrase and the summary. Renders nothing
 * otherwise. The fragment leaves the address bar once the transfer is imported or cancelled;
 * the outcome stays on screen until the page is left.
 */
export function TransferReceiver({ services, env: given }: { services: AppServices; env?: DataEnv }) {
  // Read once: the fragment is cleared after the import, and the outcome must stay on screen.
  const [env] = useState(() => given ?? browserDataEnv());
  if (!env.transferPayload) return null;
  return (
    <div class="transfer-receiver">
      <ImportFlow services={services} link={env.transferPayload} onLinkDone={env.clearTransfer} />
    </div>
  );
}
