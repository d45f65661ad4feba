import { dialableNumber, dialHref } from '../../lib/phone';
import { isInvisible } from '../../lib/rules/text';
import type { AppServices } from '../../lib/services';
import { useLiveQuery } from '../ui/hooks';
import { Sheet } from '../ui/Sheet';
import { UrgeSurfTimer } from './UrgeSurfTimer';
import { words } from '../i18n';

interface Props {
  services: AppServices;
  onClose: () => void;
  /** Takes the person to where contacts are added (the plan view, or the dashboard from the popup). */
  onAddContacts: () => void;
  onSaved: (message: string) => void;
}

/** Safety, one step from every screen: the person's own contacts, their plan, and the timer. */
export function CrisisSheet({ services, onClose, onAddContacts, onSaved }: Props) {
  const contacts = useLiveQuery(() => services.plan.contacts(), []);
  const plan = useLiveQuery(() => services.plan.entries(), []);
  return (
    <Sheet title={words.reflect.crisisTitle} onClose={onClose} intro={<p>{words.reflect.crisisIntro}</p>}>
      <section aria-labelledby="crisis-contacts">
        <h3 id="crisis-contacts">{words.reflect.peopleHeading}</h3>
        {contacts === undefined ? null : contacts.length === 0 ? (
          <>
            <p class="hint">{words.reflect.crisisEmpty}</p>
            <button type="button" class="secondary" onClick={onAddContacts}>
              {words.reflect.addContacts}
            </button>
          </>
        ) : (
          <ul class="contacts">
            {contacts.map((c) => {
              // A link is only made for a number the form's rule accepts, so it dials exactly what is shown.
              const number = dialableNumber(c.phone);
              const tel = dialHref(c.phone, 'tel');
              const sms = dialHref(c.phone, 'sms');
              const hintId = `crisis-contact-${c.id}-hint`;
              return (
                <li key={c.id}>
                  <p class="contact-name">
                    <span data-user-text>{c.name}</span> <span class="hint">· {words.reflect.role[c.role]}</span>
                  </p>
                  {c.note && (
                    <p class="hint" data-user-text>
                      {c.note}
                    </p>
                  )}
                  {number !== null && tel !== null && sms !== null ? (
                    <p class="row">
                      <a class="button-link" href={tel}>
                        {words.reflect.call(c.name)}
                      </a>
                      <a class="button-link secondary" href={sms}>
                        {words.reflect.text(c.name)}
                      </a>
                      <span class="hint" data-user-text>
                        {number}
                      </span>
                    </p>
                  ) : (
                    <>
                      {!isInvisible(c.phone) && (
                        <p class="contact-phone" data-user-text>
                          {c.phone}
                        </p>
                      )}
                      <p class="hint" id={hintId}>
                        {isInvisible(c.phone) ? words.reflect.noNumber : words.reflect.cantDial}
                      </p>
                      <p class="row">
                        <button type="button" class="secondary" aria-describedby={hintId} onClick={onAddContacts}>
                          {isInvisible(c.phone) ? words.reflect.addNumber(c.name) : words.reflect.fixNumber(c.name)}
                        </button>
                      </p>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="crisis-coping">
        <h3 id="crisis-coping">{words.reflect.copingHeading}</h3>
        {plan && plan.length > 0 ? (
          plan.map((e) => (
            <div key={e.id}>
              <p class="plan-trigger" data-user-text>
                {e.trigger}
              </p>
              <ol>
                {e.steps.map((s) => (
                  <li key={s} data-user-text>
                    {s}
                  </li>
                ))}
              </ol>
            </div>
          ))
        ) : (
          <p class="hint">{words.reflect.copingEmpty}</p>
        )}
      </section>
      <UrgeSurfTimer services={services} onSaved={onSaved} />
    </Sheet>
  );
}
