import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../i18n/errorText';
import type { AppServices } from '../../lib/services';
import { DEFAULT_URGE_MINUTES, msLeft, newUrgeTimer, URGE_LENGTHS, urgePhase, type UrgePhase, type UrgeTimer } from '../../lib/urge';
import { Alert } from '../ui/Alert';
import { StrengthSelect, TriggerPicker } from './ReflectionForm';
import { words } from '../i18n';

function mmss(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export interface UrgeTimerState {
  /** Null until the stored timer has been read. */
  phase: UrgePhase | null;
  now: number;
  start(minutes: number, strengthBefore: number | null): Promise<void>;
  /** "I'm through it": ends it now, keeping the ended state for the answer. */
  endNow(): Promise<void>;
  /** Stops without saving, or forgets it once saved. */
  clear(): Promise<void>;
}

/**
 * The urge timer as stored on this device (kv 'urge-timer'): it goes on counting while the
 * popup is closed, and every page that opens shows the same countdown. Each change is told to
 * the background, which keeps the toolbar badge and the end's alarm (lib/prompter.ts).
 */
export function useUrgeTimer(services: AppServices): UrgeTimerState {
  const { clock, store } = services;
  const [timer, setTimer] = useState<UrgeTimer | null | undefined>(undefined);
  const [now, setNow] = useState(clock.now());
  useEffect(() => {
    let live = true;
    store
      .urgeTimer()
      .catch(() => undefined)
      .then((stored) => {
        if (!live) return;
        setNow(clock.now());
        setTimer(urgePhase(stored, clock.now()).name === 'none' ? null : (stored as UrgeTimer));
      });
    return () => {
      live = false;
    };
  }, []);
  const phase = timer === undefined ? null : urgePhase(timer, now);
  const running = phase?.name === 'running';
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(clock.now()), 1000);
    return () => clearInterval(tick);
  }, [running]);

  async function keep(next: UrgeTimer | null) {
    setNow(clock.now());
    setTimer(next);
    await store.saveUrgeTimer(next ?? undefined);
    // The badge follows; a background slow to answer must not hold up the page.
    void services.reminders?.urgeChanged?.().catch(() => undefined);
  }
  return {
    phase,
    now,
    start: (minutes, strengthBefore) => keep(newUrgeTimer(clock.now(), minutes, strengthBefore)),
    endNow: async () => {
      if (timer) await keep({ ...timer, endedAt: clock.now() });
    },
    clear: () => keep(null),
  };
}

/** The crisis sheet's one-tap start: the default length, no questions first. */
export function UrgeQuickStart({ urge }: { urge: UrgeTimerState }) {
  return (
    <button type="button" class="crisis-action" onClick={() => void urge.start(DEFAULT_URGE_MINUTES, null)}>
      {words.reflect.urgeStartQuick(DEFAULT_URGE_MINUTES)}
    </button>
  );
}

/** The other lengths, and how strong the urge is before starting. */
export function UrgeSetup({ urge }: { urge: UrgeTimerState }) {
  const [length, setLength] = useState<number>(15);
  const [before, setBefore] = useState<number | null>(null);
  return (
    <>
      <p class="hint">{words.reflect.urgeIntro}</p>
      <fieldset>
        <legend>{words.reflect.urgeLength}</legend>
        <div class="chips">
          {URGE_LENGTHS.map((m) => (
            <button type="button" key={m} class="toggle" aria-pressed={length === m} onClick={() => setLength(m)}>
              {words.reflect.minutes(m)}
            </button>
          ))}
        </div>
      </fieldset>
      <StrengthSelect id="urge-before" label={words.reflect.urgeStrengthStart} value={before} onChange={setBefore} />
      <button type="button" class="wide" onClick={() => void urge.start(length, before)}>
        {words.reflect.urgeStart}
      </button>
    </>
  );
}

interface ActiveProps {
  services: AppServices;
  urge: UrgeTimerState;
  onSaved: (message: string) => void;
  /** Shown in its own window already: no "Open in a window". */
  inWindow?: boolean;
  /** Where focus goes after "Stop without saving" (the start button is back). */
  onStopped?: () => void;
}

/**
 * A running or ended timer: the calm countdown, then how strong the urge is now, saved as a
 * hard moment got through so the plan learns what works. Renders nothing otherwise.
 */
export function UrgeActive({ services, urge, onSaved, inWindow, onStopped }: ActiveProps) {
  const { phase, now } = urge;
  const [after, setAfter] = useState<number | null>(null);
  const [triggers, setTriggers] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const endHeading = useRef<HTMLParagraphElement>(null);
  const countdown = useRef<HTMLParagraphElement>(null);
  const name = phase?.name ?? null;
  // The pressed button disappears with each phase: focus moves to what replaces it. A timer
  // found running (or ended) when the page opens leaves the focus where the page put it.
  const seen = useRef<string | null>(null);
  useEffect(() => {
    const before = seen.current;
    seen.current = name;
    if (before === null) return;
    if (name === 'ended' && before !== 'ended') endHeading.current?.focus();
    if (name === 'running' && before !== 'running') countdown.current?.focus();
  }, [name]);

  if (!phase || (phase.name !== 'running' && phase.name !== 'ended')) return null;

  async function save(e: Event) {
    e.preventDefault();
    if (!phase || phase.name !== 'ended') return;
    if (after === null) {
      setError(words.reflect.urgeNeedStrength);
      return;
    }
    try {
      await services.reflections.add({
        kind: 'near-miss',
        triggers,
        strength: phase.timer.strengthBefore,
        strengthAfter: after,
        steps: [words.reflect.urgeStep],
        urgeSurfMinutes: phase.minutes,
      });
      await urge.clear();
      setTriggers([]);
      setAfter(null);
      setError(null);
      onSaved(words.reflect.nearMissSaved);
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <section aria-labelledby="urge-heading" class="urge urge-active">
      <h3 id="urge-heading">{words.reflect.urgeHeading}</h3>
      {phase.name === 'running' ? (
        <>
          <p ref={countdown} tabIndex={-1} class="countdown" role="timer" aria-label={words.reflect.urgeTimeLeft}>
            {mmss(msLeft(phase.timer, now))}
          </p>
          <p class="breathe">{words.reflect.urgeBreathe}</p>
          <div class="row">
            <button type="button" onClick={() => void urge.endNow()}>
              {words.reflect.urgeDone}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                void urge.clear();
                if (onStopped) requestAnimationFrame(onStopped);
              }}
            >
              {words.reflect.urgeStop}
            </button>
            {!inWindow && services.openWindow && (
              <button type="button" class="secondary" onClick={() => services.openWindow?.('urge')}>
                {words.reflect.openInWindow}
              </button>
            )}
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void save(e)} noValidate>
          <p ref={endHeading} tabIndex={-1} class="ended">
            {words.reflect.urgeEnded}
          </p>
          <StrengthSelect id="urge-after" label={words.reflect.strengthAfter} value={after} onChange={setAfter} />
          <TriggerPicker services={services} value={triggers} onChange={setTriggers} idBase="urge" />
          <Alert message={error} />
          <div class="row">
            <button type="submit">{words.reflect.urgeSave}</button>
            <button type="button" class="secondary" onClick={() => void urge.clear()}>
              {words.reflect.urgeStop}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/**
 * The timer in a small window of its own (the extension's popup page at #urge): it outlives
 * the popup, and shows the same countdown. Add to components/app/Popup.tsx:
 * `location.hash === '#urge' ? <UrgeWindow services={services} /> : <PopupContent … />`.
 */
export function UrgeWindow({ services }: { services: AppServices }) {
  const urge = useUrgeTimer(services);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    document.title = words.reflect.urgeHeading;
  }, []);
  const active = urge.phase?.name === 'running' || urge.phase?.name === 'ended';
  return (
    <main class="popup urge-window">
      <h1 class="visually-hidden">{words.reflect.urgeHeading}</h1>
      {active ? (
        <UrgeActive services={services} urge={urge} onSaved={setSaved} inWindow />
      ) : (
        urge.phase && (
          <section aria-labelledby="urge-window-start" class="urge">
            <h2 id="urge-window-start">{words.reflect.urgeHeading}</h2>
            <UrgeQuickStart urge={urge} />
            <UrgeSetup urge={urge} />
          </section>
        )
      )}
      <Alert message={saved} tone="info" />
      <button type="button" class="secondary wide" onClick={() => window.close()}>
        {words.reflect.closeWindow}
      </button>
    </main>
  );
}
