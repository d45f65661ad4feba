import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { MAX_FILE_BYTES } from '../../lib/backup/codec';
import type { ReadResult } from '../../lib/backup/parse';
import type { ImportSummary } from '../../lib/backup/store';
import { MOODS } from '../../lib/checkins';
import type { Mood } from '../../lib/db/schema';
import type { DaylioRead } from '../../lib/import/daylio';
import { SheetError, type MoodLabel } from '../../lib/import/sheet';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { dataErrorText } from './errorText';
import { Preview } from './ImportFlow';
import { words } from '../i18n';

// "Import from another app" (issue 15): a Daylio export or Tandem's own CSV. Daylio's moods
// are placed on Tandem's scale by the person first; then the same preview and merge as a
// backup. Long work runs in slices with a progress bar, so the page never stops answering.

type Step =
  | { step: 'idle' }
  | { step: 'busy'; what: 'reading' | 'preparing' | 'adding'; done: number | null }
  | { step: 'place'; read: DaylioRead; labels: MoodLabel[] }
  | { step: 'preview'; backup: ReadResult; summary: ImportSummary; unplaced: [string, number][]; problems: DaylioRead['problems']; unknownType: number };

const SHOWN = 5;

function sheetErrorText(err: unknown): string {
  return err instanceof SheetError ? words.sheet.errors[err.reason] : dataErrorText(err);
}

export function SheetImport({ services }: { services: AppServices }) {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [placement, setPlacement] = useState<Map<string, Mood>>(new Map());
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const stepRef = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef(false);
  const busy = state.step === 'busy';

  useEffect(() => {
    if (state.step === 'place' || state.step === 'preview') stepRef.current?.focus();
    if (state.step === 'idle' && returnFocus.current) fileRef.current?.focus();
    returnFocus.current = false;
  }, [state.step]);

  // A file dropped anywhere on the page comes here, while this panel is showing.
  const takeRef = useRef<(file: File) => void>(() => undefined);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      takeRef.current(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  function finish(message: string | null) {
    returnFocus.current = true;
    setState({ step: 'idle' });
    setStatus(message);
  }

  async function preview(backup: ReadResult, extra: { unplaced?: [string, number][]; problems?: DaylioRead['problems']; unknownType?: number }) {
    const summary = await services.backup.preview(backup, 'sheet');
    setState({ step: 'preview', backup, summary, unplaced: extra.unplaced ?? [], problems: extra.problems ?? [], unknownType: extra.unknownType ?? 0 });
  }

  async function take(file: File) {
    if (busy) return;
    setError(null);
    setStatus(null);
    if (file.size > MAX_FILE_BYTES) {
      setError(words.sheet.errors['too-large']);
      return;
    }
    setState({ step: 'busy', what: 'reading', done: null });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const sheet = await services.backup.openSheet(bytes, (done) => setState({ step: 'busy', what: 'reading', done }));
      if (sheet.kind === 'tandem') await preview(sheet.backup, { unknownType: sheet.unknownType.length });
      else {
        setPlacement(new Map(sheet.labels.filter((l) => l.suggested !== null).map((l) => [l.label, l.suggested as Mood])));
        setState({ step: 'place', read: sheet.read, labels: sheet.labels });
      }
    } catch (err) {
      setError(err instanceof DOMException ? words.data.unreadable : sheetErrorText(err));
      setState({ step: 'idle' });
    }
  }
  takeRef.current = (file) => void take(file);

  async function prepare(read: DaylioRead) {
    setError(null);
    setState({ step: 'busy', what: 'preparing', done: 0 });
    try {
      const made = await services.backup.fromDaylio(read, placement, words.sheet.activities, (done) =>
        setState({ step: 'busy', what: 'preparing', done }),
      );
      await preview(made.backup, { unplaced: [...made.unplaced], problems: read.problems });
    } catch (err) {
      setError(sheetErrorText(err));
      setState({ step: 'idle' });
    }
  }

  async function apply(current: Extract<Step, { step: 'preview' }>) {
    setError(null);
    setState({ step: 'busy', what: 'adding', done: null });
    try {
      const summary = await services.backup.apply(current.backup, 'sheet');
      finish(words.data.applied(summary));
    } catch (err) {
      // Nothing was written: the preview stays, so the person can try again.
      setError(dataErrorText(err));
      setState(current);
    }
  }

  const unplacedCount = state.step === 'place' ? state.labels.filter((l) => !placement.has(l.label)).reduce((n, l) => n + l.count, 0) : 0;
  const problems = state.step === 'preview' ? state.problems.filter((p) => p.code !== 'short') : [];
  const short = state.step === 'preview' ? state.problems.length - problems.length : 0;

  return (
    <section aria-labelledby={`${id}-heading`} class="data-block">
      <h3 id={`${id}-heading`}>{words.sheet.heading}</h3>
      <p class="hint">{words.sheet.hint}</p>
      <p class="hint">{words.sheet.timeZoneHint(services.clock.timeZone())}</p>
      {state.step === 'idle' && (
        <div class="row">
          <label class="file-pick">
            {words.sheet.chooseFile}
            <input
              ref={fileRef}
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void take(file);
              }}
            />
          </label>
        </div>
      )}
      <p role="status" class="hint">
        {state.step === 'busy' ? words.sheet[state.what] : ''}
      </p>
      {state.step === 'busy' && (
        <progress aria-label={words.sheet.progressLabel} max={1} value={state.done ?? undefined} />
      )}
      {state.step === 'place' && (
        <form
          class="preview"
          onSubmit={(e) => {
            e.preventDefault();
            void prepare(state.read);
          }}
        >
          <h4 ref={stepRef} tabIndex={-1}>
            {words.sheet.placeHeading}
          </h4>
          <p class="hint">{words.sheet.placeHint}</p>
          {state.labels.map((l, i) => (
            <div key={l.label} class="field">
              <label for={`${id}-mood-${i}`} data-user-text>
                {words.sheet.labelWithCount(l.label, l.count)}
              </label>
              <select
                id={`${id}-mood-${i}`}
                value={placement.get(l.label) ?? ''}
                onChange={(e) => {
                  const next = new Map(placement);
                  const value = e.currentTarget.value;
                  if (value === '') next.delete(l.label);
                  else next.set(l.label, Number(value) as Mood);
                  setPlacement(next);
                }}
              >
                <option value="">{words.sheet.skip}</option>
                {MOODS.map((m) => (
                  <option key={m} value={m}>
                    {words.main.mood(m)}
                  </option>
                ))}
              </select>
            </div>
          ))}
          {unplacedCount > 0 && <p class="hint">{words.sheet.unplacedNote(unplacedCount)}</p>}
          <div class="row">
            <button type="submit">{words.sheet.showChanges}</button>
            <button type="button" class="secondary" onClick={() => finish(words.data.cancelled)}>
              {words.data.cancel}
            </button>
          </div>
        </form>
      )}
      {state.step === 'preview' && (
        <Preview
          backup={state.backup}
          summary={state.summary}
          level="h4"
          headingRef={stepRef}
          refusedText={words.sheet.refusedLine}
          onApply={() => void apply(state)}
          onCancel={() => finish(words.data.cancelled)}
        >
          {state.unplaced.map(([label, count]) => (
            <p key={label} class="hint" data-user-text>
              {words.sheet.unplacedPreview(label, count)}
            </p>
          ))}
          {state.unknownType > 0 && <p class="hint">{words.sheet.unknownType(state.unknownType)}</p>}
          {short > 0 && <p class="hint">{words.sheet.shortCount(short)}</p>}
          {problems.length > 0 && (
            <div role="alert" class="alert alert-info refused">
              <p>{words.sheet.problemsCount(problems.length)}</p>
              <ul>
                {problems.slice(0, SHOWN).map((p) => (
                  <li key={p.line} data-user-text>
                    {words.sheet.problem(p)}
                  </li>
                ))}
              </ul>
              {problems.length > SHOWN && <p>{words.sheet.more(problems.length - SHOWN)}</p>}
            </div>
          )}
        </Preview>
      )}
      <Alert message={error} />
      <Alert message={status} tone="info" />
    </section>
  );
}
