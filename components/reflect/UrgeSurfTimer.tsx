import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../i18n/errorText';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { StrengthSelect, TriggerPicker } from './ReflectionForm';
import { words } from '../i18n';

const LENGTHS = [10, 15, 20] as const;

function mmss(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

type Phase = { name: 'setup' } | { name: 'running'; endsAt: number; startedAt: number } | { name: 'ended'; minutes: number };

/**
 * A calm countdown for riding out an urge. It ends by asking how strong the urge is now and
 * saves the episode as a hard moment got through, so the plan learns what works.
 */
export function UrgeSurfTimer({ services, onSaved }: { services: AppServices; onSaved: (message: string) => void }) {
  const { clock } = services;
  const [length, setLength] = useState<number>(15);
  const [phase, setPhase] = useState<Phase>({ name: 'setup' });
  const [now, setNow] = useState(clock.now());
  const [before, setBefore] = useState<number | null>(null);
  const [after, setAfter] = useState<number | null>(null);
  const [triggers, setTriggers] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const endHeading = useRef<HTMLParagraphElement>(null);
  const countdown = useRef<HTMLParagraphElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (phase.name !== 'running') return;
    const timer = setInterval(() => {
      const t = clock.now();
      setNow(t);
      if (t >= phase.endsAt) end(phase.startedAt, t);
    }, 1000);
    return () => clearInterval(timer);
  }, [phase]);

  // The pressed button disappears with each phase: focus moves to what replaces it.
  useEffect(() => {
    if (phase.name === 'ended') endHeading.current?.focus();
    if (phase.name === 'running') countdown.current?.focus();
  }, [phase.name]);

  function end(startedAt: number, at: number) {
    setPhase({ name: 'ended', minutes: Math.min(60, Math.max(1, Math.round((at - startedAt) / 60_000))) });
  }

  async function save(e: Event) {
    e.preventDefault();
    if (phase.name !== 'ended') return;
    if (after === null) {
      setError(words.reflect.urgeNeedStrength);
      return;
    }
    try {
      await services.reflections.add({
        kind: 'near-miss',
        triggers,
        strength: before,
        strengthAfter: after,
        steps: [words.reflect.urgeStep],
        urgeSurfMinutes: phase.minutes,
      });
      setPhase({ name: 'setup' });
      setTriggers([]);
      setBefore(null);
      setAfter(null);
      setError(null);
      onSaved(words.reflect.nearMissSaved);
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <section aria-labelledby="urge-heading" class="urge">
      <h3 id="urge-heading">{words.reflect.urgeHeading}</h3>
      <p class="hint">{words.reflect.urgeIntro}</p>
      {phase.name === 'setup' && (
        <>
          <fieldset>
            <legend>{words.reflect.urgeLength}</legend>
            <div class="chips">
              {LENGTHS.map((m) => (
                <button type="button" key={m} class="toggle" aria-pressed={length === m} onClick={() => setLength(m)}>
                  {words.reflect.minutes(m)}
                </button>
              ))}
            </div>
          </fieldset>
          <StrengthSelect id="urge-before" label={words.reflect.urgeStrengthStart} value={before} onChange={setBefore} />
          <button
            ref={startButton}
            type="button"
            class="wide"
            onClick={() => {
              const t = clock.now();
              setNow(t);
              setPhase({ name: 'running', startedAt: t, endsAt: t + length * 60_000 });
            }}
          >
            {words.reflect.urgeStart}
          </button>
        </>
      )}
      {phase.name === 'running' && (
        <>
          <p ref={countdown} tabIndex={-1} class="countdown" role="timer" aria-label={words.reflect.urgeTimeLeft}>
            {mmss(phase.endsAt - now)}
          </p>
          <p class="breathe">{words.reflect.urgeBreathe}</p>
          <div class="row">
            <button type="button" onClick={() => end(phase.startedAt, clock.now())}>
              {words.reflect.urgeDone}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setPhase({ name: 'setup' });
                requestAnimationFrame(() => startButton.current?.focus());
              }}
            >
              {words.reflect.urgeStop}
            </button>
          </div>
        </>
      )}
      {phase.name === 'ended' && (
        <form onSubmit={(e) => void save(e)} noValidate>
          <p ref={endHeading} tabIndex={-1} class="ended">
            {words.reflect.urgeEnded}
          </p>
          <StrengthSelect id="urge-after" label={words.reflect.strengthAfter} value={after} onChange={setAfter} />
          <TriggerPicker services={services} value={triggers} onChange={setTriggers} idBase="urge" />
          <Alert message={error} />
          <button type="submit">{words.reflect.urgeSave}</button>
        </form>
      )}
    </section>
  );
}
