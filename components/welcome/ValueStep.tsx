import { useState } from 'preact/hooks';
import { FIELDS } from '../../lib/rules/fields';
import { clipText } from '../../lib/rules/text';
import { words } from '../i18n';
import { StepFrame, type StepProps } from './StepFrame';

/** Step 6, optional: one value, in the person's words. */
export function ValueStep({ services, onSaved, ...frame }: StepProps) {
  const w = words.welcome.value;
  const [text, setText] = useState('');

  async function save() {
    const saved = await services.plan.addValue({ kind: 'value', text });
    onSaved(w.saved(saved.text));
  }

  return (
    <StepFrame
      {...frame}
      id="value"
      title={w.heading}
      intro={
        <>
          {w.optional} {w.intro}
        </>
      }
      submit={w.save}
      onSubmit={save}
    >
      <label for="welcome-value">{w.label}</label>
      <input
        id="welcome-value"
        class="welcome-wide"
        type="text"
        autocomplete="off"
        value={text}
        onInput={(e) => setText((e.currentTarget.value = clipText(e.currentTarget.value, FIELDS.valueText.max)))}
      />
    </StepFrame>
  );
}
