import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { errorText } from '../i18n/errorText';
import { Alert } from '../ui/Alert';
import { words } from '../i18n';
import { CountryStep } from './CountryStep';
import { DayEndStep } from './DayEndStep';
import { EndStep } from './EndStep';
import { HoursStep } from './HoursStep';
import { PersonStep } from './PersonStep';
import { nextPlace, placeOf, STEPS, type Place, type StepId } from './rules';
import { SituationStep } from './SituationStep';
import type { StepProps } from './StepFrame';
import { ValueStep } from './ValueStep';
import './welcome.css';

const STEP_VIEWS: Record<StepId, ComponentType<StepProps>> = {
  hours: HoursStep,
  dayEnd: DayEndStep,
  person: PersonStep,
  country: CountryStep,
  situation: SituationStep,
  value: ValueStep,
};

interface Props {
  services: AppServices;
  /**
   * The end was reached and the person is asked how they are: the app shell shows the check-in
   * (the panel calls it on arriving at the end; the page, from its *Check in now* button).
   */
  onDone?: () => void;
  /** 'panel': above the moods in the app; 'page': a page of its own (the extension's welcome tab). */
  layout?: 'panel' | 'page';
  /** The panel was put away (*Hide the welcome*); its progress is kept. */
  onHide?: () => void;
}

/**
 * The welcome: a few skippable steps that set Tandem up, each saved as it is answered (so
 * closing the page loses at most the step on screen), with the progress kept on this device.
 */
export function Welcome({ services, onDone, layout = 'page', onHide }: Props) {
  const { store } = services;
  const [place, setPlace] = useState<Place | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Headings take focus only once the person has moved on, never as the page loads.
  const [moved, setMoved] = useState(false);
  const level = layout === 'panel' ? 3 : 2;

  useEffect(() => {
    if (layout === 'page') document.title = words.welcome.title;
    store.welcome().then(
      (progress) => {
        const at = progress?.status === 'done' ? 'end' : placeOf(progress);
        setPlace(at);
        if (progress === undefined) void store.saveWelcome({ step: at, status: 'open' }).catch(() => undefined);
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, []);

  function go(next: Place, said: string | null) {
    setNotice(said);
    setPlace(next);
    setMoved(true);
    // Kept for resuming; a failure to keep it must not stop the person.
    void store.saveWelcome({ step: next, status: next === 'end' ? 'done' : 'open' }).catch(() => undefined);
    if (next === 'end' && layout === 'panel') requestAnimationFrame(() => onDone?.());
  }

  function hide() {
    if (place !== null) void store.saveWelcome({ step: place, status: place === 'end' ? 'done' : 'closed' }).catch(() => undefined);
    onHide?.();
  }

  const Title = layout === 'panel' ? 'h2' : 'h1';
  const index = place === null || place === 'end' ? -1 : STEPS.indexOf(place);
  const Step = place !== null && place !== 'end' ? STEP_VIEWS[place] : null;
  const body = (
    <>
      <div class="welcome-head">
        <Title id="welcome-title">{words.welcome.title}</Title>
        {layout === 'panel' && (
          <button type="button" class="secondary" onClick={hide}>
            {words.welcome.hide}
          </button>
        )}
      </div>
      {place === STEPS[0] && <p>{words.welcome.intro}</p>}
      {index >= 0 && <p class="hint welcome-progress">{words.welcome.progress(index + 1, STEPS.length)}</p>}
      <Alert message={notice} tone="info" />
      <Alert message={error} />
      {place === null && !error && <p class="hint">{words.welcome.loading}</p>}
      {Step && place !== null && place !== 'end' && (
        <Step
          key={place}
          services={services}
          level={level}
          focus={moved}
          onSaved={(said) => go(nextPlace(place), said)}
          onSkip={() => go(nextPlace(place), null)}
        />
      )}
      {place === 'end' && <EndStep services={services} level={level} focus={moved && layout === 'page'} layout={layout} onDone={onDone} />}
    </>
  );
  return layout === 'panel' ? (
    <section class="welcome welcome-panel" aria-labelledby="welcome-title">
      {body}
    </section>
  ) : (
    <main class="welcome welcome-page" aria-labelledby="welcome-title">
      {body}
    </main>
  );
}
