import { useEffect, useId, useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { errorText } from '../i18n/errorText';
import { LOCALES, words } from '../i18n';
import { Alert } from '../ui/Alert';

/**
 * The language of Tandem on this device: English, Spanish, or whatever the browser prefers.
 * Choosing one reloads the page, so every screen switches at once (components/app/start.tsx
 * loads the chosen language before the first render).
 */
export function LanguageChoice({ services, reload = () => location.reload() }: { services: AppServices; reload?: () => void }) {
  const id = useId();
  // null while reading; '' is "same as the browser".
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    services.store.language().then(
      (code) => setChosen(code && (LOCALES as readonly string[]).includes(code) ? code : ''),
      () => setChosen(''),
    );
  }, []);

  async function choose(code: string) {
    setError(null);
    setChosen(code);
    try {
      await services.store.saveLanguage(code === '' ? undefined : code);
    } catch (err) {
      setError(errorText(err));
      return;
    }
    reload();
  }

  return (
    <div class="language-choice">
      <label for={`${id}-language`}>{words.settings.languageLabel}</label>
      <select
        id={`${id}-language`}
        aria-describedby={`${id}-language-hint`}
        disabled={chosen === null}
        value={chosen ?? ''}
        onChange={(e) => void choose(e.currentTarget.value)}
      >
        <option value="">{words.settings.languageBrowser}</option>
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {words.settings.languageNames[code]}
          </option>
        ))}
      </select>
      <p class="hint" id={`${id}-language-hint`}>
        {words.settings.languageHint}
      </p>
      <Alert message={error} />
    </div>
  );
}
