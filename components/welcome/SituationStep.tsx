import { useState } from 'preact/hooks';
import { FIELDS } from '../../lib/rules/fields';
import { clipText } from '../../lib/rules/text';
import { words } from '../i18n';
import { MAX_STEPS, toggleSuggestion } from './rules';
import { readContacts } from './PersonStep';
import { Loading, StepFrame, useStepRead, type StepProps } from './StepFrame';

/** Step 5: one risky situation and one to three coping steps, from ideas the person may pick and change. */
export function SituationStep({ services, onSaved, opened, ...frame }: StepProps) {
  const w = words.welcome.situation;
  // The first person on the crisis sheet, if any, is an idea too ("Call or text <name>").
  const { value: contacts, error } = useStepRead(readContacts, { services, opened });
  const [trigger, setTrigger] = useState('');
  const [steps, setSteps] = useState<string[]>(() => Array.from({ length: MAX_STEPS }, () => ''));
  if (!contacts) return <Loading error={error} />;
  const person = contacts.find((c) => c.role !== 'helpline');
  const ideas = [...(person ? [w.callPerson(person.name)] : []), ...w.stepIdeas];
  const picked = (idea: string) => steps.some((s) => s.trim() === idea);
  const full = steps.every((s) => s.trim() !== '');

  async function save() {
    const entry = await services.plan.addEntry({ trigger, steps: steps.filter((s) => s.trim() !== '') });
    onSaved(w.saved(entry.trigger));
  }

  return (
    <StepFrame {...frame} id="situation" title={w.heading} intro={w.intro} submit={w.save} onSubmit={save}>
      <label for="welcome-situation">{w.label}</label>
      <input
        id="welcome-situation"
        type="text"
        autocomplete="off"
        value={trigger}
        onInput={(e) => setTrigger((e.currentTarget.value = clipText(e.currentTarget.value, FIELDS.trigger.max)))}
      />
      <div class="chips welcome-ideas" role="group" aria-label={w.ideasLabel}>
        {w.ideas.map((idea) => (
          <button
            key={idea}
            type="button"
            class="toggle"
            aria-pressed={trigger.trim() === idea ? 'true' : 'false'}
            onClick={() => setTrigger(trigger.trim() === idea ? '' : idea)}
          >
            {idea}
          </button>
        ))}
      </div>
      <fieldset>
        <legend>{w.stepsLegend}</legend>
        {steps.map((step, i) => (
          <div key={i}>
            <label for={`welcome-step-${i}`}>{w.step(i + 1)}</label>
            <input
              id={`welcome-step-${i}`}
              class="welcome-wide"
              type="text"
              autocomplete="off"
              value={step}
              onInput={(e) => {
                const text = (e.currentTarget.value = clipText(e.currentTarget.value, FIELDS.step.max));
                setSteps(steps.map((s, j) => (j === i ? text : s)));
              }}
            />
          </div>
        ))}
        <p class="hint" id="welcome-step-ideas-hint">
          {w.stepIdeasHint}
        </p>
        <div class="chips welcome-ideas" role="group" aria-label={w.stepIdeasLabel} aria-describedby="welcome-step-ideas-hint">
          {ideas.map((idea) => (
            <button
              key={idea}
              type="button"
              class="toggle"
              aria-pressed={picked(idea) ? 'true' : 'false'}
              disabled={full && !picked(idea)}
              onClick={() => setSteps(toggleSuggestion(steps, idea))}
            >
              {idea}
            </button>
          ))}
        </div>
      </fieldset>
    </StepFrame>
  );
}
