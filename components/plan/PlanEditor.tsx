import { useEffect, useRef, useState } from 'preact/hooks';
import { clipText } from '../../lib/rules/text';
import { labelKey } from '../../lib/text';
import type { PlanEntry } from '../../lib/db/schema';
import { MAX_PLAN_STEP, MAX_PLAN_TRIGGER } from '../../lib/plan';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { useLiveQuery } from '../ui/hooks';
import { ListEditor, useItemSubmit, type ItemFormProps } from '../ui/ListEditor';
import { refocusArrows } from '../ui/UndoStatus';
import { words } from '../i18n';

type EntryInput = { trigger: string; steps: string[] };

/** One situation and its ordered steps; steps can be added, edited, moved and removed. */
function EntryForm({ initial, draft, onSubmit, onCancel }: ItemFormProps<PlanEntry, EntryInput>) {
  const w = words.plan;
  const [trigger, setTrigger] = useState(initial?.trigger ?? draft?.trigger ?? '');
  const [steps, setSteps] = useState<string[]>(initial?.steps ?? draft?.steps ?? ['']);
  const [error, submit] = useItemSubmit({ initial, onSubmit }, () => {
    setTrigger('');
    setSteps(['']);
  });
  const id = `plan-${initial?.id ?? 'new'}`;
  const first = useRef<HTMLInputElement>(null);
  const firstStep = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (initial) first.current?.focus();
    // Asked for from Insights: the situation is there, the first step is what to write.
    else if (draft) {
      firstStep.current?.scrollIntoView({ block: 'center' });
      firstStep.current?.focus();
    }
  }, []);

  const setStep = (i: number, text: string) => setSteps((s) => s.map((x, j) => (j === i ? text : x)));
  const moveStep = (i: number, by: -1 | 1) =>
    setSteps((s) => {
      const next = [...s];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });

  return (
    <form onSubmit={(e) => void submit(e, { trigger, steps })} class="plan-form" noValidate aria-label={initial ? w.editForm(initial.trigger) : w.addForm}>
      <label for={`${id}-trigger`}>{w.situation}</label>
      <input ref={first} id={`${id}-trigger`} type="text" value={trigger} placeholder={w.situationExample} onInput={(e) => setTrigger((e.currentTarget.value = clipText(e.currentTarget.value, MAX_PLAN_TRIGGER)))} />
      <fieldset>
        <legend>{w.stepsLegend}</legend>
        <ol class="step-list">
          {steps.map((step, i) => (
            <li key={i} class="row">
              <label class="visually-hidden" for={`${id}-step-${i}`}>
                {w.step(i + 1)}
              </label>
              <input ref={i === 0 ? firstStep : undefined} id={`${id}-step-${i}`} type="text" value={step} onInput={(e) => setStep(i, (e.currentTarget.value = clipText(e.currentTarget.value, MAX_PLAN_STEP)))} />
              <button id={`${id}-up-${i}`} type="button" class="secondary" disabled={i === 0} onClick={() => (moveStep(i, -1), refocusArrows(`${id}-up-${i - 1}`, `${id}-down-${i - 1}`, 'up'))} aria-label={w.stepUp(i + 1)}>
                ↑
              </button>
              <button id={`${id}-down-${i}`} type="button" class="secondary" disabled={i === steps.length - 1} onClick={() => (moveStep(i, 1), refocusArrows(`${id}-up-${i + 1}`, `${id}-down-${i + 1}`, 'down'))} aria-label={w.stepDown(i + 1)}>
                ↓
              </button>
              <button type="button" class="secondary" disabled={steps.length === 1} onClick={() => setSteps((s) => s.filter((_, j) => j !== i))} aria-label={w.stepRemove(i + 1)}>
                ✕
              </button>
            </li>
          ))}
        </ol>
        <button type="button" class="secondary" onClick={() => setSteps((s) => [...s, ''])}>
          {w.addStep}
        </button>
      </fieldset>
      <Alert message={error} />
      <div class="row">
        <button type="submit">{initial ? w.saveChanges : w.addSubmit}</button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {words.main.cancel}
          </button>
        )}
      </div>
    </form>
  );
}

/** The relapse-prevention plan: situations that are risky for the person and what helps. */
/**
 * My plan. `planFor` (a situation an insight pointed at) opens that situation's entry to edit, or
 * a new one holding it.
 */
export function PlanEditor({ services, planFor = null }: { services: AppServices; planFor?: string | null }) {
  const w = words.plan;
  const { plan } = services;
  const entries = useLiveQuery(() => plan.entries(), []);
  if (planFor && entries === undefined) return null;
  const match = planFor ? entries?.find((e) => labelKey(e.trigger) === labelKey(planFor)) : undefined;
  return (
    <ListEditor<PlanEntry, EntryInput>
      prefix="plan"
      headingId="plan-heading"
      heading={w.heading}
      intro={w.intro}
      listLabel={w.listLabel}
      empty={w.empty}
      addHeading={w.addHeading}
      startEditing={match?.id ?? null}
      addDraft={planFor && !match ? { trigger: planFor, steps: [''] } : null}
      store={{
        load: () => plan.entries(),
        add: (input) => plan.addEntry(input),
        update: (id, input) => plan.updateEntry(id, input),
        move: (id, by) => plan.moveEntry(id, by),
        remove: (id) => plan.removeEntry(id),
        restore: (id) => plan.restoreEntry(id),
      }}
      Form={EntryForm}
      itemName={(e) => e.trigger}
      renderItem={(e) => (
        <div>
          <p class="plan-trigger" data-user-text>
            {e.trigger}
          </p>
          <ol>
            {e.steps.map((s, k) => (
              <li key={k} data-user-text>
                {s}
              </li>
            ))}
          </ol>
        </div>
      )}
      words={{ updated: w.updated, added: () => w.added, removed: (e) => w.removed(e.trigger) }}
    />
  );
}
