import { useEffect, useRef, useState } from 'preact/hooks';
import { clipText, textLength } from '../../lib/rules/text';
import { MAX_WIN_LENGTH } from '../../lib/checkins';
import { HALT_TAGS, type Checkin, type HaltTag, type Mood } from '../../lib/db/schema';
import { errorText } from '../i18n/errorText';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { MoodPicker } from './MoodPicker';
import { fmt, words } from '../i18n';

interface Props {
  services: AppServices;
  /** Keys 1–5 anywhere on the page (the popup); otherwise only while focus is in the panel. */
  pageWideKeys?: boolean;
  autoFocus?: boolean;
}

const DRAFT_LIFETIME_MS = 12 * 60 * 60 * 1000;

function isTextField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable]') !== null;
}

export function CheckinPanel({ services, pageWideKeys = false, autoFocus = false }: Props) {
  const { checkins, store, clock } = services;
  const [saved, setSaved] = useState<Checkin | null>(null);
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
  // an old draft must not take over later check-ins.
  useEffect(() => {
    void (async () => {
      const draft = await store.draftWin();
      if (!draft) return;
      const record = await services.db.checkins.get(draft.checkinId);
      if (record && record.deletedAt === null && clock.now() - record.at < DRAFT_LIFETIME_MS) {
        setSaved(record);
        setWin(draft.text);
      } else {
        await store.saveDraftWin(undefined);
      }
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
    await run(async () => {
      const record = await checkins.add({ mood });
      setSaved(record);
      setFocusWin(true);
      setWin('');
      // The check-in is saved; a stale draft that fails to clear expires on its own.
      void store.saveDraftWin(undefined).catch(() => undefined);
      setStatus(words.main.saved(words.main.mood(mood), fmt.time(record.at, clock.timeZone())));
    });
    saving.current = false;
    setBusy(false);
  }

  useEffect(() => {
    const target: EventTarget | null = pageWideKeys ? document : panel.current;
    if (!target) return;
    const onKey = (event: Event) => {
      const e = event as KeyboardEvent;
      if (e.defaultPrevented || e.repeat || e.ctrlKey || e.metaKey || e.altKey || isTextField(e.target)) return;
      // A sheet (a reflection, the crisis sheet) is open over the page: its keys are its own.
      if (document.querySelector('dialog[open]')) return;
      if (/^[1-5]$/.test(e.key)) {
        e.preventDefault();
        void pick(Number(e.key) as Mood);
      }
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
        const current = await services.db.checkins.get(id);
        const tags = current?.tags ?? [];
        const next = tags.includes(tag) ? tags.filter((x) => x !== tag) : [...tags, tag];
        setSaved(await checkins.update(id, { tags: next }));
      }),
    );
  }

  return (
    <section class="checkin" ref={panel} aria-labelledby="checkin-heading">
      <h2 id="checkin-heading">{words.main.checkinHeading}</h2>
      <p class="hint">{words.main.checkinHint}</p>
      <MoodPicker onPick={(m) => void pick(m)} disabled={busy} />
      <Alert message={status} tone="info" />
      <Alert message={error} />
      {saved && (
        <div class="after-checkin">
          <form class="win-form" onSubmit={(e) => void saveWin(e)}>
            <label for="micro-win">{words.main.winLabel}</label>
            <p class="hint" id="micro-win-hint">
              {words.main.winHint}
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
