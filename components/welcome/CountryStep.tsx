import { useState } from 'preact/hooks';
import { emergencyNumber, guessCountry } from '../../lib/emergency';
import { fmt, words } from '../i18n';
import { sortedCountries } from './rules';
import { Loading, StepFrame, useStepRead, type StepProps, type StepRead } from './StepFrame';

export const readCountry: StepRead<string | null> = async (services) => (await services.store.country()) ?? null;

/** Step 4: the country, for the crisis sheet's emergency number. The browser's region is only where the picker starts. */
export function CountryStep(props: StepProps) {
  const { value: stored, error } = useStepRead(readCountry, props);
  if (stored === undefined) return <Loading error={error} />;
  return <CountryForm {...props} initial={stored ?? guessCountry(navigator.languages) ?? ''} />;
}

function CountryForm({ services, initial, onSaved, ...frame }: StepProps & { initial: string }) {
  const w = words.welcome.country;
  const [code, setCode] = useState(emergencyNumber(initial) ? initial : '');
  const countries = sortedCountries(w.name, fmt.tag);
  const number = emergencyNumber(code);

  async function save(): Promise<string | void> {
    if (!number) return w.pick;
    await services.store.saveCountry(code);
    onSaved(w.saved(w.name(code), number));
  }

  return (
    <StepFrame {...frame} id="country" title={w.heading} intro={w.intro} submit={w.save} onSubmit={save}>
      <label for="welcome-country">{w.label}</label>
      <select id="welcome-country" value={code} aria-describedby="welcome-country-number" onChange={(e) => setCode(e.currentTarget.value)}>
        <option value="">{w.choose}</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      <p class="welcome-number" id="welcome-country-number">
        {number ? w.number(number) : ''}
      </p>
      <p class="hint">{w.notListed}</p>
    </StepFrame>
  );
}
