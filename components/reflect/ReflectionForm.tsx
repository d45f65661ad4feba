import { useEffect, useRef, useState } from 'preact/hooks';
import { clipText } from '../../lib/rules/text';
import { MOODS } from '../../lib/checkins';
import { formatClock, instantAt, parseClock, wallTime } from '../../lib/days';
import type { Mood, Reflection, ReflectionKind } from '../../lib/db/schema';
import { HALT_TAGS } from '../../lib/db/halt';
import { errorText } from '../i18n/errorText';
import { entriesForTriggers } from '../../lib/plan';
import { isEmptyDraft, MAX_REFLECTION_TEXT, MAX_TRIGGER_LENGTH, readReflectionDraft, type ReflectionDraftFields } from '../../lib/reflections';
import type { AppServices } from '../../lib/services';
import { labelKey, uniqueLabels } from '../../lib/text';
import { Alert } from '../ui/Alert';
import { useLiveQuery } from '../ui/hooks';
import { Sheet } from '../ui/Sheet';
import { isHaltTag, triggerText } from '../ui/triggerText';
import { NextSteps } from './NextSteps';
import { words } from '../i18n';

interface Props {
  services: AppServices;
  kind: ReflectionKind;
  /** Editing an existing reflection rather than writing a new one. */
  existing?: Reflection;
  onSaved: (message: string) => void;
  onClose: () => void;
  /** Where the steps after a new reflection send the person to add someone to text. */
  onAddContacts?: () => void;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The date and time fields' values for an instant, in the device's zone. */
function localParts(at: number, timeZone: string) {
  const w = wallTime(at, timeZone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: formatClock(w.hour * 60 + w.minute) };
}

export function StrengthSelect({ id, label, value, onChange }: { id: string; label: string; value: number | null; onChange: (v: number | null) => void }) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value === null ? '' : String(value)} onChange={(e) => onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}>
        <option value="">{words.reflect.notSaid}</option>
        {Array.from({ length: 11 }, (_, i) => (
          <option key={i} value={String(i)}>
            {i}
          </option>
        ))}
      </select>
    </>
  );
}

/** Trigger chips (HALT, the plan's situations, ones used before) plus a field for a new one. */
export function TriggerPicker({ services, value, onChange, idBase }: { services: AppServices; value: string[]; onChange: (v: string[]) => void; idBase: string }) {
  const plan = useLiveQuery(() => services.plan.entries(), []);
  const known = useLiveQuery(() => services.reflections.knownTriggers(), []);
  const [own, setOwn] = useState('');
  const choices = uniqueLabels([...HALT_TAGS, ...(plan ?? []).map((e) => e.trigger), ...(known ?? []), ...value]);
  const selected = new Set(value.map(labelKey));
  const toggle = (label: string) =>
    onChange(selected.has(labelKey(label)) ? value.filter((v) => labelKey(v) !== labelKey(label)) : [...value, label]);
  const addOwn = () => {
    const text = own.trim();
    if (!text) return;
    if (!selected.has(labelKey(text))) onChange([...value, text]);
    setOwn('');
  };
  return (
    <fieldset>
      <legend>{words.reflect.triggersLegend}</legend>
      <p class="hint" id={`${idBase}-hint`}>{words.reflect.triggersHint}</p>
      <div class="chips">
        {choices.map((c) => (
          <button type="button" key={labelKey(c)} class="toggle" aria-pressed={selected.has(labelKey(c))} onClick={() => toggle(c)}>
            {isHaltTag(c) ? triggerText(c) : <span data-user-text>{c}</span>}
          </button>
        ))}
      </div>
      <label for={`${idBase}-own`}>{words.reflect.ownTrigger}</label>
      <div class="row">
        <input
          id={`${idBase}-own`}
          type="text"
          value={own}
          onInput={(e) => setOwn((e.currentTarget.value = clipText(e.currentTarget.value, MAX_TRIGGER_LENGTH)))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addOwn();
            }
          }}
        />
        <button type="button" class="secondary" onClick={addOwn}>
          {words.reflect.addTrigger}
        </button>
      </div>
    </fieldset>
  );
}

export function ReflectionForm({ services, kind, existing, onSaved, onClose, onAddContacts }: Props) {
  const { clock } = services;
  const timeZone = clock.timeZone();
  const start = localParts(existing?.at ?? clock.now(), timeZone);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [whenTouched, setWhenTouched] = useState(false);
  const [triggers, setTriggers] = useState<string[]>(existing?.triggers ?? []);
  const [strength, setStrength] = useState<number | null>(existing?.strength ?? null);
  const [strengthAfter, setStrengthAfter] = useState<number | null>(existing?.strengthAfter ?? null);
  const [steps, setSteps] = useState<string[]>(existing?.steps ?? []);
  const [helped, setHelped] = useState(existing?.helped ?? '');
  const [nextTime, setNextTime] = useState(existing?.nextTime ?? '');
  const [moodNow, setMoodNow] = useState<Mood | null>(existing?.moodNow ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A new reflection is kept as a draft while it is written (a popup closes at a click
  // elsewhere) and comes back when the same sheet opens again; saving or Cancel clears it.
  const [restored, setRestored] = useState(false);
  const touched = useRef(false);
  const [saved, setSaved] = useState<{ record: Reflection; message: string } | null>(null);
  const plan = useLiveQuery(() => services.plan.entries(), []);
  const matching = entriesForTriggers(plan ?? [], triggers);
  // Steps on screen: the plan's for the chosen triggers, and any others this reflection already
  // had (e.g. "Urge surfing"), so nothing hidden is saved and nothing saved is out of reach.
  const planSteps = matching.flatMap((e) => e.steps);
  const otherSteps = (existing?.steps ?? []).filter((x) => !planSteps.some((p) => labelKey(p) === labelKey(x)));
  const shown = new Set([...planSteps, ...otherSteps].map(labelKey));
  const id = `reflect-${existing?.id ?? 'new'}`;

  const draftFields = (): ReflectionDraftFields => ({
    when: whenTouched ? { date, time } : null,
    triggers,
    strength,
    strengthAfter,
    steps,
    helped,
    nextTime,
    moodNow,
  });
  useEffect(() => {
    if (existing) return;
    let live = true;
    services.store
      .draftReflection()
      .catch(() => undefined)
      .then((stored) => {
        const draft = readReflectionDraft(stored);
        // Only into an untouched form: a draft read late never overwrites what was just typed.
        if (!live || !draft || draft.kind !== kind || touched.current || isEmptyDraft(draft.fields)) return;
        const f = draft.fields;
        if (f.when) {
          setDate(f.when.date);
          setTime(f.when.time);
          setWhenTouched(true);
        }
        setTriggers(f.triggers);
        setStrength(f.strength);
        setStrengthAfter(f.strengthAfter);
        setSteps(f.steps);
        setHelped(f.helped);
        setNextTime(f.nextTime);
        setMoodNow(f.moodNow);
        setRestored(true);
      });
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (existing || !touched.current || saved) return;
    const fields = draftFields();
    void services.store.saveDraftReflection(isEmptyDraft(fields) ? undefined : { kind, fields }).catch(() => undefined);
  }, [date, time, whenTouched, triggers, strength, strengthAfter, steps, helped, nextTime, moodNow]);
  /** Marks the form as the person's own from the first change, so their draft is kept. */
  const mine =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      touched.current = true;
      set(v);
    };
  const cancel = () => {
    if (!existing) void services.store.saveDraftReflection(undefined).catch(() => undefined);
    onClose();
  };

  function when(): number | undefined {
    if (!whenTouched) return existing ? existing.at : undefined;
    const minute = parseClock(time);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || minute === null) return Number.NaN;
    return instantAt(date, minute, timeZone);
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const input = { kind, at: when(), triggers, strength, strengthAfter, steps: steps.filter((x) => shown.has(labelKey(x))), helped, nextTime, moodNow, urgeSurfMinutes: existing?.urgeSurfMinutes ?? null };
    try {
      if (existing) {
        await services.reflections.update(existing.id, input);
        onSaved(words.reflect.updated);
      } else {
        const record = await services.reflections.add(input);
        touched.current = false;
        await services.store.saveDraftReflection(undefined).catch(() => undefined);
        setSaved({ record, message: kind === 'near-miss' ? words.reflect.nearMissSaved : words.reflect.setbackSaved });
      }
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  const toggleStep = (step: string) => {
    touched.current = true;
    setSteps((s) => (s.some((x) => labelKey(x) === labelKey(step)) ? s.filter((x) => labelKey(x) !== labelKey(step)) : [...s, step]));
  };

  if (saved) {
    const done = () => onSaved(saved.message);
    return (
      <Sheet title={kind === 'near-miss' ? words.reflect.nearMissTitle : words.reflect.setbackTitle} onClose={done}>
        <NextSteps services={services} reflection={saved.record} onAddContacts={onAddContacts ?? done} onDone={done} />
      </Sheet>
    );
  }

  return (
    <Sheet
      title={existing ? words.reflect.editTitle : kind === 'near-miss' ? words.reflect.nearMissTitle : words.reflect.setbackTitle}
      onClose={onClose}
      intro={
        !existing && (
          <>
            <p class="hint">{kind === 'near-miss' ? words.reflect.nearMissIntro : words.reflect.setbackIntro}</p>
            {restored && <p class="alert alert-info draft-note">{words.reflect.draftRestored}</p>}
          </>
        )
      }
    >
      <form onSubmit={(e) => void submit(e)} class="reflection-form" noValidate>
        <TriggerPicker services={services} value={triggers} onChange={mine(setTriggers)} idBase={id} />
        {matching.map((entry) => (
          <fieldset key={entry.id} class="plan-steps">
            <legend>{words.reflect.planFor(entry.trigger)}</legend>
            <ol>
              {entry.steps.map((step) => (
                <li key={step}>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={steps.some((x) => labelKey(x) === labelKey(step))}
                      onChange={() => toggleStep(step)}
                    />
                    <span data-user-text>{step}</span>
                    <span class="visually-hidden"> ({words.reflect.usedStep})</span>
                  </label>
                </li>
              ))}
            </ol>
          </fieldset>
        ))}
        {otherSteps.length > 0 && (
          <fieldset class="plan-steps">
            <legend>{words.reflect.otherSteps}</legend>
            <ul>
              {otherSteps.map((step) => (
                <li key={step}>
                  <label class="check">
                    <input type="checkbox" checked={steps.some((x) => labelKey(x) === labelKey(step))} onChange={() => toggleStep(step)} />
                    <span data-user-text>{step}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <div class="row">
          <div>
            <label for={`${id}-date`}>{words.reflect.when}</label>
            <input id={`${id}-date`} type="date" value={date} onInput={(e) => { touched.current = true; setDate(e.currentTarget.value); setWhenTouched(true); }} />
          </div>
          <div>
            <label for={`${id}-time`} class="visually-hidden">{words.reflect.time}</label>
            <input id={`${id}-time`} type="time" aria-label={words.reflect.time} value={time} onInput={(e) => { touched.current = true; setTime(e.currentTarget.value); setWhenTouched(true); }} />
          </div>
        </div>
        <StrengthSelect id={`${id}-strength`} label={words.reflect.strength} value={strength} onChange={mine(setStrength)} />
        <StrengthSelect id={`${id}-after`} label={words.reflect.strengthAfter} value={strengthAfter} onChange={mine(setStrengthAfter)} />
        <label for={`${id}-helped`}>{words.reflect.helped}</label>
        <textarea id={`${id}-helped`} rows={2} value={helped} onInput={(e) => mine(setHelped)((e.currentTarget.value = clipText(e.currentTarget.value, MAX_REFLECTION_TEXT)))} />
        <label for={`${id}-next`}>{words.reflect.nextTime}</label>
        <textarea id={`${id}-next`} rows={2} value={nextTime} onInput={(e) => mine(setNextTime)((e.currentTarget.value = clipText(e.currentTarget.value, MAX_REFLECTION_TEXT)))} />
        <fieldset>
          <legend>{words.reflect.moodNow}</legend>
          <div class="chips">
            {MOODS.map((m) => (
              <button type="button" key={m} class="toggle" aria-pressed={moodNow === m} onClick={() => mine(setMoodNow)(moodNow === m ? null : m)}>
                {words.main.mood(m)}
              </button>
            ))}
          </div>
        </fieldset>
        <Alert message={error} />
        <div class="row">
          <button type="submit" disabled={busy}>
            {words.reflect.save}
          </button>
          <button type="button" class="secondary" onClick={cancel}>
            {words.main.cancel}
          </button>
        </div>
      </form>
    </Sheet>
  );
}
