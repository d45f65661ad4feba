import { useEffect, useRef, useState } from 'preact/hooks';
import { clipText } from '../../lib/rules/text';
import type { PlanEntry } from '../../lib/db/schema';
import { errorText } from '../i18n/errorText';
import { MAX_PLAN_STEP, MAX_PLAN_TRIGGER } from '../../lib/plan';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { useAction, useLiveQuery } from '../ui/hooks';
import { ItemActions } from '../ui/ItemActions';
import { focusLater, refocusArrows, UndoStatus, type UndoState } from '../ui/UndoStatus';

interface EntryFormProps {
  initial?: PlanEntry;
  onSubmit: (input: { trigger: string; steps: string[] }) => Promise<void>;
  onCancel?: () => void;
}

/** One situation and its ordered steps; steps can be added, edited, moved and removed. */
function EntryForm({ initial, onSubmit, onCancel }: EntryFormProps) {
  const [trigger, setTrigger] = useState(initial?.trigger ?? '');
  const [steps, setSteps] = useState<string[]>(initial?.steps ?? ['']);
  const [error, setError] = useState<string | null>(null);
  const id = `plan-${initial?.id ?? 'new'}`;
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (initial) first.current?.focus();
  }, []);

  const setStep = (i: number, text: string) => setSteps((s) => s.map((x, j) => (j === i ? text : x)));
  const moveStep = (i: number, by: -1 | 1) =>
    setSteps((s) => {
      const next = [...s];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });

  async function submit(e: Event) {
    e.preventDefault();
    try {
      await onSubmit({ trigger, steps });
      setError(null);
      if (!initial) {
        setTrigger('');
        setSteps(['']);
      }
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} class="plan-form" noValidate aria-label={initial ? `Edit plan for ${initial.trigger}` : 'Add to my plan'}>
      <label for={`${id}-trigger`}>High-risk situation</label>
      <input ref={first} id={`${id}-trigger`} type="text" value={trigger} placeholder="e.g. Payday, a late shift" onInput={(e) => setTrigger((e.currentTarget.value = clipText(e.currentTarget.value, MAX_PLAN_TRIGGER)))} />
      <fieldset>
        <legend>Coping steps, in the order to try them</legend>
        <ol class="step-list">
          {steps.map((step, i) => (
            <li key={i} class="row">
              <label class="visually-hidden" for={`${id}-step-${i}`}>
                Step {i + 1}
              </label>
              <input id={`${id}-step-${i}`} type="text" value={step} onInput={(e) => setStep(i, (e.currentTarget.value = clipText(e.currentTarget.value, MAX_PLAN_STEP)))} />
              <button id={`${id}-up-${i}`} type="button" class="secondary" disabled={i === 0} onClick={() => (moveStep(i, -1), refocusArrows(`${id}-up-${i - 1}`, `${id}-down-${i - 1}`, 'up'))} aria-label={`Move step ${i + 1} up`}>
                ↑
              </button>
              <button id={`${id}-down-${i}`} type="button" class="secondary" disabled={i === steps.length - 1} onClick={() => (moveStep(i, 1), refocusArrows(`${id}-up-${i + 1}`, `${id}-down-${i + 1}`, 'down'))} aria-label={`Move step ${i + 1} down`}>
                ↓
              </button>
              <button type="button" class="secondary" disabled={steps.length === 1} onClick={() => setSteps((s) => s.filter((_, j) => j !== i))} aria-label={`Remove step ${i + 1}`}>
                ✕
              </button>
            </li>
          ))}
        </ol>
        <button type="button" class="secondary" onClick={() => setSteps((s) => [...s, ''])}>
          Add a step
        </button>
      </fieldset>
      <Alert message={error} />
      <div class="row">
        <button type="submit">{initial ? 'Save changes' : 'Add to my plan'}</button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** The relapse-prevention plan: situations that are risky for the person and what helps. */
export function PlanEditor({ services }: { services: AppServices }) {
  const entries = useLiveQuery(() => services.plan.entries(), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<UndoState | null>(null);
  const [error, act] = useAction();
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading" tabIndex={-1}>
        My recovery plan
      </h2>
      <p class="hint">Name the situations that pull at you, and the steps that help, in the order you’d try them. They show up when you log a hard moment that names the situation, and in the crisis sheet.</p>
      <Alert message={error} />
      <UndoStatus status={status} onUndo={(id) => act(services.plan.restoreEntry(id), () => (setStatus(null), focusLater('plan-heading')))} />
      {entries && entries.length === 0 && <p class="hint">Your plan is empty. Add a first situation below.</p>}
      <ul class="entries" aria-label="Plan">
        {(entries ?? []).map((e, i) => (
          <li key={e.id}>
            {editing === e.id ? (
              <EntryForm
                initial={e}
                onCancel={() => (setEditing(null), focusLater(`plan-edit-${e.id}`))}
                onSubmit={async (input) => {
                  await services.plan.updateEntry(e.id, input);
                  setEditing(null);
                  setStatus({ message: 'Plan updated.' });
                  focusLater(`plan-edit-${e.id}`);
                }}
              />
            ) : (
              <div class="entry">
                <div>
                  <p class="plan-trigger">{e.trigger}</p>
                  <ol>
                    {e.steps.map((s, k) => (
                      <li key={k}>{s}</li>
                    ))}
                  </ol>
                </div>
                <ItemActions
                  prefix="plan"
                  id={e.id}
                  name={e.trigger}
                  index={i}
                  count={entries?.length ?? 0}
                  run={act}
                  onEdit={() => setEditing(e.id)}
                  onMove={(by) => services.plan.moveEntry(e.id, by)}
                  onDelete={() => act(services.plan.removeEntry(e.id), () => setStatus({ message: `Removed “${e.trigger}” from your plan.`, undo: e.id }))}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
      <h3>Add a situation</h3>
      <EntryForm
        onSubmit={async (input) => {
          await services.plan.addEntry(input);
          setStatus({ message: 'Added to your plan.' });
        }}
      />
    </section>
  );
}
