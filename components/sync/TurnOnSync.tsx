import { useState } from 'preact/hooks';
import { serverAddress, userDatabase } from '../../lib/sync/pairing';
import type { SyncService } from '../../lib/sync/service';
import { words } from '../i18n';
import { Alert } from '../ui/Alert';
import { PassphraseField } from '../ui/PassphraseField';
import { outcomeText } from './useSync';

/** Turn on sync: the server's address, the account, and the database (CouchDB's per-user one by default). */
export function TurnOnSync({ sync }: { sync: SyncService }) {
  const [server, setServer] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [database, setDatabase] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const suggested = user.trim() ? userDatabase(user.trim()) : '';

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    if (!server.trim() || !user.trim() || !password) {
      setError(words.sync.missingFields);
      return;
    }
    const address = serverAddress(server);
    if (!address) {
      setError(words.sync.serverInvalid);
      return;
    }
    setBusy(true);
    try {
      const outcome = await sync.turnOn({ server: address, user: user.trim(), password, database: (database ?? suggested).trim() || suggested });
      setError(outcomeText(outcome));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="data-block" aria-labelledby="sync-on-heading" onSubmit={(e) => void submit(e)}>
      <h3 id="sync-on-heading">{words.sync.turnOnHeading}</h3>
      <p class="hint">{words.sync.turnOnHint}</p>
      <label for="sync-server">{words.sync.serverLabel}</label>
      <input id="sync-server" type="url" class="wide-input" autocomplete="url" aria-describedby="sync-server-hint" value={server} onInput={(e) => setServer(e.currentTarget.value)} />
      <p id="sync-server-hint" class="hint">
        {words.sync.serverHint}
      </p>
      <label for="sync-user">{words.sync.userLabel}</label>
      <input id="sync-user" type="text" autocomplete="username" autocapitalize="off" spellcheck={false} value={user} onInput={(e) => setUser(e.currentTarget.value)} />
      <PassphraseField
        id="sync-password"
        label={words.sync.passwordLabel}
        value={password}
        onInput={setPassword}
        showLabel={words.sync.show}
        hideLabel={words.sync.hide}
        autoComplete="current-password"
      />
      <label for="sync-database">{words.sync.databaseLabel}</label>
      <input
        id="sync-database"
        type="text"
        class="wide-input"
        autocapitalize="off"
        spellcheck={false}
        aria-describedby="sync-database-hint"
        value={database ?? suggested}
        onInput={(e) => setDatabase(e.currentTarget.value)}
      />
      <p id="sync-database-hint" class="hint">
        {suggested ? words.sync.databaseHint(suggested) : words.sync.databaseHintEmpty}
      </p>
      <div class="row">
        <button type="submit" disabled={busy}>
          {words.sync.turnOn}
        </button>
      </div>
      <Alert message={error} />
    </form>
  );
}
