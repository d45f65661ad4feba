import type { AppServices } from '../../lib/services';
import { useLiveQuery } from '../ui/hooks';
import { words } from '../i18n';

/**
 * The popup's gentle "Sam wrote back", until the reply is marked read. One indexed read of the
 * unread replies; nothing of the reply codec is loaded here.
 */
export function WroteBack({ services }: { services: Pick<AppServices, 'replies' | 'openDashboard'> }) {
  const names = useLiveQuery(() => services.replies.unread(), [services.replies]);
  if (!names || names.length === 0) return null;
  return (
    <p class="wrote-back" role="status">
      <span class="user-text">{words.main.wroteBack(names)}</span>
      {services.openDashboard && (
        <>
          {' '}
          <button type="button" class="secondary" onClick={() => services.openDashboard?.('share')}>
            {words.main.wroteBackOpen}
          </button>
        </>
      )}
    </p>
  );
}
