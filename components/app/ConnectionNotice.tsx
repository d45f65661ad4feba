import type { ConnectionService } from '../../lib/connectionService';
import { useLive } from '../ui/hooks';
import { words } from '../i18n';

interface Props {
  /** services.connection. */
  connection: ConnectionService;
  reload?: () => void;
}

/** Asks for a reload when a newer Tandem needed this page's database connection closed. */
export function ConnectionNotice({ connection, reload = () => location.reload() }: Props) {
  const notice = useLive(connection);
  return (
    <div role="status">
      {notice && (
        <div class="banner">
          <p>{notice === 'outdated' ? words.data.outdated : words.data.blocked}</p>
          <button type="button" onClick={reload}>
            {words.data.reload}
          </button>
        </div>
      )}
    </div>
  );
}
