import { useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { useAction } from '../ui/hooks';
import { words } from '../i18n';
import { FIRST } from './rules';

/**
 * *Run the welcome again*, for Settings: the welcome starts over at its first step (nothing is
 * removed). `onStart` takes the person to where the panel shows (the check-in view).
 */
export function RunWelcomeAgain({ services, onStart }: { services: AppServices; onStart?: () => void }) {
  const [error, run] = useAction();
  const [status, setStatus] = useState<string | null>(null);
  return (
    <div class="welcome-again">
      <p class="hint" id="welcome-again-hint">
        {words.welcome.runAgainHint}
      </p>
      <button
        type="button"
        class="secondary"
        aria-describedby="welcome-again-hint"
        onClick={() =>
          run(services.store.saveWelcome({ step: FIRST, status: 'open' }), () => {
            setStatus(words.welcome.runAgainStarted);
            onStart?.();
          })
        }
      >
        {words.welcome.runAgain}
      </button>
      <Alert message={status} tone="info" />
      <Alert message={error} />
    </div>
  );
}
