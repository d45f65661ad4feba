import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../i18n/errorText';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { words } from '../i18n';
import type { StepId } from './rules';

/** What every step gets from the welcome. */
export interface StepProps {
  services: AppServices;
  /** The step's heading level: 3 inside the panel, 2 on the welcome page. */
  level: 2 | 3;
  /** Focus the step's heading when it appears (after the person moved on, not on page load). */
  focus: boolean;
  /** The step is saved: move on, and say what was set. */
  onSaved(notice: string): void;
  onSkip(): void;
  /** What the page already read for the step it opens on (see `useStepRead`). */
  opened?: OpenedStep;
}

/** What a step's form starts from, read from the store. */
export type StepRead<T> = (services: AppServices) => Promise<T>;

/** A step's read, done before the welcome was first drawn, so that it opens on the form itself. */
export interface OpenedStep {
  read: StepRead<unknown>;
  value: unknown;
}

interface FrameProps extends Omit<StepProps, 'services' | 'onSaved'> {
  id: StepId;
  title: string;
  intro?: ComponentChildren;
  submit: string;
  /** Saves the step; a returned text is shown as the reason it could not be saved. */
  onSubmit(): Promise<string | void>;
  children: ComponentChildren;
}

/** A step: its question, its fields, one button that saves and moves on, and *Skip for now*. */
export function StepFrame({ id, title, intro, level, focus, submit, onSubmit, onSkip, children }: FrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, []);
  const Heading = level === 2 ? 'h2' : 'h3';

  async function save(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const refused = await onSubmit();
      if (refused) setError(refused);
    } catch (err) {
      setError(errorText(err));
    }
    setBusy(false);
  }

  return (
    <form class="welcome-step" aria-labelledby={`welcome-q-${id}`} noValidate onSubmit={(e) => void save(e)}>
      <Heading id={`welcome-q-${id}`} class="welcome-question" tabIndex={-1} ref={heading}>
        {title}
      </Heading>
      {intro && <p>{intro}</p>}
      {children}
      <Alert message={error} />
      <div class="row welcome-actions">
        <button type="submit" disabled={busy}>
          {submit}
        </button>
        <button type="button" class="secondary" onClick={onSkip}>
          {words.welcome.skip}
        </button>
      </div>
    </form>
  );
}

/** Reads what a step starts from; shows "Loading…" until then, and a failure as a message. */
export function useLoaded<T>(load: () => Promise<T>, already?: { value: T }): { value: T | undefined; error: string | null } {
  const [value, setValue] = useState<T | undefined>(already?.value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!already) load().then(setValue, (err: unknown) => setError(errorText(err)));
  }, []);
  return { value, error };
}

/** A step's read: what the page read already when it was the same read, else read now. */
export function useStepRead<T>(read: StepRead<T>, { services, opened }: Pick<StepProps, 'services' | 'opened'>) {
  // The same function read it, so its value is this T.
  return useLoaded(() => read(services), opened?.read === read ? { value: opened.value as T } : undefined);
}

export function Loading({ error }: { error: string | null }) {
  return error ? <Alert message={error} /> : <p class="hint">{words.welcome.loading}</p>;
}
