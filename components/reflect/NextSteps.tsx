import { useEffect, useRef, useState } from 'preact/hooks';
import { calendarDay } from '../../lib/days';
import type { Reflection } from '../../lib/db/schema';
import { dialableNumber, smsHref } from '../../lib/phone';
import { entriesForTriggers } from '../../lib/plan';
import { triggerLabel } from '../../lib/reflections';
import type { AppServices } from '../../lib/services';
import { labelKey } from '../../lib/text';
import { tomorrowMorning, type TomorrowReminder } from '../../lib/tomorrow';
import { errorText } from '../i18n/errorText';
import { Alert } from '../ui/Alert';
import { useLiveQuery } from '../ui/hooks';
import { isHaltTag, triggerText } from '../ui/triggerText';
import { firstPerson } from './CrisisSheet';
import { fmt, words } from '../i18n';
import './reflect.css';

/** An sms: link with a body; the body parameter is encoded whole (spaces, accents, ?, &). */
export function smsWithBody(phone: string, body: string): string | null {
  const href = smsHref(phone);
  const text = body.trim();
  return href === null || text === '' ? href : `${href}?body=${encodeURIComponent(text)}`;
}

/** The plan's name for a reflection's trigger: a HALT tag by its English label, so later reflections find it. */
const planTrigger = (trigger: string) => (isHaltTag(trigger) ? triggerLabel(trigger) : trigger);

interface Props {
  services: AppServices;
  reflection: Reflection;
  onAddContacts: () => void;
  onDone: () => void;
}

/**
 * After a setback or a hard moment got through: what would help now, rather than a dead end.
 * Text the first person (a discreet message they can change), add "next time" to the plan
 * (one tap, with Undo), and a check-in tomorrow morning.
 */
export function NextSteps({ services, reflection, onAddContacts, onDone }: Props) {
  const w = words.reflect;
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const setback = reflection.kind === 'setback';
  return (
    <div class="next-steps">
      <div role="status">
        <p ref={heading} tabIndex={-1} class="next-heading">
          {setback ? w.afterSetbackHeading : w.nearMissSaved}
        </p>
        <p>{setback ? w.afterSetbackIntro : w.afterNearMissIntro}</p>
      </div>
      <TextSomeone services={services} setback={setback} onAddContacts={onAddContacts} />
      {reflection.nextTime.trim() !== '' && <AddToPlan services={services} reflection={reflection} />}
      <CheckTomorrow services={services} />
      <button type="button" class="wide" onClick={onDone}>
        {w.done}
      </button>
    </div>
  );
}

function TextSomeone({ services, setback, onAddContacts }: { services: AppServices; setback: boolean; onAddContacts: () => void }) {
  const w = words.reflect;
  const contacts = useLiveQuery(() => services.plan.contacts(), []);
  const [body, setBody] = useState(setback ? w.messageSetback : w.messageNearMiss);
  if (contacts === undefined) return null;
  const person = firstPerson(contacts.filter((c) => dialableNumber(c.phone) !== null));
  if (!person) {
    return (
      <section class="next-action" aria-labelledby="next-text">
        <h3 id="next-text">{w.peopleHeading}</h3>
        <p class="hint">{w.noOneToText}</p>
        <button type="button" class="secondary" onClick={onAddContacts}>
          {w.addContacts}
        </button>
      </section>
    );
  }
  const href = smsWithBody(person.phone, body);
  return (
    <section class="next-action" aria-labelledby="next-text">
      <h3 id="next-text">{w.text(person.name)}</h3>
      <label for="next-message">{w.messageLabel(person.name)}</label>
      <textarea id="next-message" rows={2} value={body} onInput={(e) => setBody(e.currentTarget.value.slice(0, 300))} />
      {href && (
        <p class="crisis-pair">
          <a class="button-link crisis-action" href={href}>
            {w.text(person.name)}
          </a>
          <span class="hint" data-user-text>
            {person.phone}
          </span>
        </p>
      )}
    </section>
  );
}

type PlanUndo = { message: string; undo: (() => Promise<unknown>) | null };

function AddToPlan({ services, reflection }: { services: AppServices; reflection: Reflection }) {
  const w = words.reflect;
  const step = reflection.nextTime.trim();
  const [situation, setSituation] = useState(reflection.triggers[0] ?? '');
  const [done, setDone] = useState<PlanUndo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const name = triggerText(situation);

  async function add() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const plan = await services.plan.entries();
      const entry = entriesForTriggers(plan, [situation])[0];
      if (entry && entry.steps.some((s) => labelKey(s) === labelKey(step))) {
        setDone({ message: w.alreadyInPlan(name), undo: null });
      } else if (entry) {
        const before = { trigger: entry.trigger, steps: entry.steps };
        await services.plan.updateEntry(entry.id, { trigger: entry.trigger, steps: [...entry.steps, step] });
        setDone({ message: w.addedToPlan(name), undo: () => services.plan.updateEntry(entry.id, before) });
      } else {
        const added = await services.plan.addEntry({ trigger: planTrigger(situation), steps: [step] });
        setDone({ message: w.addedToPlan(name), undo: () => services.plan.removeEntry(added.id) });
      }
      requestAnimationFrame(() => undoButton.current?.focus());
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    if (!done?.undo) return;
    try {
      await done.undo();
      setDone({ message: w.takenOutOfPlan, undo: null });
      requestAnimationFrame(() => addButton.current?.focus());
    } catch (err) {
      setError(errorText(err));
    }
  }

  const added = done !== null && done.undo !== null;
  return (
    <section class="next-action" aria-labelledby="next-plan">
      <h3 id="next-plan">{w.addToPlan}</h3>
      {reflection.triggers.length > 1 && !added && (
        <fieldset>
          <legend>{w.addToPlanSituation}</legend>
          <div class="chips">
            {reflection.triggers.map((t) => (
              <button type="button" key={t} class="toggle" aria-pressed={t === situation} onClick={() => setSituation(t)}>
                {isHaltTag(t) ? triggerText(t) : <span data-user-text>{t}</span>}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {!added && (
        <>
          <p class="hint" id="next-plan-what">
            {w.addToPlanWhat(step, name)}
          </p>
          <button ref={addButton} type="button" class="crisis-action" aria-describedby="next-plan-what" onClick={() => void add()}>
            {w.addToPlan}
          </button>
        </>
      )}
      <div class="row" role="status">
        {done?.message}
        {added && (
          <button ref={undoButton} type="button" class="secondary" onClick={() => void undo()}>
            {words.main.undo}
          </button>
        )}
      </div>
      <Alert message={error} />
    </section>
  );
}

function CheckTomorrow({ services }: { services: AppServices }) {
  const w = words.reflect;
  const { clock, store } = services;
  const [set, setSet] = useState<TomorrowReminder | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);

  async function tell() {
    // The extension's background sets its alarm; the web app shows a card when opened.
    await services.reminders?.tomorrowChanged?.().catch(() => undefined);
  }
  async function ask() {
    setError(null);
    try {
      const now = clock.now();
      const timeZone = clock.timeZone();
      const at = tomorrowMorning(now, timeZone, await store.settings());
      const reminder = { at, notified: false };
      await store.saveTomorrowReminder(reminder);
      await tell();
      setSet(reminder);
      const time = fmt.time(at, timeZone);
      const said = calendarDay(at, timeZone) === calendarDay(now, timeZone) ? w.tomorrowSetToday(time) : w.tomorrowSetTomorrow(time);
      setMessage(services.reminders ? said : `${said} ${w.tomorrowWebNote}`);
      requestAnimationFrame(() => undoButton.current?.focus());
    } catch (err) {
      setError(errorText(err));
    }
  }
  async function undo() {
    try {
      await store.saveTomorrowReminder(undefined);
      await tell();
      setSet(null);
      setMessage(w.tomorrowCancelled);
      requestAnimationFrame(() => askButton.current?.focus());
    } catch (err) {
      setError(errorText(err));
    }
  }
  return (
    <section class="next-action" aria-labelledby="next-tomorrow">
      <h3 id="next-tomorrow" class="visually-hidden">
        {w.checkTomorrow}
      </h3>
      {!set && (
        <button ref={askButton} type="button" class="crisis-action secondary" onClick={() => void ask()}>
          {w.checkTomorrow}
        </button>
      )}
      <div class="row" role="status">
        {message}
        {set && (
          <button ref={undoButton} type="button" class="secondary" onClick={() => void undo()}>
            {words.main.undo}
          </button>
        )}
      </div>
      <Alert message={error} />
    </section>
  );
}

// The morning card is its own module: the web app's home shows it without the next steps.
export { MorningCard } from './MorningCard';
