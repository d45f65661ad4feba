import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { MAX_FILE_BYTES } from '../../lib/backup/limits';
import type { ReadResult } from '../../lib/backup/parse';
import { BackupError } from '../../lib/backup/problems';
import type { ImportSummary } from '../../lib/backup/store';
import type { ImportSource } from '../../lib/backupService';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { PassphraseField } from '../ui/PassphraseField';
import { dataErrorText } from './errorText';
import { words } from '../i18n';

// Import in three steps the person controls: choose (a file, or a link that was opened),
// unlock (only when protected), then read what would change and confirm. Nothing is written
// before the confirmation, and the write is one transaction.

type Step =
  | { step: 'idle' }
  | { step: 'passphrase'; source: ImportSource }
  | { step: 'preview'; backup: ReadResult; summary: ImportSummary }
  | { step: 'busy' };

interface Props {
  services: AppServices;
  /** A transfer link the page was opened with. */
  link: string | null;
  onLinkDone: () => void;
}

export function ImportFlow({ services, link, onLinkDone }: Props) {
  const [state, setState] = useState<Step>(link ? { step: 'passphrase', source: { kind: 'link', payload: link } } : { step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const passRef = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Unique per instance: the page can hold the settings' import and a received link at once.
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  // Where focus goes once the step's controls exist; the button that had it is gone by then.
  const returnFocus = useRef(false);

  useEffect(() => {
    if (state.step === 'passphrase') passRef.current?.focus();
    if (state.step === 'preview') previewRef.current?.focus();
    if (state.step === 'idle' && returnFocus.current) (link ? headingRef : fileRef).current?.focus();
    returnFocus.current = false;
  }, [state.step]);

  function finish(message: string | null) {
    if (link) onLinkDone();
    returnFocus.current = true;
    setPassphrase('');
    setState({ step: 'idle' });
    setStatus(message);
  }

  async function open(source: ImportSource, pass?: string) {
    setError(null);
    setStatus(null);
    setState({ step: 'busy' });
    try {
      const backup = await services.backup.open(source, pass);
      setState({ step: 'preview', backup, summary: await services.backup.preview(backup) });
    } catch (err) {
      if (err instanceof BackupError && (err.reason === 'needs-passphrase' || err.reason === 'wrong-passphrase')) {
        if (err.reason === 'wrong-passphrase') setError(dataErrorText(err));
        setState({ step: 'passphrase', source });
        return;
      }
      setError(dataErrorText(err));
      setState(source.kind === 'link' ? { step: 'passphrase', source } : { step: 'idle' });
    }
  }

  async function chooseFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again is a new choice.
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setStatus(null);
      setError(dataErrorText(new BackupError('too-large')));
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      // The file went away or can't be read (moved, a cloud placeholder).
      setError(words.data.unreadable);
      return;
    }
    await open({ kind: 'file', bytes });
  }

  async function apply(backup: ReadResult) {
    setError(null);
    setState({ step: 'busy' });
    try {
      const summary = await services.backup.apply(backup);
      finish(words.data.applied(summary));
    } catch (err) {
      // Nothing was written; keep the file open so the person can try again after fixing it.
      setError(dataErrorText(err));
      try {
        setState({ step: 'preview', backup, summary: await services.backup.preview(backup) });
      } catch {
        setState({ step: 'idle' });
      }
    }
  }

  const Heading = link ? 'h2' : 'h3';
  return (
    <section aria-labelledby={`${id}-heading`} class="data-block">
      {/* A received link stands alone at the top of the page; the file import sits in "Your data". */}
      <Heading id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {link ? words.data.linkHeading : words.data.importHeading}
      </Heading>
      <p class="hint">{link ? words.data.linkHint : words.data.importHint}</p>
      {state.step === 'idle' && !link && (
        <div class="row">
          <label class="file-pick">
            {words.data.chooseFile}
            <input ref={fileRef} type="file" accept=".json,application/json" onChange={(e) => void chooseFile(e.currentTarget)} />
          </label>
        </div>
      )}
      {/* Always in the page, so "Opening…" is announced (the passphrase takes a moment to check). */}
      <p role="status" class="hint">
        {state.step === 'busy' ? words.data.opening : ''}
      </p>
      {state.step === 'passphrase' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void open(state.source, passphrase);
          }}
        >
          <PassphraseField
            id={`${id}-passphrase`}
            inputRef={passRef}
            label={words.data.passphraseLabel}
            showLabel={words.data.showPassphrase}
            hideLabel={words.data.hidePassphrase}
            errorId={error ? `${id}-error` : null}
            value={passphrase}
            onInput={setPassphrase}
          />
          <div class="row">
            <button type="submit">{words.data.openWithPassphrase}</button>
            <button type="button" class="secondary" onClick={() => finish(words.data.cancelled)}>
              {words.data.cancel}
            </button>
          </div>
        </form>
      )}
      {state.step === 'preview' && (
        <Preview {...state} level={link ? 'h3' : 'h4'} headingRef={previewRef} onApply={() => void apply(state.backup)} onCancel={() => finish(words.data.cancelled)} />
      )}
      <div id={`${id}-error`}>
        <Alert message={error} />
      </div>
      <Alert message={status} tone="info" />
    </section>
  );
}

/** What a file would change, before anything is written; also the preview of "Import from another app". */
export function Preview({
  backup,
  summary,
  level,
  headingRef,
  onApply,
  onCancel,
  refusedText = words.data.refusedRecord,
  children,
}: {
  backup: ReadResult;
  summary: ImportSummary;
  /** One below the flow's own heading. */
  level: 'h3' | 'h4';
  headingRef: { current: HTMLHeadingElement | null };
  onApply: () => void;
  onCancel: () => void;
  /** How a left-out record is named (a spreadsheet names its line). */
  refusedText?: (r: ReadResult['refused']['first'][number]) => string;
  /** What else the preview says (rows a spreadsheet leaves out). */
  children?: ComponentChildren;
}) {
  const changes = summary.new + summary.updated + summary.deleted > 0 || summary.settings === 'replaced';
  const Heading = level;
  return (
    <div class="preview">
      <Heading ref={headingRef} tabIndex={-1}>
        {words.data.previewHeading}
      </Heading>
      <p class="preview-summary">{words.data.summary(summary)}</p>
      {backup.scope.kind === 'recent' && backup.scope.fromDay && <p class="hint">{words.data.scopeRecent(backup.scope.fromDay)}</p>}
      {summary.settings === 'replaced' && <p class="hint">{words.data.settingsReplaced}</p>}
      {summary.settings === 'kept' && <p class="hint">{words.data.settingsKept}</p>}
      {children}
      {(summary.refused.count > 0 || summary.refused.settings) && (
        <div role="alert" class="alert alert-info refused">
          {summary.refused.count > 0 && (
            <>
              <p>{words.data.refusedCount(summary.refused.count)}</p>
              <ul>
                {summary.refused.first.map((r) => (
                  <li key={`${r.table}-${r.index}`}>{refusedText(r)}</li>
                ))}
              </ul>
              {summary.refused.count > summary.refused.first.length && (
                <p>{words.data.refusedMore(summary.refused.count - summary.refused.first.length)}</p>
              )}
            </>
          )}
          {summary.refused.settings && <p>{words.data.refusedSettings[summary.refused.settings]}</p>}
          <p>{words.data.refusedKeep}</p>
        </div>
      )}
      {!changes && <p>{words.data.nothingToDo}</p>}
      <div class="row">
        <button type="button" onClick={onApply}>
          {words.data.apply}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {words.data.cancel}
        </button>
      </div>
    </div>
  );
}
