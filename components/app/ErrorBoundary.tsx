import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { errorText } from '../i18n/errorText';
import { words } from '../i18n';

/** Shows a failed read as a plain message with a way to try again, never a blank page. */
export function ErrorBoundary({ children }: { children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary((err: unknown) => console.error(err));
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
