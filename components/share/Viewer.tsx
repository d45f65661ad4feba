import type { ComponentChildren } from 'preact';
import { useEffect, useErrorBoundary, useId, useRef, useState } from 'preact/hooks';
import { errorText } from '../i18n/errorText';
import { fromBase64Url, toBase64Url } from '../../lib/crypto';
import { openEnvelopeWithKey, parseEnvelope, refuseReply, type Envelope } from '../../lib/share/link';
import { LinkError } from '../../lib/share/linkErrors';
import type { KeptMentee, MenteeList } from '../../lib/share/menteeList';
import type { Snapshot } from '../../lib/share/model';
import { Alert } from '../ui/Alert';
import { PassphraseField } from '../ui/PassphraseField';
import { formatInstant } from './dates';
import { SnapshotView } from './SnapshotView';
import { GlanceChanges, glanceFacts } from './MenteeGlance';
import { byLeastRecent } from '../../lib/share/glance';
import { WriteBack } from './WriteBack';
import { words } from '../i18n';

interface Props {
  /** The link's fragment, read once when the page opened. */
  fragment: string;
  now: () => number;
  mentees: MenteeList;
  /**
   * Called once the link is settled (opened, or refused for good), to take the fragment out of
   * the address bar and history: even an expired link still carries its data.
   */
  onSettled: () => void;
}

type State =
  | { phase: 'list' }
  | { phase: 'opening' }
  | { phase: 'passphrase'; envelope: Envelope; error: string | null; working: boolean }
  | { phase: 'open'; snapshot: Snapshot; kept: KeptMentee | null; linkKey: Uint8Array<ArrayBuffer> | null; writing?: boolean }
  | { phase: 'failed'; message: string };

/** Only the words: a LinkError says what went wrong, in the mentor's language; anything else stays in the console. */
function failure(err: unknown): string {
  if (err instanceof LinkError) return words.share.linkErrors[err.kind];
  console.error(err);
  if (!globalThis.crypto?.subtle) return words.share.noCrypto;
  return words.share.linkErrors.invalid;
}

/** The mentor's page: opens a link read-only, and the list of snapshots they chose to keep. */
export function Viewer({ fragment, now, mentees, onSettled }: Props) {
  const [state, setState] = useState<State>(() => (fragment === '' ? { phase: 'list' } : { phase: 'opening' }));
  const main = useRef<HTMLElement>(null);

  // viewer.html's own <title> is English; the tab says it in the mentor's language.
  useEffect(() => {
    document.title = words.share.viewerTitle;
  }, []);

  // The control that was used (Open, Show) is gone with the view it belonged to: the new
  // view's heading takes the focus, so a screen reader announces what opened.
  useEffect(() => {
    if (state.phase !== 'open' && state.phase !== 'failed') return;
    // Write back from the list: its form has the focus (and scrolled into view) already.
    if (state.phase === 'open' && state.writing) return;
    const heading = main.current?.querySelector<HTMLElement>('h1, h2');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [state.phase, state.phase === 'open' ? state.snapshot : null]);

  function opened({ snapshot, linkKey }: { snapshot: Snapshot; linkKey: Uint8Array<ArrayBuffer> }) {
    onSettled();
    setState({ phase: 'open', snapshot, kept: null, linkKey });
  }

  const show = (k: KeptMentee, writing = false) =>
    setState({ phase: 'open', snapshot: k.snapshot, kept: k, linkKey: k.linkKey ? fromBase64Url(k.linkKey) : null, writing });

  function failed(err: unknown) {
    onSettled();
    setState({ phase: 'failed', message: failure(err) });
  }

  useEffect(() => {
    if (fragment === '') return;
    let envelope: Envelope;
    try {
      refuseReply(fragment);
      envelope = parseEnvelope(fragment);
    } catch (err) {
      failed(err);
      return;
    }
    if (envelope.mode === 'passphrase') {
      setState({ phase: 'passphrase', envelope, error: null, working: false });
      return;
    }
    openEnvelopeWithKey(envelope, { now: now() }).then(opened, failed);
  }, []);

  async function unlock(envelope: Envelope, passphrase: string) {
    setState({ phase: 'passphrase', envelope, error: null, working: true });
    try {
      opened(await openEnvelopeWithKey(envelope, { now: now(), passphrase }));
    } catch (err) {
      const retry = err instanceof LinkError && (err.kind === 'wrong-passphrase' || err.kind === 'needs-passphrase');
      if (retry) setState({ phase: 'passphrase', envelope, error: failure(err), working: false });
      else failed(err);
    }
  }

  return (
    <>
      <header class="top">
        <p class="viewer-brand">{words.share.viewerTitle}</p>
      </header>
      <main class="viewer" ref={main}>
        {state.phase === 'opening' && <p role="status">{words.share.opening}</p>}
        {state.phase === 'failed' && (
          <>
            <h1>{words.share.cannotOpen}</h1>
            <Alert message={state.message} />
            <MyList mentees={mentees} now={now} onShow={show} quiet />
          </>
        )}
        {state.phase === 'passphrase' && (
          <PassphraseForm
            error={state.error}
            working={state.working}
            onSubmit={(p) => void unlock(state.envelope, p)}
          />
        )}
        {state.phase === 'open' && (
          <ShowOrExplain>
            <SnapshotView snapshot={state.snapshot} />
            {state.linkKey && (
              <WriteBack key={state.snapshot.createdAt} name={state.snapshot.name} linkKey={state.linkKey} now={now} startOpen={state.writing} />
            )}
            <KeepButton
              snapshot={state.snapshot}
              kept={state.kept}
              onKeep={async () => {
                const kept = await mentees.keep(state.snapshot, now(), state.linkKey ? toBase64Url(state.linkKey) : undefined);
                setState({ ...state, kept });
                return kept;
              }}
            />
          </ShowOrExplain>
        )}
        {state.phase === 'list' && (
          <>
            <h1>{words.share.viewerHeading}</h1>
            <p>{words.share.noLink}</p>
            <MyList mentees={mentees} now={now} onShow={show} />
          </>
        )}
      </main>
    </>
  );
}

/** A snapshot that fails while drawing is replaced whole by a message: never half a page. */
function ShowOrExplain({ children }: { children: ComponentChildren }) {
  const [error] = useErrorBoundary((err: unknown) => console.error(err));
  if (error) {
    return (
      <>
        <h1>{words.share.cannotOpen}</h1>
        <Alert message={words.share.cannotShow} />
      </>
    );
  }
  return <>{children}</>;
}

function PassphraseForm({ error, working, onSubmit }: { error: string | null; working: boolean; onSubmit: (p: string) => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  useEffect(() => {
    if (!working) input.current?.focus();
  }, [working, error]);
  return (
    <form
      class="passphrase-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!working) onSubmit(passphrase);
      }}
    >
      <h1>{words.share.passphraseHeading}</h1>
      <p>{words.share.linkErrors['needs-passphrase']}</p>
      <PassphraseField
        id={`${id}-pass`}
        label={words.share.passphraseLabel}
        showLabel={words.share.passphraseShow}
        hideLabel={words.share.passphraseHide}
        autoComplete="off"
        inputRef={input}
        value={passphrase}
        onInput={setPassphrase}
        errorId={error ? `${id}-error` : null}
      />
      <div class="row">
        <button type="submit" disabled={working}>
          {words.share.passphraseOpen}
        </button>
      </div>
      {working && <p role="status">{words.share.passphraseWorking}</p>}
      <div id={`${id}-error`}>
        <Alert message={error} />
      </div>
    </form>
  );
}

function KeepButton({ snapshot, kept, onKeep }: { snapshot: Snapshot; kept: KeptMentee | null; onKeep: () => Promise<KeptMentee> }) {
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <section class="keep" aria-label={words.share.keep}>
      {kept && kept.snapshot.createdAt > snapshot.createdAt ? (
        // The list already holds a newer snapshot of this person: this older one was not kept.
        <p>{words.share.newerKept(snapshot.name, formatInstant(kept.snapshot.createdAt))}</p>
      ) : kept ? (
        <Changes kept={kept} />
      ) : (
        <>
          <p class="hint">{words.share.keepNote}</p>
          <button
            type="button"
            onClick={() => {
              setError(null);
              onKeep().then(
                (result) => setStatus(result.snapshot.createdAt > snapshot.createdAt ? null : words.share.keptNow(snapshot.name)),
                (err: unknown) => setError(errorText(err)),
              );
            }}
          >
            {words.share.keep}
          </button>
        </>
      )}
      <Alert message={status} tone="info" />
      <Alert message={error} />
    </section>
  );
}

function Changes({ kept }: { kept: KeptMentee }) {
  if (!kept.changes) return <p>{words.share.listFirst}</p>;
  return (
    <>
      <p>{words.share.listChanges}</p>
      <ul>
        {kept.changes.map((c, i) => (
          // An older version's sentence that matched none of today's facts is shown as it was kept.
          <li key={i} class={c.kind === 'text' ? 'user-text' : undefined}>
            {words.share.change(c)}
          </li>
        ))}
      </ul>
    </>
  );
}

interface ListProps {
  mentees: MenteeList;
  now: () => number;
  /** Shows the kept snapshot; `writing` opens its Write back at once. */
  onShow: (kept: KeptMentee, writing?: boolean) => void;
  /** Under an error: only shown when something is kept. */
  quiet?: boolean;
}

function MyList({ mentees, now, onShow, quiet = false }: ListProps) {
  const id = useId();
  const [list, setList] = useState<{ kept: KeptMentee[]; expired: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => mentees.load(now()).then(setList, (err: unknown) => setError(errorText(err)));
  useEffect(() => {
    void load();
  }, []);
  if (quiet && (!list || list.kept.length === 0)) return null;
  // Who was heard from least recently comes first: the one a mentor may want to reach out to.
  const kept = list ? [...list.kept].sort(byLeastRecent) : [];
  return (
    <section aria-labelledby={`${id}-list`} class="mentee-list">
      <h2 id={`${id}-list`}>{words.share.listHeading}</h2>
      <p class="hint">{words.share.listIntro}</p>
      {list && list.expired > 0 && <p>{words.share.listExpired(list.expired)}</p>}
      {list && list.kept.length === 0 && <p>{words.share.listEmpty}</p>}
      {kept.length > 1 && <p class="hint">{words.mentor.sortedNote}</p>}
      {kept.length > 0 && (
        <ul class="glance-list" aria-labelledby={`${id}-list`}>
          {kept.map((k) => (
            <li key={k.name}>
              <p class="glance-name">
                {/* The name opens the snapshot: one control fewer per row, so ten people fit a phone screen. */}
                <button type="button" class="name-button user-text" data-user-text aria-label={words.share.listOpen(k.name)} onClick={() => onShow(k)}>
                  {k.name}
                </button>
              </p>
              <div class="glance-actions">
                {k.linkKey && (
                  <button type="button" class="secondary" aria-label={words.mentor.listWriteBack(k.name)} onClick={() => onShow(k, true)}>
                    {words.mentor.writeBack}
                  </button>
                )}
                <button
                  type="button"
                  class="secondary"
                  aria-label={words.share.listRemove(k.name)}
                  onClick={() => void mentees.remove(k.name).then(load, (err: unknown) => setError(errorText(err)))}
                >
                  {words.share.listRemoveLabel}
                </button>
              </div>
              <p class="glance-facts">{glanceFacts(k, now())}</p>
              <GlanceChanges kept={k} />
            </li>
          ))}
        </ul>
      )}
      <Alert message={error} />
    </section>
  );
}
