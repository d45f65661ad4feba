import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isMoodKey } from '../../lib/moodKey';
import { clipText, textLength } from '../../lib/rules/text';
import { changesCheckin, MAX_WIN_LENGTH } from '../../lib/checkins';
import type { Checkin, HaltTag, Mood } from '../../lib/db/schema';
import { HALT_TAGS } from '../../lib/db/halt';
import { ValidationError } from '../../lib/errors';
import { errorText } from '../i18n/errorText';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { useTouchOnly } from '../ui/pointer';
import { MoodPicker } from './MoodPicker';
import { fmt, words } from '../i18n';

interface Props {
  services: AppServices;
  /** Keys 1–5 anywhere on the page (the popup); otherwise only while focus is in the panel. */
  pageWideKeys?: boolean;
  autoFocus?: boolean;
  /**
   * Take up a check-in made in the last two minutes when the panel opens (the popup, which closes
   * at any click elsewhere): its mood shows as chosen, and a new mood changes it.
   */
  resumeRecent?: boolean;
  /** A touch screen (no keys to name, no field focused on its own); read from the device if not given. */
  touch?: boolean;
}

/** One step back: a check-in just added is removed; a changed mood goes back to the one before. */
type UndoStep = { kind: 'add'; id: string; mood: Mood } | { kind: 'change'; id: string; mood: Mood };

const DRAFT_LIFETIME_MS = 12 * 60 * 60 * 1000;

function isTextField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable]') !== null;
}

function undoName(step: UndoStep): string {
  return step.kind === 'add' ? words.main.undoCheckin : words.main.undoChange(words.main.mood(step.mood));
}

export function CheckinPanel({ services, pageWideKeys = false, autoFocus = false, resumeRecent = false, touch: touchGiven }: Props) {
  const { checkins, store, clock } = services;
  const touch = useTouchOnly(touchGiven);
  const [saved, setSavedState] = useState<Checkin | null>(null);
  // The latest check-in at once, for a second tap that comes before the re-render.
  const savedNow = useRef<Checkin | null>(null);
  const setSaved = (record: Checkin | null) => {
    savedNow.current = record;
    setSavedState(record);
  };
  // Undo steps for the check-in the status speaks about, newest last; cleared when it moves on.
  const [undoSteps, setUndoSteps] = useState<UndoStep[]>([]);
  const [win, setWin] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A ref, not state: a second key press can arrive before the re-render that disables.
  const saving = useRef(false);
  const [focusWin, setFocusWin] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const winInput = useRef<HTMLInputElement>(null);

  // A micro-win being typed survives a reload (e.g. "reload to update"), for a little while:
  // an old draft must not take over later check-ins. Without a draft, the popup takes up a
  // check-in made in the last two minutes (resumeRecent).
  // Started as the panel mounts (a layout effect, before the early keys start() holds are given
  // back): a mood picked before it finished waits for it, so a second tap right after opening
  // still changes the check-in it should (the popup's data code may still be on its way).
  const resumed = useRef<Promise<void>>(Promise.resolve());
  useLayoutEffect(() => {
    resumed.current = (async () => {
      const draft = await store.draftWin();
      const record = draft ? await checkins.get(draft.checkinId) : undefined;
      if (draft && record && clock.now() - record.at < DRAFT_LIFETIME_MS) {
        if (savedNow.current) return; // a mood was picked meanwhile
        setSaved(record);
        setWin(draft.text);
        return;
      }
      if (draft) await store.saveDraftWin(undefined);
      if (!resumeRecent) return;
      const [last] = await checkins.recent(1);
      if (!savedNow.current && changesCheckin(last, clock.now())) setSaved(last);
    })().catch((err: unknown) => setError(errorText(err)));
  }, []);

  useEffect(() => {
    if (focusWin) {
      winInput.current?.focus();
      setFocusWin(false);
    }
  }, [focusWin]);

  useEffect(() => {
    if (autoFocus) panel.current?.querySelector('button')?.focus();
  }, [autoFocus]);

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (err) {
      setStatus(null);
      setError(errorText(err));
    }
  }

  async function pick(mood: Mood) {
    if (saving.current) return;
    saving.current = true;
    setBusy(true);
    await resumed.current;
    await run(async () => {
      const current = savedNow.current;
      if (changesCheckin(current, clock.now())) {
        if (current.mood !== mood) {
          const record = await changeMood(current, mood);
          if (record) {
            setSaved(record);
            setUndoSteps((steps) => [...steps, { kind: 'change', id: record.id, mood: current.mood }]);
            setStatus(words.main.changed(words.main.mood(mood), fmt.time(record.at, clock.timeZone())));
            setFocusWin(!touch);
            return;
          }
        } else {
          setFocusWin(!touch);
          return;
        }
      }
      const record = await checkins.add({ mood });
      setSaved(record);
      setFocusWin(!touch);
      setWin('');
      // The check-in is saved; a stale draft that fails to clear expires on its own.
      void store.saveDraftWin(undefined).catch(() => undefined);
      setUndoSteps([{ kind: 'add', id: record.id, mood }]);
      setStatus(words.main.saved(words.main.mood(mood), fmt.time(record.at, clock.timeZone())));
    });
    saving.current = false;
    setBusy(false);
  }

  /** The changed check-in, or null when it is gone (deleted in another window): then a new one is added. */
  async function changeMood(current: Checkin, mood: Mood): Promise<Checkin | null> {
    try {
      return await checkins.update(current.id, { mood });
    } catch (err) {
      if (err instanceof ValidationError && err.problem.code === 'checkin.gone') return null;
      throw err;
    }
  }

  async function undo() {
    const step = undoSteps[undoSteps.length - 1];
    if (!step || saving.current) return;
    saving.current = true;
    setBusy(true);
    await run(async () => {
      const rest = undoSteps.slice(0, -1);
      if (step.kind === 'add') {
        await checkins.remove(step.id);
        setSaved(null);
        setWin('');
        void store.saveDraftWin(undefined).catch(() => undefined);
        setStatus(words.main.undoneCheckin);
      } else {
        setSaved(await checkins.update(step.id, { mood: step.mood }));
        setStatus(words.main.undoneChange(words.main.mood(step.mood)));
      }
      setUndoSteps(rest);
      // The Undo button goes away with the last step: the focus goes to the mood it leaves.
      if (rest.length === 0) setFocusMood(step.mood);
    });
    saving.current = false;
    setBusy(false);
  }

  const [focusMood, setFocusMood] = useState<Mood | null>(null);
  useEffect(() => {
    if (focusMood === null || busy) return;
    panel.current?.querySelector<HTMLButtonElement>(`.mood-${focusMood}`)?.focus();
    setFocusMood(null);
  }, [focusMood, busy]);

  // Attached as soon as the panel renders (a layout effect, not one after paint), so a digit
  // pressed with the shortcut that opened the popup, held back while the words loaded, lands.
  useLayoutEffect(() => {
    const target: EventTarget | null = pageWideKeys ? document : panel.current;
    if (!target) return;
    const onKey = (event: Event) => {
      const e = event as KeyboardEvent;
      if (e.defaultPrevented || e.repeat || !isMoodKey(e) || isTextField(e.target)) return;
      // A sheet (a reflection, the crisis sheet) is open over the page: its keys are its own.
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      void pick(Number(e.key) as Mood);
    };
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  });

  async function saveWin(e: Event) {
    e.preventDefault();
    if (!saved) return;
    await run(async () => {
      const record = await checkins.setWin(saved.id, win);
      setSaved(record);
      await store.saveDraftWin(undefined);
      setUndoSteps([]);
      setStatus(words.main.winSaved);
    });
  }

  function typeWin(text: string) {
    setWin(text);
    // Best effort: the draft only guards against a reload; typing must never show an error.
    if (saved) void store.saveDraftWin(text ? { checkinId: saved.id, text } : undefined).catch(() => undefined);
  }

  // Toggles are applied one after the other, each to the result of the last, so quick taps
  // never lose a tag.
  const tagQueue = useRef<Promise<unknown>>(Promise.resolve());
  function toggleTag(tag: HaltTag) {
    if (!saved) return;
    const id = saved.id;
    tagQueue.current = tagQueue.current.then(() =>
      run(async () => {
        const current = await checkins.get(id);
        const tags = current?.tags ?? [];
        const next = tags.includes(tag) ? tags.filter((x) => x !== tag) : [...tags, tag];
        setSaved(await checkins.update(id, { tags: next }));
      }),
    );
  }

  return (
    <section class="checkin" ref={panel} aria-labelledby="checkin-heading">
      <h2 id="checkin-heading">{words.main.checkinHeading}</h2>
      <p class="hint">{touch ? words.main.checkinHintTouch : words.main.checkinHint}</p>
      <MoodPicker onPick={(m) => void pick(m)} disabled={busy} selected={saved?.mood ?? null} />
      <div class="checkin-status">
        <Alert message={status} tone="info" />
        {undoSteps.length > 0 && status && (
          <button type="button" class="secondary" aria-label={undoName(undoSteps[undoSteps.length - 1]!)} onClick={() => void undo()}>
            {words.main.undo}
          </button>
        )}
      </div>
      <Alert message={error} />
      {saved && (
        <div class="after-checkin">
          <form class="win-form" onSubmit={(e) => void saveWin(e)}>
            <label for="micro-win">{words.main.winLabel}</label>
            <p class="hint" id="micro-win-hint">
              {touch ? words.main.winHintTouch : words.main.winHint}
            </p>
            <div class="row">
              <input
                id="micro-win"
                ref={winInput}
                type="text"
                value={win}
                aria-describedby="micro-win-hint"
                autocomplete="off"
                onInput={(e) => typeWin((e.currentTarget.value = clipText(e.currentTarget.value, MAX_WIN_LENGTH)))}
              />
              <button type="submit">{words.main.winSave}</button>
            </div>
            <p class="hint" aria-hidden="true">
              {words.main.winCount(textLength(win), MAX_WIN_LENGTH)}
            </p>
            <Alert message={textLength(win) >= MAX_WIN_LENGTH ? words.main.winAtLimit(MAX_WIN_LENGTH) : null} tone="info" />
          </form>
          <fieldset class="halt">
            <legend>{words.main.haltLegend}</legend>
            {HALT_TAGS.map((tag) => (
              <button
                key={tag}
                type="button"
                class="toggle"
                aria-pressed={saved.tags.includes(tag) ? 'true' : 'false'}
                onClick={() => toggleTag(tag)}
              >
                {words.main.halt[tag]}
              </button>
            ))}
          </fieldset>
        </div>
      )}
    </section>
  );
}
