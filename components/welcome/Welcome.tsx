import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { errorText } from '../i18n/errorText';
import { Alert } from '../ui/Alert';
import { words } from '../i18n';
import { CountryStep, readCountry } from './CountryStep';
import { DayEndStep } from './DayEndStep';
import { EndStep } from './EndStep';
import { HoursStep, readHours } from './HoursStep';
import { PersonStep, readContacts } from './PersonStep';
import type { WelcomeProgress } from '../../lib/kv';
import { nextPlace, placeOf, STEPS, type Place, type StepId } from './rules';
import { SituationStep } from './SituationStep';
import type { OpenedStep, StepProps, StepRead } from './StepFrame';
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
/** What each step's form starts from (the value step starts empty). */
const STEP_READS: Partial<Record<StepId, StepRead<unknown>>> = {
  hours: readHours,
  dayEnd: readHours,
  person: readContacts,
  country: readCountry,
  situation: readContacts,
};

/** Where the welcome resumes from what was stored. */
const resumeAt = (progress: WelcomeProgress | undefined): Place => (progress?.status === 'done' ? 'end' : placeOf(progress));

/**
 * What the welcome opens on, read before it is drawn (the web app's panel): its first frame is
 * the step's form, not "Loading" and then a form that pushes the check-in down.
 */
export interface WelcomeStart {
  progress: WelcomeProgress | undefined;
  step?: OpenedStep;
}

export async function readWelcomeStart(services: AppServices, progress: WelcomeProgress | undefined): Promise<WelcomeStart> {
  const place = resumeAt(progress);
  const read = place === 'end' ? undefined : STEP_READS[place];
  // A read that fails here is tried again by the step, which says why if it fails again.
  const value = read && (await read(services).then((v) => ({ v }), () => undefined));
  return { progress, step: read && value ? { read, value: value.v } : undefined };
}

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
  /** What the page already read (readWelcomeStart), so the first frame shows the step's form. */
  opened?: WelcomeStart;
}

/**
 * The welcome: a few skippable steps that set Tandem up, each saved as it is answered (so
 * closing the page loses at most the step on screen), with the progress kept on this device.
 */
export function Welcome({ services, onDone, layout = 'page', onHide, opened }: Props) {
  const { store } = services;
  const [place, setPlace] = useState<Place | null>(opened ? resumeAt(opened.progress) : null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Headings take focus only once the person has moved on, never as the page loads.
  const [moved, setMoved] = useState(false);
  const level = layout === 'panel' ? 3 : 2;

  useEffect(() => {
    if (layout === 'page') document.title = words.welcome.title;
    // A first start is kept as one, so closing the page now resumes the welcome next time.
    const begun = (progress: WelcomeProgress | undefined) => {
      if (progress === undefined) void store.saveWelcome({ step: resumeAt(progress), status: 'open' }).catch(() => undefined);
    };
    if (opened) {
      begun(opened.progress);
      return;
    }
    store.welcome().then(
      (progress) => {
        setPlace(resumeAt(progress));
        begun(progress);
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
          opened={moved ? undefined : opened?.step}
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
