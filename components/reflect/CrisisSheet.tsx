import { useEffect, useRef, useState } from 'preact/hooks';
import type { Contact, PlanEntry } from '../../lib/db/schema';
import { COUNTRIES, emergencyNumber, guessCountry } from '../../lib/emergency';
import { dialableNumber, dialHref } from '../../lib/phone';
import { isInvisible } from '../../lib/rules/text';
import type { AppServices } from '../../lib/services';
import { useLiveQuery } from '../ui/hooks';
import { Sheet } from '../ui/Sheet';
import { UrgeActive, UrgeQuickStart, UrgeSetup, useUrgeTimer } from './UrgeSurfTimer';
import { fmt, words } from '../i18n';
import './reflect.css';

interface Props {
  services: AppServices;
  onClose: () => void;
  /** Takes the person to where contacts are added (the plan view, or the dashboard from the popup). */
  onAddContacts: () => void;
  onSaved: (message: string) => void;
}

/** A country's name in the page's language (the pseudo-locale fences it, like its dates). */
export function countryName(code: string): string {
  let name = code;
  try {
    name = new Intl.DisplayNames([fmt.tag], { type: 'region' }).of(code) ?? code;
  } catch {
    // An engine without region names: the code itself.
  }
  return fmt.locale === 'pseudo' ? `⟦${name}⟧` : name;
}

/**
 * The person to reach first: a mentor if there is one, else the first contact, else the first
 * helpline the person added; the others fold below.
 */
export function firstPerson(contacts: readonly Contact[]): Contact | null {
  return (
    contacts.find((c) => c.role === 'mentor') ??
    contacts.find((c) => c.role === 'contact') ??
    contacts.find((c) => c.role === 'helpline') ??
    null
  );
}

/** The first thing on the sheet, always: the emergency line, and the confirmed country's number. */
function EmergencyLine({ services }: { services: AppServices }) {
  const w = words.reflect;
  // undefined: still reading; null: no country confirmed on this device.
  const [country, setCountry] = useState<string | null | undefined>(undefined);
  const [picking, setPicking] = useState(false);
  const [choice, setChoice] = useState<string>('');
  const select = useRef<HTMLSelectElement>(null);
  const callLink = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    let live = true;
    services.store
      .country()
      .catch(() => undefined)
      .then((c) => {
        if (!live) return;
        const known = c && emergencyNumber(c) ? c : null;
        setCountry(known);
        setChoice(known ?? guessCountry(globalThis.navigator?.languages) ?? '');
      });
    return () => {
      live = false;
    };
  }, []);
  const number = emergencyNumber(country);
  const names = COUNTRIES.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name, fmt.tag));

  async function confirm() {
    if (!emergencyNumber(choice)) {
      select.current?.focus();
      return;
    }
    await services.store.saveCountry(choice).catch(() => undefined);
    setCountry(choice);
    setPicking(false);
    requestAnimationFrame(() => callLink.current?.focus());
  }

  return (
    <section class="emergency" aria-labelledby="emergency-line">
      <p id="emergency-line" class="emergency-line">
        {w.emergencyLine}
      </p>
      {country === undefined ? null : number && !picking ? (
        <div class="row emergency-call">
          <a ref={callLink} class="button-link emergency-link" href={`tel:${number}`}>
            {w.callEmergency(number)}
          </a>
          <span class="hint">{w.emergencyIn(countryName(country!))}</span>
          <button type="button" class="link-button" onClick={() => setPicking(true)}>
            {w.changeCountry}
          </button>
        </div>
      ) : (
        <div class="emergency-pick">
          <p class="hint" id="crisis-country-hint">
            {w.countryHint}
          </p>
          <div class="row">
            <label for="crisis-country">{w.countryLabel}</label>
            <select
              ref={select}
              id="crisis-country"
              aria-describedby="crisis-country-hint"
              value={choice}
              onChange={(e) => setChoice(e.currentTarget.value)}
            >
              <option value="">{w.countryChoose}</option>
              {names.map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => void confirm()}>
              {w.confirmCountry}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** One contact: call and text links for a number the phone can dial, else what to fix. */
function ContactCard({ contact: c, big, onAddContacts }: { contact: Contact; big?: boolean; onAddContacts: () => void }) {
  const w = words.reflect;
  // A link is only made for a number the form's rule accepts, so it dials exactly what is shown.
  const number = dialableNumber(c.phone);
  const tel = dialHref(c.phone, 'tel');
  const sms = dialHref(c.phone, 'sms');
  const hintId = `crisis-contact-${c.id}-hint`;
  return (
    <>
      <p class="contact-name">
        <span data-user-text>{c.name}</span> <span class="hint">· {w.role[c.role]}</span>
      </p>
      {c.note && (
        <p class="hint" data-user-text>
          {c.note}
        </p>
      )}
      {number !== null && tel !== null && sms !== null ? (
        <p class={big ? 'crisis-pair' : 'row'}>
          <a class={big ? 'button-link crisis-action' : 'button-link'} href={tel}>
            {w.call(c.name)}
          </a>
          <a class={big ? 'button-link crisis-action secondary' : 'button-link secondary'} href={sms}>
            {w.text(c.name)}
          </a>
          {/* The number is always in sight: a link dials exactly the digits shown. */}
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
            {isInvisible(c.phone) ? w.noNumber : w.cantDial}
          </p>
          <p class="row">
            <button type="button" class="secondary" aria-describedby={hintId} onClick={onAddContacts}>
              {isInvisible(c.phone) ? w.addNumber(c.name) : w.fixNumber(c.name)}
            </button>
          </p>
        </>
      )}
    </>
  );
}

function Steps({ entry }: { entry: PlanEntry }) {
  return (
    <ol>
      {entry.steps.map((s) => (
        <li key={s} data-user-text>
          {s}
        </li>
      ))}
    </ol>
  );
}

/** "My steps": the steps for the situation the person picks (the first, until they pick). */
function MySteps({ plan }: { plan: readonly PlanEntry[] }) {
  const w = words.reflect;
  const [picked, setPicked] = useState<string | null>(null);
  const entry = plan.find((e) => e.id === picked) ?? plan[0];
  return (
    <section aria-labelledby="crisis-steps" class="crisis-block">
      <h3 id="crisis-steps">{w.mySteps}</h3>
      {!entry ? (
        <p class="hint">{w.copingEmpty}</p>
      ) : (
        <>
          {plan.length > 1 ? (
            <fieldset>
              <legend>{w.stepsSituation}</legend>
              <div class="chips">
                {plan.map((e) => (
                  <button type="button" key={e.id} class="toggle" aria-pressed={e.id === entry.id} onClick={() => setPicked(e.id)}>
                    <span data-user-text>{e.trigger}</span>
                  </button>
                ))}
              </div>
            </fieldset>
          ) : (
            <p class="plan-trigger" data-user-text>
              {entry.trigger}
            </p>
          )}
          <Steps entry={entry} />
        </>
      )}
    </section>
  );
}

/**
 * Safety, one step from every screen. First, always, the emergency line; then three large
 * actions: reach the first person (a mentor first), a one-tap urge timer, and the steps for
 * a situation. Everything else (other people, all steps, other timer lengths) folds below.
 */
export function CrisisSheet({ services, onClose, onAddContacts, onSaved }: Props) {
  const w = words.reflect;
  const contacts = useLiveQuery(() => services.plan.contacts(), []);
  const plan = useLiveQuery(() => services.plan.entries(), []);
  const urge = useUrgeTimer(services);
  const quickStart = useRef<HTMLDivElement>(null);
  const first = contacts ? firstPerson(contacts) : null;
  const others = (contacts ?? []).filter((c) => c !== first);
  const timerIdle = urge.phase?.name === 'none';
  return (
    <Sheet title={w.crisisTitle} onClose={onClose}>
      <EmergencyLine services={services} />
      <section aria-labelledby="crisis-contacts" class="crisis-block">
        <h3 id="crisis-contacts">{w.peopleHeading}</h3>
        {contacts === undefined ? null : first === null ? (
          <>
            <p class="hint">{w.crisisEmpty}</p>
            <button type="button" class="secondary" onClick={onAddContacts}>
              {w.addContacts}
            </button>
          </>
        ) : (
          <ContactCard contact={first} big onAddContacts={onAddContacts} />
        )}
      </section>
      <UrgeActive
        services={services}
        urge={urge}
        onSaved={onSaved}
        onStopped={() => quickStart.current?.querySelector('button')?.focus()}
      />
      <div ref={quickStart}>{timerIdle && <UrgeQuickStart urge={urge} />}</div>
      {plan && <MySteps plan={plan} />}
      <details class="crisis-more">
        <summary>{w.moreHelp}</summary>
        {others.length > 0 && (
          <section aria-labelledby="crisis-others">
            <h3 id="crisis-others">{w.otherPeople}</h3>
            <ul class="contacts">
              {others.map((c) => (
                <li key={c.id}>
                  <ContactCard contact={c} onAddContacts={onAddContacts} />
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="crisis-coping">
          <h3 id="crisis-coping">{w.allSteps}</h3>
          {plan && plan.length > 0 ? (
            plan.map((e) => (
              <div key={e.id}>
                <p class="plan-trigger" data-user-text>
                  {e.trigger}
                </p>
                <Steps entry={e} />
              </div>
            ))
          ) : (
            <p class="hint">{w.copingEmpty}</p>
          )}
        </section>
        {timerIdle && (
          <section aria-labelledby="crisis-lengths" class="urge">
            <h3 id="crisis-lengths">{w.otherLengths}</h3>
            <UrgeSetup urge={urge} />
          </section>
        )}
      </details>
    </Sheet>
  );
}
