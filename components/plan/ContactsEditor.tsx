import { useEffect, useRef, useState } from 'preact/hooks';
import { clipText } from '../../lib/rules/text';
import { FIELDS } from '../../lib/rules/fields';
import type { Contact, ContactRole } from '../../lib/db/schema';
import { dialableNumber } from '../../lib/phone';
import { isInvisible } from '../../lib/rules/text';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { ListEditor, useItemSubmit, type ItemFormProps } from '../ui/ListEditor';
import { words } from '../i18n';

type ContactInput = { role: ContactRole; name: string; phone: string; note: string };

function ContactForm({ initial, onSubmit, onCancel }: ItemFormProps<Contact, ContactInput>) {
  const w = words.plan.contacts;
  const [role, setRole] = useState<ContactRole>(initial?.role ?? 'contact');
  const [name, setName] = useState(initial?.name ?? '');
  const [phone, setPhone] = useState(initial?.phone ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [error, submit] = useItemSubmit({ initial, onSubmit }, () => {
    setName('');
    setPhone('');
    setNote('');
  });
  const first = useRef<HTMLSelectElement>(null);
  const id = initial ? `contact-${initial.id}` : 'contact';
  useEffect(() => {
    if (initial) first.current?.focus();
  }, []);

  return (
    <form onSubmit={(e) => void submit(e, { role, name, phone, note })} noValidate aria-label={initial ? w.editForm(initial.name) : w.addForm}>
      <label for={`${id}-role`}>{w.role}</label>
      <select ref={first} id={`${id}-role`} value={role} onChange={(e) => setRole(e.currentTarget.value as ContactRole)}>
        <option value="contact">{words.reflect.role.contact}</option>
        <option value="mentor">{words.reflect.role.mentor}</option>
        <option value="helpline">{words.reflect.role.helpline}</option>
      </select>
      <label for={`${id}-name`}>{w.name}</label>
      <input id={`${id}-name`} type="text" value={name} onInput={(e) => setName((e.currentTarget.value = clipText(e.currentTarget.value, FIELDS.contactName.max)))} />
      <label for={`${id}-phone`}>{w.phone}</label>
      <input id={`${id}-phone`} type="tel" autocomplete="off" value={phone} maxLength={30} onInput={(e) => setPhone(e.currentTarget.value)} />
      <label for={`${id}-note`}>{w.note}</label>
      <input id={`${id}-note`} type="text" value={note} onInput={(e) => setNote((e.currentTarget.value = clipText(e.currentTarget.value, FIELDS.contactNote.max)))} />
      <Alert message={error} />
      <div class="row">
        <button type="submit" class={initial ? '' : 'wide'}>
          {initial ? words.main.save : w.add}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {words.main.cancel}
          </button>
        )}
      </div>
    </form>
  );
}

function ContactItem({ c }: { c: Contact }) {
  const w = words.plan.contacts;
  return (
    <span>
      <span data-user-text>{c.name}</span>{' '}
      <span class="hint">
        · {words.reflect.role[c.role]}
        {!isInvisible(c.phone) && (
          <>
            {' · '}
            <span data-user-text>{c.phone}</span>
          </>
        )}
      </span>
      {c.note && (
        <span class="hint">
          {' · '}
          <span data-user-text>{c.note}</span>
        </span>
      )}
      {dialableNumber(c.phone) === null && (
        // A number from an old file that skipped the form's rule: the crisis sheet shows it as text only.
        <span class="hint contact-cant-dial"> {isInvisible(c.phone) ? w.noNumber(words.main.edit) : w.cantDial(words.main.edit)}</span>
      )}
    </span>
  );
}

/** The people and lines on the crisis sheet; numbers are only ever the ones typed here. */
export function ContactsEditor({ services }: { services: AppServices }) {
  const w = words.plan.contacts;
  const { plan } = services;
  return (
    <ListEditor<Contact, ContactInput>
      prefix="contact"
      headingId="contacts-heading"
      heading={w.heading}
      intro={w.intro}
      listLabel={w.listLabel}
      addHeading={w.addHeading}
      store={{
        load: () => plan.contacts(),
        add: (input) => plan.addContact(input),
        update: (id, input) => plan.updateContact(id, input),
        move: (id, by) => plan.moveContact(id, by),
        remove: (id) => plan.removeContact(id),
        restore: (id) => plan.restoreContact(id),
      }}
      Form={ContactForm}
      itemName={(c) => c.name}
      renderItem={(c) => <ContactItem c={c} />}
      words={{ updated: w.saved, added: () => w.added, removed: (c) => w.removed(c.name) }}
    />
  );
}
