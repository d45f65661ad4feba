import { useEffect, useState } from 'preact/hooks';
import type { ConnectionService } from '../../lib/connectionService';
import { useLive } from '../ui/hooks';
import { loadLaterWords, words } from '../i18n';

interface Props {
  /** services.connection. */
  connection: ConnectionService;
  reload?: () => void;
}

/** Asks for a reload when a newer Tandem needed this page's database connection closed. */
export function ConnectionNotice({ connection, reload = () => location.reload() }: Props) {
  const notice = useLive(connection);
  // The popup loads these words only when there is a notice (components/i18n loadLaterWords).
  const [worded, setWorded] = useState(false);
  useEffect(() => {
    if (notice && !worded) void loadLaterWords().then(() => setWorded(true), () => setWorded(true));
  }, [notice]);
  return (
    <div role="status">
      {notice && worded && words.data && (
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
