import { useState } from 'preact/hooks';
import type { ValueKind } from '../lib/db/schema';
import { userMessage } from '../lib/errors';
import { MAX_VALUE_TEXT } from '../lib/plan';
import type { AppServices } from '../lib/services';
import { Alert } from './Alert';
import { useLiveQuery } from './hooks';

/** Values and goals in the person's own words, shown beside the week's micro-wins. */
export function ValuesEditor({ services }: { services: AppServices }) {
  const items = useLiveQuery(() => services.plan.values(), []);
  const [kind, setKind] = useState<ValueKind>('value');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ message: string; undo?: string } | null>(null);

  async function add(e: Event) {
    e.preventDefault();
    try {
      await services.plan.addValue({ kind, text });
      setText('');
      setError(null);
      setStatus({ message: kind === 'value' ? 'Value added.' : 'Goal added.' });
    } catch (err) {
      setError(userMessage(err));
    }
  }

  return (
    <section aria-labelledby="values-heading">
      <h2 id="values-heading">What matters to me</h2>
      <p class="hint">Values are what you care about; goals are what you’re working towards. A few words each.</p>
      <div class="row" role="status">
        {status?.message}
        {status?.undo && (
          <button type="button" class="secondary" onClick={() => void services.plan.restoreValue(status.undo!).then(() => setStatus(null))}>
            Undo
          </button>
        )}
      </div>
      <ul class="entries" aria-label="Values and goals">
        {(items ?? []).map((v, i) => (
          <li key={v.id} class="entry">
            <span>
              <span class="hint">{v.kind === 'value' ? 'Value' : 'Goal'}:</span> {v.text}
            </span>
            <span class="row">
              <button type="button" class="secondary" disabled={i === 0} onClick={() => void services.plan.moveValue(v.id, -1)} aria-label={`Move “${v.text}” up`}>
                ↑
              </button>
              <button
                type="button"
                class="secondary"
                onClick={() =>
                  void services.plan.removeValue(v.id).then(
                    () => setStatus({ message: `Removed “${v.text}”.`, undo: v.id }),
                    (err: unknown) => setError(userMessage(err)),
                  )
                }
                aria-label={`Delete “${v.text}”`}
              >
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)} class="row" noValidate aria-label="Add a value or goal">
        <label for="value-kind" class="visually-hidden">
          Kind
        </label>
        <select id="value-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as ValueKind)} aria-label="Kind">
          <option value="value">Value</option>
          <option value="goal">Goal</option>
        </select>
        <label for="value-text" class="visually-hidden">
          In your words
        </label>
        <input id="value-text" type="text" aria-label="In your words" value={text} maxLength={MAX_VALUE_TEXT} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit">Add</button>
      </form>
      <Alert message={error} />
    </section>
  );
}
