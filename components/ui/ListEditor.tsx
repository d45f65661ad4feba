import type { ComponentChildren, VNode } from 'preact';
import { useState } from 'preact/hooks';
import { errorText } from '../i18n/errorText';
import { Alert } from './Alert';
import { useAction, useLiveQuery } from './hooks';
import { ItemActions } from './ItemActions';
import { focusLater, UndoStatus, type UndoState } from './UndoStatus';

// One ordered list the person keeps in their own order (the plan's situations, values and
// goals, crisis contacts): the list, editing in place, moving up and down, deleting with undo,
// and the form that adds to it. Each list brings its own form and how an item reads.

/** What the list's form gets: an item to edit (none when adding), and what to do with the input. */
export interface ItemFormProps<T, I> {
  initial?: T;
  /** What a new item's form starts with (another screen asked for it); focus goes to the form. */
  draft?: Partial<I>;
  onSubmit: (input: I) => Promise<void>;
  onCancel?: () => void;
}

/** The stored list behind the editor (a slice of lib/plan.ts's service). */
export interface ListStore<T, I> {
  load: () => Promise<T[]>;
  add: (input: I) => Promise<unknown>;
  update: (id: string, input: I) => Promise<unknown>;
  move: (id: string, by: -1 | 1) => Promise<unknown>;
  remove: (id: string) => Promise<unknown>;
  restore: (id: string) => Promise<unknown>;
}

interface Props<T extends { id: string }, I> {
  /** Prefix of the item buttons' ids (`${prefix}-edit-${id}`), which focus returns to. */
  prefix: string;
  /** The heading's id; focus goes there after an undo. */
  headingId: string;
  heading: string;
  intro: string;
  /** The list's accessible name. */
  listLabel: string;
  /** Shown when the list is empty. */
  empty?: string;
  /** The heading above the add form, if any. */
  addHeading?: string;
  /** Opens with this item being edited (another screen asked for it). */
  startEditing?: string | null;
  /** Opens with the add form holding this. */
  addDraft?: Partial<I> | null;
  store: ListStore<T, I>;
  Form: (props: ItemFormProps<T, I>) => VNode;
  /** The item as the list shows it, beside its buttons. */
  renderItem: (item: T) => ComponentChildren;
  /** How the item is named in its buttons' labels ("Move Payday up"). */
  itemName: (item: T) => string;
  words: {
    updated: string;
    added: (input: I) => string;
    removed: (item: T) => string;
  };
}

export function ListEditor<T extends { id: string }, I>({
  prefix,
  headingId,
  heading,
  intro,
  listLabel,
  empty,
  addHeading,
  startEditing = null,
  addDraft = null,
  store,
  Form,
  renderItem,
  itemName,
  words,
}: Props<T, I>) {
  const items = useLiveQuery(() => store.load(), []);
  const [editing, setEditing] = useState<string | null>(startEditing);
  const [status, setStatus] = useState<UndoState | null>(null);
  const [error, act] = useAction();
  const editButton = (id: string) => `${prefix}-edit-${id}`;

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {heading}
      </h2>
      <p class="hint">{intro}</p>
      <UndoStatus status={status} onUndo={(id) => act(store.restore(id), () => (setStatus(null), focusLater(headingId)))} />
      <Alert message={error} />
      {empty && items && items.length === 0 && <p class="hint">{empty}</p>}
      <ul class="entries" aria-label={listLabel}>
        {(items ?? []).map((item, i) => (
          <li key={item.id}>
            {editing === item.id ? (
              <Form
                initial={item}
                onCancel={() => (setEditing(null), focusLater(editButton(item.id)))}
                onSubmit={async (input) => {
                  await store.update(item.id, input);
                  setEditing(null);
                  setStatus({ message: words.updated });
                  focusLater(editButton(item.id));
                }}
              />
            ) : (
              <div class="entry">
                {renderItem(item)}
                <ItemActions
                  prefix={prefix}
                  id={item.id}
                  name={itemName(item)}
                  index={i}
                  count={items?.length ?? 0}
                  run={act}
                  onEdit={() => setEditing(item.id)}
                  onMove={(by) => store.move(item.id, by)}
                  onDelete={() => act(store.remove(item.id), () => setStatus({ message: words.removed(item), undo: item.id }))}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
      {addHeading && <h3>{addHeading}</h3>}
      <Form
        draft={addDraft ?? undefined}
        onSubmit={async (input) => {
          await store.add(input);
          setStatus({ message: words.added(input) });
        }}
      />
    </section>
  );
}

/**
 * A list form's submit: runs the save, shows what was refused in the form's language, and
 * clears the fields after an add (an edit closes instead).
 */
export function useItemSubmit<I>(
  { initial, onSubmit }: Pick<ItemFormProps<unknown, I>, 'initial' | 'onSubmit'>,
  clear: () => void,
): [error: string | null, submit: (e: Event, input: I) => Promise<void>] {
  const [error, setError] = useState<string | null>(null);
  async function submit(e: Event, input: I) {
    e.preventDefault();
    try {
      await onSubmit(input);
      setError(null);
      if (!initial) clear();
    } catch (err) {
      setError(errorText(err));
    }
  }
  return [error, submit];
}
