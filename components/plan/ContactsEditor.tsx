import { useEffect, useRef, useState } from 'preact/hooks';
import { clipText } from '../../lib/rules/text';
import { FIELDS } from '../../lib/rules/fields';
import type { Contact, ContactRole } from '../../lib/db/schema';
import { errorText } from '../i18n/errorText';
import { dialableNumber } from '../../lib/phone';
import { isInvisible } from '../../lib/rules/text';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { useAction, useLiveQuery } from '../ui/hooks';
import { ItemActions } from '../ui/ItemActions';
import { focusLater, UndoStatus, type UndoState } from '../ui/UndoStatus';
import { words } from '../i18n';

type ContactInput = { role: ContactRole; name: string; phone: string; note: string };

function ContactForm({ initial, onSubmit, onCancel }: { initial?: Contact; onSubmit: (c: ContactInput) => Promise<void>; onCancel?: () => void }) {
  const [role, setRole] = useState<ContactRole>(initial?.role ?? 'contact');
  const [name, setName] = useState(initial?.name ?? '');
  const [phone, setPhone] = useState(initial?.phone ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  const id = initial ? `contact-${initial.id}` : 'contact';
  useEffect(() => {
    if (initial) first.current?.focus();
  }, []);

  async function submit(e: Event) {
    e.preventDefault();
    try {
      await onSubmit({ role, name, phone, note });
      setError(null);
      if (!initial) {
        setName('');
        setPhone('');
        setNote('');
      }
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={initial ? `Edit ${initial.name}` : 'Add a contact'}>
      <label for={`${id}-role`}>Who is this?</label>
      <select ref={first} id={`${id}-role`} value={role} onChange={(e) => setRole(e.currentTarget.value as ContactRole)}>
        <option value="contact">{words.reflect.role.contact}</option>
        <option value="mentor">{words.reflect.role.mentor}</option>
        <option value="helpline">{words.reflect.role.helpline}</option>
      </select>
      <label for={`${id}-name`}>Name</label>
      <input id={`${id}-name`} type="text" value={name} onInput={(e) => setName((e.currentTarget.value = clipText(e.currentTarget.value, FIELDS.contactName.max)))} />
      <label for={`${id}-phone`}>Phone number</label>
      <input id={`${id}-phone`} type="tel" autocomplete="off" value={phone} maxLength={30} onInput={(e) => setPhone(e.currentTarget.value)} />
      <label for={`${id}-note`}>Note (optional)</label>
      <input id={`${id}-note`} type="text" value={note} onInput={(e) => setNote((e.currentTarget.value = clipText(e.currentTarget.value, FIELDS.contactNote.max)))} />
      <Alert message={error} />
      <div class="row">
        <button type="submit" class={initial ? '' : 'wide'}>
          {initial ? 'Save' : 'Add contact'}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** The people and lines on the crisis sheet; numbers are only ever the ones typed here. */
export function ContactsEditor({ services }: { services: AppServices }) {
  const items = useLiveQuery(() => services.plan.contacts(), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, act] = useAction();
  const [status, setStatus] = useState<UndoState | null>(null);

  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading" tabIndex={-1}>
        Crisis contacts
      </h2>
      <p class="hint">The people you can call, your mentor, and a helpline you trust. They appear on the crisis sheet with call and text buttons.</p>
      <UndoStatus status={status} onUndo={(id) => act(services.plan.restoreContact(id), () => (setStatus(null), focusLater('contacts-heading')))} />
      <Alert message={error} />
      <ul class="entries" aria-label="Crisis contacts">
        {(items ?? []).map((c, i) => (
          <li key={c.id}>
            {editing === c.id ? (
              <ContactForm
                initial={c}
                onCancel={() => (setEditing(null), focusLater(`contact-edit-${c.id}`))}
                onSubmit={async (input) => {
                  await services.plan.updateContact(c.id, input);
                  setEditing(null);
                  setStatus({ message: 'Saved.' });
                  focusLater(`contact-edit-${c.id}`);
                }}
              />
            ) : (
              <div class="entry">
                <span>
                  {c.name} <span class="hint">· {words.reflect.role[c.role]}{!isInvisible(c.phone) && ` · ${c.phone}`}</span>
                  {c.note && <span class="hint"> · {c.note}</span>}
                  {dialableNumber(c.phone) === null && (
                    // A number from an old file that skipped the form's rule: the crisis sheet shows it as text only.
                    <span class="hint contact-cant-dial"> {isInvisible(c.phone) ? words.reflect.noNumberHere : words.reflect.cantDialHere}</span>
                  )}
                </span>
                <ItemActions
                  prefix="contact"
                  id={c.id}
                  name={c.name}
                  index={i}
                  count={items?.length ?? 0}
                  run={act}
                  onEdit={() => setEditing(c.id)}
                  onMove={(by) => services.plan.moveContact(c.id, by)}
                  onDelete={() => act(services.plan.removeContact(c.id), () => setStatus({ message: `Removed ${c.name}.`, undo: c.id }))}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
      <h3>Add someone</h3>
      <ContactForm
        onSubmit={async (input) => {
          await services.plan.addContact(input);
          setStatus({ message: 'Added to your crisis sheet.' });
        }}
      />
    </section>
  );
}
