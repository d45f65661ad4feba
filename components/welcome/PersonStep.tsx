import type { Contact } from '../../lib/db/schema';
import { useState } from 'preact/hooks';
import { FIELDS } from '../../lib/rules/fields';
import { clipText } from '../../lib/rules/text';
import { words } from '../i18n';
import { Loading, StepFrame, useStepRead, type StepProps, type StepRead } from './StepFrame';

export const readContacts: StepRead<Contact[]> = (services) => services.plan.contacts();

/** Step 3: one person to call or text, for the crisis sheet; optionally the mentor. */
export function PersonStep({ services, onSaved, opened, ...frame }: StepProps) {
  const w = words.welcome.person;
  const { value: contacts, error } = useStepRead(readContacts, { services, opened });
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [mentor, setMentor] = useState(false);
  if (!contacts) return <Loading error={error} />;

  async function save() {
    // The plan's rules check the name and the number (lib/phone.ts); nothing is changed for the person.
    const saved = await services.plan.addContact({ role: mentor ? 'mentor' : 'contact', name, phone, note: '' });
    onSaved(w.saved(saved.name));
  }

  return (
    <StepFrame {...frame} id="person" title={w.heading} intro={w.intro} submit={w.save} onSubmit={save}>
      {contacts.length > 0 && (
        <p class="hint">
          {w.already(contacts.map((c) => c.name))}
        </p>
      )}
      <label for="welcome-person-name">{w.name}</label>
      <input
        id="welcome-person-name"
        type="text"
        autocomplete="off"
        value={name}
        onInput={(e) => setName((e.currentTarget.value = clipText(e.currentTarget.value, FIELDS.contactName.max)))}
      />
      <label for="welcome-person-phone">{w.phone}</label>
      <input
        id="welcome-person-phone"
        type="tel"
        inputMode="tel"
        autocomplete="off"
        maxLength={30}
        aria-describedby="welcome-person-phone-hint"
        value={phone}
        onInput={(e) => setPhone(e.currentTarget.value)}
      />
      <p class="hint" id="welcome-person-phone-hint">
        {w.phoneHint}
      </p>
      <label class="check">
        <input type="checkbox" checked={mentor} onChange={(e) => setMentor(e.currentTarget.checked)} /> {w.mentor}
      </label>
    </StepFrame>
  );
}
