import { useState } from 'preact/hooks';
import { PAIRING_PREFIX } from '../../lib/sync/pairing';
import type { AppServices } from '../../lib/services';
import { JoinWithLink } from './JoinWithLink';

/**
 * A pairing link read once from the page's address (`#sync=…`) and taken out of it at once, so
 * the sealed credentials stay out of the address bar and session history; shown on any view.
 */
let pending: string | null = null;
if (typeof location !== 'undefined' && location.hash.startsWith(PAIRING_PREFIX)) {
  pending = location.href;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

export function SyncReceiver({ services }: { services: AppServices }) {
  const [link] = useState(pending);
  if (!link || !services.sync) return null;
  return (
    <div class="transfer-receiver">
      <JoinWithLink
        sync={services.sync}
        initialLink={link}
        onDone={() => {
          // The outcome stays on screen; the link is not offered again.
          pending = null;
        }}
      />
    </div>
  );
}
