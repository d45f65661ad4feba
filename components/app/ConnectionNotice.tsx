import { useMemo } from 'preact/hooks';
import { createConnectionService, type ConnectionService } from '../../lib/connectionService';
import type { TandemDatabase } from '../../lib/db/schema';
import { useLive } from '../ui/hooks';
import { words } from '../i18n';

interface Props {
  /** services.connection. */
  connection?: ConnectionService;
  /** @deprecated Only until components/app/Popup.tsx passes `connection` instead of the database. */
  db?: Pick<TandemDatabase, 'notice' | 'onNotice'>;
  reload?: () => void;
}

/** Asks for a reload when a newer Tandem needed this page's database connection closed. */
export function ConnectionNotice({ connection, db, reload = () => location.reload() }: Props) {
  const source = useMemo(() => connection ?? createConnectionService({ db: db! }), [connection, db]);
  const notice = useLive(source);
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
