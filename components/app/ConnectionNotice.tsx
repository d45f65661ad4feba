import { useEffect, useState } from 'preact/hooks';
import type { ConnectionNotice as Notice, TandemDatabase } from '../../lib/db/schema';
import { words } from '../i18n';

/** Asks for a reload when a newer Tandem needed this page's database connection closed. */
export function ConnectionNotice({ db, reload = () => location.reload() }: { db: TandemDatabase; reload?: () => void }) {
  const [notice, setNotice] = useState<Notice | null>(db.notice);
  useEffect(() => db.onNotice(setNotice), [db]);
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
