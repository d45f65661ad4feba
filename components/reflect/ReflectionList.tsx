import { useState } from 'preact/hooks';
import type { Reflection } from '../../lib/db/schema';
import type { DayKey } from '../../lib/days';
import { errorText } from '../i18n/errorText';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { useLiveQuery } from '../ui/hooks';
import { triggerText } from '../ui/triggerText';
import { focusLater, UndoStatus, type UndoState } from '../ui/UndoStatus';
import { ReflectionForm } from './ReflectionForm';
import { fmt, words } from '../i18n';

// The buttons live in their own small module: the popup shows them before any sheet loads.
export { ReflectButtons } from './ReflectButtons';

function strengthText(x: Reflection): string | null {
  if (x.strength === null && x.strengthAfter === null) return null;
  if (x.strengthAfter === null) return words.reflect.pull(x.strength!);
  if (x.strength === null) return words.reflect.pullAfter(x.strengthAfter);
  return words.reflect.pullBoth(x.strength, x.strengthAfter);
}

function ReflectionItem({ x, today, timeZone, onEdit, onDelete }: { x: Reflection; today: DayKey; timeZone: string; onEdit: () => void; onDelete: () => void }) {
  const w = words.reflect;
  const strength = strengthText(x);
  const day = fmt.relativeDay(x.day, today, { today: words.main.today, yesterday: words.main.yesterday });
  const when = w.dayAndTime(day, fmt.time(x.at, timeZone));
  return (
    <li>
      <div class="entry">
        <div>
          <p class="entry-when">
            {when} · <strong>{x.kind === 'near-miss' ? w.kindNearMiss : w.kindSetback}</strong>
          </p>
          <p>{w.whatPulled(x.triggers.map(triggerText))}</p>
          {strength && <p>{strength}</p>}
          {x.steps.length > 0 && <p>{w.stepsUsed(x.steps)}</p>}
          {x.helped && <p class="entry-win">{w.whatHelped(x.helped)}</p>}
          {x.nextTime && <p class="entry-win">{w.nextTimeNote(x.nextTime)}</p>}
          {x.moodNow && <p>{w.feltAfter(words.main.mood(x.moodNow))}</p>}
        </div>
        <div class="row">
          <button type="button" class="secondary" onClick={onEdit} aria-label={w.editItem(when)}>
            {words.main.edit}
          </button>
          <button type="button" class="secondary" onClick={onDelete} aria-label={w.deleteItem(when)}>
            {words.main.delete}
          </button>
        </div>
      </div>
    </li>
  );
}

/** Every reflection, newest first, editable and deletable with undo. */
const PAGE = 100;

export function ReflectionList({ services, today }: { services: AppServices; today: DayKey }) {
  const [limit, setLimit] = useState(PAGE);
  // One more than shown, to know whether there are older ones.
  const fetched = useLiveQuery(() => services.reflections.recent(limit + 1), [limit]);
  const items = fetched?.slice(0, limit);
  const [editing, setEditing] = useState<Reflection | null>(null);
  const [status, setStatus] = useState<UndoState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timeZone = services.clock.timeZone();

  async function remove(x: Reflection) {
    try {
      await services.reflections.remove(x.id);
      setStatus({ message: words.reflect.deleted, undo: x.id });
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <section aria-labelledby="reflections-heading">
      <h2 id="reflections-heading" tabIndex={-1}>
        {words.reflect.listHeading}
      </h2>
      <Alert message={error} />
      <UndoStatus
        status={status}
        onUndo={(id) =>
          void services.reflections.restore(id).then(
            () => (setStatus(null), focusLater('reflections-heading')),
            (err: unknown) => setError(errorText(err)),
          )
        }
      />
      {items === undefined ? (
        <p>{words.main.loading}</p>
      ) : items.length === 0 ? (
        <p class="hint">{words.reflect.listEmpty}</p>
      ) : (
        <ul class="entries" aria-label={words.reflect.listLabel}>
          {items.map((x) => (
            <ReflectionItem key={x.id} x={x} today={today} timeZone={timeZone} onEdit={() => setEditing(x)} onDelete={() => void remove(x)} />
          ))}
        </ul>
      )}
      {fetched && fetched.length > limit && (
        <button type="button" class="secondary wide" onClick={() => setLimit((l) => l + PAGE)}>
          {words.reflect.showOlder}
        </button>
      )}
      {editing && (
        <ReflectionForm
          services={services}
          kind={editing.kind}
          existing={editing}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setStatus({ message });
          }}
        />
      )}
    </section>
  );
}
