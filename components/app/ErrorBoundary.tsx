import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import type { ConnectionService } from '../../lib/connectionService';
import { errorText } from '../i18n/errorText';
import { words } from '../i18n';
import { ConnectionNotice } from './ConnectionNotice';

interface Props {
  children: ComponentChildren;
  /**
   * services.connection: when a newer Tandem closed the database, a read that failed because of
   * it is no puzzle to show; the page asks for a reload instead (whichever part read first).
   */
  connection?: ConnectionService;
}

/** Shows a failed read as a plain message with a way to try again, never a blank page. */
export function ErrorBoundary({ children, connection }: Props) {
  const [error, reset] = useErrorBoundary((err: unknown) => console.error(err));
  if (error && connection?.current()) {
    return (
      <main>
        <ConnectionNotice connection={connection} />
      </main>
    );
  }
  if (error) {
    return (
      <main>
        <p role="alert" class="alert alert-error">
          {words.main.storageProblem} {errorText(error)}
        </p>
        <button type="button" onClick={reset}>
          {words.main.tryAgain}
        </button>
      </main>
    );
  }
  return <>{children}</>;
}
