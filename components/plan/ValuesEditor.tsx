import { useEffect, useRef, useState } from 'preact/hooks';
import { clipText } from '../../lib/rules/text';
import type { ValueItem, ValueKind } from '../../lib/db/schema';
import { MAX_VALUE_TEXT } from '../../lib/plan';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { ListEditor, useItemSubmit, type ItemFormProps } from '../ui/ListEditor';
import { words } from '../i18n';

type ValueInput = { kind: ValueKind; text: string };

function ValueForm({ initial, onSubmit, onCancel }: ItemFormProps<ValueItem, ValueInput>) {
  const w = words.plan.values;
  const [kind, setKind] = useState<ValueKind>(initial?.kind ?? 'value');
  const [text, setText] = useState(initial?.text ?? '');
  const [error, submit] = useItemSubmit({ initial, onSubmit }, () => setText(''));
  const input = useRef<HTMLInputElement>(null);
  const id = `value-${initial?.id ?? 'new'}`;
  useEffect(() => {
    if (initial) input.current?.focus();
  }, []);

  return (
    <form onSubmit={(e) => void submit(e, { kind, text })} noValidate aria-label={initial ? w.editForm(initial.text) : w.addForm}>
      <div class="row">
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as ValueKind)} aria-label={w.kind}>
          <option value="value">{w.kinds.value}</option>
          <option value="goal">{w.kinds.goal}</option>
        </select>
        <input ref={input} id={`${id}-text`} type="text" aria-label={w.text} value={text} onInput={(e) => setText((e.currentTarget.value = clipText(e.currentTarget.value, MAX_VALUE_TEXT)))} />
        <button type="submit">{initial ? words.main.save : w.add}</button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {words.main.cancel}
          </button>
        )}
      </div>
      <Alert message={error} />
    </form>
  );
}

/** Values and goals in the person's own words, shown beside the week's micro-wins. */
export function ValuesEditor({ services }: { services: AppServices }) {
  const w = words.plan.values;
  const { plan } = services;
  return (
    <ListEditor<ValueItem, ValueInput>
      prefix="value"
      headingId="values-heading"
      heading={w.heading}
      intro={w.intro}
      listLabel={w.listLabel}
      store={{
        load: () => plan.values(),
        add: (input) => plan.addValue(input),
        update: (id, input) => plan.updateValue(id, input),
        move: (id, by) => plan.moveValue(id, by),
        remove: (id) => plan.removeValue(id),
        restore: (id) => plan.restoreValue(id),
      }}
      Form={ValueForm}
      itemName={(v) => w.quoted(v.text)}
      renderItem={(v) => (
        <span>
          <span class="hint">{w.itemKind[v.kind]}</span> <span data-user-text>{v.text}</span>
        </span>
      )}
      words={{ updated: w.saved, added: (input) => w.added[input.kind], removed: (v) => w.removed(v.text) }}
    />
  );
}
