import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { WellbeingAnswer } from '../../lib/db/schema';
import type { AppServices } from '../../lib/services';
import { WHO5_ANSWERS, WHO5_ITEMS, suggestsTalking, wellbeingBand } from '../../lib/wellbeing';
import { errorText } from '../i18n/errorText';
import { Alert } from '../ui/Alert';
import { words } from '../i18n';
import './wellbeing.css';

type Phase = 'offer' | 'form' | 'done' | 'hidden';

interface Props {
  services: Pick<AppServices, 'wellbeing'>;
  onCrisis: () => void;
  /** Whether it is due, as the page already read it (so it shows with the page, or not at all). */
  due?: boolean;
}

/**
 * The WHO-5 check, offered on the Check in page when it is due (at most once every 14 days).
 * One quiet card: Start or Skip, nothing more; it never comes back the same fortnight.
 */
export function WellbeingCheck({ services, onCrisis, due }: Props) {
  const id = useId();
  const [phase, setPhase] = useState<Phase>(due ? 'offer' : 'hidden');
  const [answers, setAnswers] = useState<(WellbeingAnswer | null)[]>(() => new Array(WHO5_ITEMS).fill(null));
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ score: number } | 'skipped' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const w = words.wellbeing;

  useEffect(() => {
    if (due !== undefined) return;
    let live = true;
    services.wellbeing.due().then(
      (due) => live && due && setPhase('offer'),
      (err: unknown) => console.error(err),
    );
    return () => {
      live = false;
    };
  }, [services.wellbeing]);
  useEffect(() => {
    if (phase === 'form' || phase === 'done') heading.current?.focus();
  }, [phase]);

  if (phase === 'hidden') return null;

  async function save(e: Event) {
    e.preventDefault();
    const missing = answers.filter((a) => a === null).length;
    if (missing > 0) {
      setError(w.missing(missing));
      return;
    }
    try {
      const saved = await services.wellbeing.answer(answers as WellbeingAnswer[]);
      setResult({ score: (saved.answers ?? []).reduce<number>((s, a) => s + a, 0) * 4 });
      setError(null);
      setPhase('done');
    } catch (err) {
      setError(errorText(err));
    }
  }

  async function skip() {
    try {
      await services.wellbeing.skip();
      setResult('skipped');
      setPhase('done');
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <section class="card wellbeing" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {phase === 'form' ? w.formHeading : w.offerHeading}
      </h2>
      {phase === 'offer' && (
        <>
          <p>{w.offerIntro}</p>
          <div class="row">
            <button type="button" onClick={() => setPhase('form')}>
              {w.start}
            </button>
            <button type="button" class="secondary" onClick={() => void skip()}>
              {w.skip}
            </button>
          </div>
        </>
      )}
      {phase === 'form' && (
        <form onSubmit={(e) => void save(e)} noValidate>
          <p>{w.formIntro}</p>
          <p class="who5-stem">
            <strong>{w.who5.stem}</strong>
          </p>
          {w.who5.items.map((item, i) => (
            <fieldset key={i} class="who5-item">
              <legend>{item}</legend>
              <div class="who5-answers">
                {WHO5_ANSWERS.map((value) => (
                  <label key={value} class="check">
                    <input
                      type="radio"
                      name={`${id}-q${i}`}
                      value={value}
                      checked={answers[i] === value}
                      onChange={() => setAnswers(answers.map((a, j) => (j === i ? value : a)))}
                    />
                    {w.who5.answers[value]} ({value})
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div class="row">
            <button type="submit">{w.save}</button>
            <button type="button" class="secondary" onClick={() => void skip()}>
              {w.skip}
            </button>
          </div>
          <Alert message={error} />
          <p class="hint">{w.credit}</p>
          {w.languageNote && <p class="hint">{w.languageNote}</p>}
        </form>
      )}
      {phase === 'done' && result === 'skipped' && <p role="status">{w.skipped}</p>}
      {phase === 'done' && result !== null && result !== 'skipped' && (
        <>
          <p role="status">{w.saved(result.score)}</p>
          <p>{w.bands[wellbeingBand(result.score)]}</p>
          {suggestsTalking(result.score) && <TalkSuggestion onCrisis={onCrisis} />}
        </>
      )}
      {phase !== 'form' && <Alert message={error} />}
    </section>
  );
}

/** For a low score: a gentle word about talking, and the crisis sheet one tap away. */
export function TalkSuggestion({ onCrisis }: { onCrisis: () => void }) {
  return (
    <div class="talk">
      <p>{words.wellbeing.talk}</p>
      <button type="button" class="secondary" onClick={onCrisis}>
        {words.wellbeing.crisis}
      </button>
    </div>
  );
}
