import { useEffect, useRef, useState } from 'preact/hooks';
import { clipText } from '../../lib/rules/text';
import type { ValueItem, ValueKind } from '../../lib/db/schema';
import { errorText } from '../i18n/errorText';
import { MAX_VALUE_TEXT } from '../../lib/plan';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { useAction, useLiveQuery } from '../ui/hooks';
import { ItemActions } from '../ui/ItemActions';
import { focusLater, UndoStatus, type UndoState } from '../ui/UndoStatus';

function ValueForm({ initial, onSubmit, onCancel }: { initial?: ValueItem; onSubmit: (v: { kind: ValueKind; text: string }) => Promise<void>; onCancel?: () => void }) {
  const [kind, setKind] = useState<ValueKind>(initial?.kind ?? 'value');
  const [text, setText] = useState(initial?.text ?? '');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = `value-${initial?.id ?? 'new'}`;
  useEffect(() => {
    if (initial) input.current?.focus();
  }, []);

  async function submit(e: Event) {
    e.preventDefault();
    try {
      await onSubmit({ kind, text });
      setError(null);
      if (!initial) setText('');
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={initial ? `Edit “${initial.text}”` : 'Add a value or goal'}>
      <div class="row">
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as ValueKind)} aria-label="Kind">
          <option value="value">Value</option>
          <option value="goal">Goal</option>
        </select>
        <input ref={input} id={`${id}-text`} type="text" aria-label="In your words" value={text} onInput={(e) => setText((e.currentTarget.value = clipText(e.currentTarget.value, MAX_VALUE_TEXT)))} />
        <button type="submit">{initial ? 'Save' : 'Add'}</button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <Alert message={error} />
    </form>
  );
}

/** Values and goals in the person's own words, shown beside the week's micro-wins. */
export function ValuesEditor({ services }: { services: AppServices }) {
  const items = useLiveQuery(() => services.plan.values(), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, act] = useAction();
  const [status, setStatus] = useState<UndoState | null>(null);

  return (
    <section aria-labelledby="values-heading">
      <h2 id="values-heading" tabIndex={-1}>
        What matters to me
      </h2>
      <p class="hint">Values are what you care about; goals are what you’re working towards. A few words each.</p>
      <UndoStatus status={status} onUndo={(id) => act(services.plan.restoreValue(id), () => (setStatus(null), focusLater('values-heading')))} />
      <Alert message={error} />
      <ul class="entries" aria-label="Values and goals">
        {(items ?? []).map((v, i) => (
          <li key={v.id}>
            {editing === v.id ? (
              <ValueForm
                initial={v}
                onCancel={() => (setEditing(null), focusLater(`value-edit-${v.id}`))}
                onSubmit={async (input) => {
                  await services.plan.updateValue(v.id, input);
                  setEditing(null);
                  setStatus({ message: 'Saved.' });
                  focusLater(`value-edit-${v.id}`);
                }}
              />
            ) : (
              <div class="entry">
                <span>
                  <span class="hint">{v.kind === 'value' ? 'Value' : 'Goal'}:</span> {v.text}
                </span>
                <ItemActions
                  prefix="value"
                  id={v.id}
                  name={`“${v.text}”`}
                  index={i}
                  count={items?.length ?? 0}
                  run={act}
                  onEdit={() => setEditing(v.id)}
                  onMove={(by) => services.plan.moveValue(v.id, by)}
                  onDelete={() => act(services.plan.removeValue(v.id), () => setStatus({ message: `Removed “${v.text}”.`, undo: v.id }))}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
      <ValueForm
        onSubmit={async (input) => {
          await services.plan.addValue(input);
          setStatus({ message: input.kind === 'value' ? 'Value added.' : 'Goal added.' });
        }}
      />
    </section>
  );
}
