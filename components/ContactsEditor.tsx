import { useState } from 'preact/hooks';
import type { ContactRole } from '../lib/db/schema';
import { userMessage } from '../lib/errors';
import type { AppServices } from '../lib/services';
import { Alert } from './Alert';
import { useLiveQuery } from './hooks';
import { r } from './strings';

/** The people and lines on the crisis sheet; numbers are only ever the ones typed here. */
export function ContactsEditor({ services }: { services: AppServices }) {
  const items = useLiveQuery(() => services.plan.contacts(), []);
  const [role, setRole] = useState<ContactRole>('contact');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ message: string; undo?: string } | null>(null);

  async function add(e: Event) {
    e.preventDefault();
    try {
      await services.plan.addContact({ role, name, phone, note });
      setName('');
      setPhone('');
      setNote('');
      setError(null);
      setStatus({ message: 'Added to your crisis sheet.' });
    } catch (err) {
      setError(userMessage(err));
    }
  }

  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Crisis contacts</h2>
      <p class="hint">The people you can call, your mentor, and a helpline you trust. They appear on the crisis sheet with call and text buttons.</p>
      <div class="row" role="status">
        {status?.message}
        {status?.undo && (
          <button type="button" class="secondary" onClick={() => void services.plan.restoreContact(status.undo!).then(() => setStatus(null))}>
            Undo
          </button>
        )}
      </div>
      <ul class="entries" aria-label="Crisis contacts">
        {(items ?? []).map((c, i) => (
          <li key={c.id} class="entry">
            <span>
              {c.name} <span class="hint">· {r.role[c.role]} · {c.phone}</span>
              {c.note && <span class="hint"> · {c.note}</span>}
            </span>
            <span class="row">
              <button type="button" class="secondary" disabled={i === 0} onClick={() => void services.plan.moveContact(c.id, -1)} aria-label={`Move ${c.name} up`}>
                ↑
              </button>
              <button
                type="button"
                class="secondary"
                onClick={() =>
                  void services.plan.removeContact(c.id).then(
                    () => setStatus({ message: `Removed ${c.name}.`, undo: c.id }),
                    (err: unknown) => setError(userMessage(err)),
                  )
                }
                aria-label={`Delete ${c.name}`}
              >
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)} noValidate aria-label="Add a contact">
        <label for="contact-role">Who is this?</label>
        <select id="contact-role" value={role} onChange={(e) => setRole(e.currentTarget.value as ContactRole)}>
          <option value="contact">{r.role.contact}</option>
          <option value="mentor">{r.role.mentor}</option>
          <option value="helpline">{r.role.helpline}</option>
        </select>
        <label for="contact-name">Name</label>
        <input id="contact-name" type="text" value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="contact-phone">Phone number</label>
        <input id="contact-phone" type="tel" autocomplete="off" value={phone} maxLength={30} onInput={(e) => setPhone(e.currentTarget.value)} />
        <label for="contact-note">Note (optional)</label>
        <input id="contact-note" type="text" value={note} maxLength={200} onInput={(e) => setNote(e.currentTarget.value)} />
        <Alert message={error} />
        <button type="submit" class="wide">
          Add contact
        </button>
      </form>
    </section>
  );
}
