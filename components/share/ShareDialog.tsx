import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { clipText } from '../../lib/rules/text';
import { FIELDS } from '../../lib/rules/fields';
import { errorText } from '../i18n/errorText';
import { isPrivateAddress, shareAppUrl, validAppAddress } from '../../lib/share/appUrl';
import { EXPIRY_DAYS, SHARE_PERIODS, type ExpiryDays, type SharePeriod } from '../../lib/share/model';
import { DEFAULT_CHOICES, type BuiltSnapshot, type ShareChoices } from '../../lib/share/snapshot';
import type { CreatedShare, ShareService } from '../../lib/shares';
import { Alert } from '../ui/Alert';
import { PassphraseField } from '../ui/PassphraseField';
import { formatInstant } from './dates';
import { QrCode } from '../ui/QrCode';
import { SnapshotView } from './SnapshotView';
import { words } from '../i18n';

interface Props {
  shares: ShareService;
  open: boolean;
  onClose: () => void;
  /** The web app address the person saved, if any (see MoveToPhone). */
  savedAppUrl?: () => Promise<string | undefined>;
  /** Saves the web app address (the same one as MoveToPhone); without it the dialog only warns. */
  saveAppUrl?: (address: string) => Promise<void>;
}

type Include = ShareChoices['include'];

/** The "Share with mentor" dialog: choices, a live preview, then the link. */
export function ShareDialog({ shares, open, onClose, savedAppUrl, saveAppUrl }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} class="share-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <div class="dialog-top">
        <h2 id={`${id}-title`}>{words.share.dialogHeading}</h2>
        <button type="button" class="secondary" onClick={onClose}>
          {words.share.close}
        </button>
      </div>
      {open && <ShareForm shares={shares} savedAppUrl={savedAppUrl} saveAppUrl={saveAppUrl} />}
    </dialog>
  );
}

type FormProps = Pick<Props, 'shares' | 'savedAppUrl' | 'saveAppUrl'>;

function ShareForm({ shares, savedAppUrl, saveAppUrl }: FormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [mentorName, setMentorName] = useState('');
  const [period, setPeriod] = useState<SharePeriod>(DEFAULT_CHOICES.period);
  const [expiryDays, setExpiryDays] = useState<ExpiryDays>(DEFAULT_CHOICES.expiryDays);
  const [include, setInclude] = useState<Include>(DEFAULT_CHOICES.include);
  const [passphrase, setPassphrase] = useState('');
  // The saved web app address, once read: where the link will point (see shareAppUrl).
  const [savedAddress, setSavedAddress] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<BuiltSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedShare | null>(null);
  // Bumped after a refused create, so the preview is rebuilt from what is stored now.
  const [refresh, setRefresh] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const submit = useRef<HTMLButtonElement>(null);

  // Most people share with the same mentor each time: start from the last one.
  useEffect(() => {
    shares.log().then(
      ([last]) => last && setMentorName((typed) => typed || last.mentorName),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    savedAppUrl?.().then(
      (saved) => setSavedAddress(saved || undefined),
      () => undefined,
    );
  }, []);

  const choices: ShareChoices = { name, period, expiryDays, include };
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      shares.draft(choices).then(
        (built) => current && setPreview(built),
        (err: unknown) => current && setError(errorText(err)),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [name, period, expiryDays, include, refresh]);

  useEffect(() => {
    if (created) resultHeading.current?.focus();
  }, [created]);

  async function create(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // The extension has no web address of its own: the web app address saved under "Move to
      // my phone" wins over the build setting, so links open on the person's deployed copy.
      const saved = await savedAppUrl?.().catch(() => undefined);
      const appUrl = shareAppUrl(location.href, saved || savedAddress);
      setCreated(await shares.create({ ...choices, mentorName, passphrase, previewed: preview?.snapshot }, appUrl));
    } catch (err) {
      setError(errorText(err));
      setRefresh((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  if (created) return <ShareResult created={created} onAgain={() => setCreated(null)} headingRef={resultHeading} />;

  const tick = (key: keyof Include) => (e: Event) =>
    setInclude({ ...include, [key]: (e.currentTarget as HTMLInputElement).checked });
  const shown = preview && { ...preview.snapshot, name: name.trim() || words.share.previewName };

  return (
    <form class="share-form" onSubmit={(e) => void create(e)} noValidate>
      <div class="share-choices">
        <label for={`${id}-name`}>{words.share.yourName}</label>
        <input id={`${id}-name`} type="text" value={name} autoComplete="given-name" onInput={(e) => setName((e.currentTarget.value = clipText(e.currentTarget.value, FIELDS.shareName.max)))} />
        <label for={`${id}-mentor`}>{words.share.mentorName}</label>
        <input id={`${id}-mentor`} type="text" value={mentorName} autoComplete="off" onInput={(e) => setMentorName((e.currentTarget.value = clipText(e.currentTarget.value, FIELDS.shareName.max)))} />

        <fieldset>
          <legend>{words.share.period}</legend>
          {SHARE_PERIODS.map((p) => (
            <label key={p} class="check">
              <input type="radio" name={`${id}-period`} value={p} checked={period === p} onChange={() => setPeriod(p)} />
              {words.share.periodOption(p)}
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>{words.share.include}</legend>
          <p class="hint">{words.share.always}</p>
          <label class="check">
            <input type="checkbox" checked={include.mood} onChange={tick('mood')} />
            {words.share.includeMood}
          </label>
          <label class="check">
            <input type="checkbox" checked={include.wins} onChange={tick('wins')} />
            {words.share.includeWins}
          </label>
          <label class="check">
            <input type="checkbox" checked={include.reflectionTexts} onChange={tick('reflectionTexts')} />
            {words.share.includeReflectionTexts}
          </label>
          <label class="check">
            <input type="checkbox" checked={include.plan} onChange={tick('plan')} />
            {words.share.includePlan}
          </label>
          <label class="check">
            <input type="checkbox" checked={include.wellbeing ?? false} onChange={tick('wellbeing')} />
            {words.wellbeing.shareOption}
          </label>
        </fieldset>

        <label for={`${id}-expiry`}>{words.share.expiry}</label>
        <select id={`${id}-expiry`} value={expiryDays} onChange={(e) => setExpiryDays(Number(e.currentTarget.value) as ExpiryDays)}>
          {EXPIRY_DAYS.map((d) => (
            <option key={d} value={d}>
              {words.share.expiryOption(d)}
            </option>
          ))}
        </select>
        <p class="hint">{words.share.expiryTruth}</p>

        <PassphraseField
          id={`${id}-pass`}
          label={words.share.passphrase}
          hint={words.share.passphraseHint}
          showLabel={words.share.showPassphrase}
          hideLabel={words.share.hidePassphrase}
          autoComplete="new-password"
          value={passphrase}
          onInput={setPassphrase}
        />
      </div>

      <section class="share-preview" aria-labelledby={`${id}-preview`}>
        <h3 id={`${id}-preview`}>{words.share.previewHeading}</h3>
        {preview && (
          <ul class="hint">
            {preview.omitted.wins > 0 && <li>{words.share.omitted.wins(preview.omitted.wins)}</li>}
            {preview.omitted.reflections > 0 && <li>{words.share.omitted.reflections(preview.omitted.reflections)}</li>}
            {preview.omitted.plan > 0 && <li>{words.share.omitted.plan(preview.omitted.plan)}</li>}
          </ul>
        )}
        <div class="preview-frame">{shown ? <SnapshotView snapshot={shown} level={4} /> : <p>{words.share.previewLoading}</p>}</div>
      </section>

      <AddressNote
        target={shareAppUrl(location.href, savedAddress)}
        saved={savedAddress}
        onSave={
          saveAppUrl &&
          (async (address) => {
            await saveAppUrl(address);
            setSavedAddress(address);
            submit.current?.focus();
          })
        }
      />
      <Alert message={error} />
      <button type="submit" class="wide" disabled={busy} ref={submit}>
        {busy ? words.share.creating : words.share.create}
      </button>
    </form>
  );
}

/** Only the host, as the person would recognise it: "127.0.0.1:4173", "tandem.example". */
const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

interface AddressProps {
  /** Where the link would point now. */
  target: string;
  saved: string | undefined;
  onSave?: (address: string) => Promise<void>;
}

/**
 * When the link would point to this computer or a home network, says that a mentor's phone
 * can't open it and offers to set the web app's address (the one "Move to my phone" keeps).
 * The link can still be made: to try it here, or for a mentor on the same network.
 */
function AddressNote({ target, saved, onSave }: AddressProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const warn = isPrivateAddress(target);

  useEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);

  async function save() {
    setProblem(null);
    const valid = validAppAddress(address);
    if (!valid) {
      setProblem(words.share.addressInvalid);
      field.current?.focus();
      return;
    }
    try {
      await onSave!(valid);
      setEditing(false);
      setStatus(words.share.addressSaved(hostOf(valid)));
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  return (
    <>
      {warn && (
        <section class="alert alert-info address-note" aria-labelledby={`${id}-heading`}>
          <h3 id={`${id}-heading`}>{words.share.addressHeading}</h3>
          <p>{words.share.addressWarning(hostOf(target))}</p>
          {onSave && !editing && (
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setAddress(saved ?? '');
                setStatus(null);
                setEditing(true);
              }}
            >
              {words.share.addressOffer}
            </button>
          )}
          {onSave && editing && (
            <div class="address-form">
              <label for={`${id}-address`}>{words.share.addressLabel}</label>
              <input
                id={`${id}-address`}
                ref={field}
                type="url"
                class="wide-input"
                inputMode="url"
                autoComplete="url"
                spellcheck={false}
                value={address}
                aria-describedby={`${id}-address-hint${problem ? ` ${id}-address-problem` : ''}`}
                aria-invalid={problem ? true : undefined}
                onInput={(e) => setAddress(e.currentTarget.value)}
                // Enter saves the address; it must not submit the share form around it.
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void save();
                  }
                }}
              />
              <p class="hint" id={`${id}-address-hint`}>
                {words.share.addressHint}
              </p>
              <div id={`${id}-address-problem`}>
                <Alert message={problem} />
              </div>
              <div class="row">
                <button type="button" onClick={() => void save()}>
                  {words.share.addressSave}
                </button>
                <button type="button" class="secondary" onClick={() => setEditing(false)}>
                  {words.share.addressCancel}
                </button>
              </div>
            </div>
          )}
          <p class="hint">{words.share.addressAnyway}</p>
        </section>
      )}
      <Alert message={status} tone="info" />
    </>
  );
}

interface ResultProps {
  created: CreatedShare;
  onAgain: () => void;
  headingRef: { current: HTMLHeadingElement | null };
}

function ShareResult({ created, onAgain, headingRef }: ResultProps) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { link, entry } = created;
  const canShare = typeof navigator.share === 'function';

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setStatus(words.share.copied);
    } catch {
      field.current?.select();
      setStatus(document.execCommand?.('copy') ? words.share.copied : words.share.copyFailed);
    }
  }

  async function shareSheet() {
    try {
      await navigator.share({ title: words.main.appName, url: link });
    } catch {
      // Closing the share sheet rejects too; nothing to tell the person.
    }
  }

  return (
    <section class="share-result" aria-labelledby={`${id}-done`}>
      <h3 id={`${id}-done`} tabIndex={-1} ref={headingRef}>
        {words.share.resultHeading}
      </h3>
      <label for={`${id}-link`}>{words.share.linkLabel}</label>
      <textarea id={`${id}-link`} ref={field} readOnly rows={4} value={link} onFocus={(e) => e.currentTarget.select()} />
      <p>{words.share.linkFacts(link.length, formatInstant(entry.expiresAt))}</p>
      {entry.withPassphrase && <p class="due">{words.share.tellPassphrase(entry.mentorName)}</p>}
      <div class="row">
        <button type="button" onClick={() => void copy()}>
          {words.share.copy}
        </button>
        {canShare && (
          <button type="button" class="secondary" onClick={() => void shareSheet()}>
            {words.share.shareSheet}
          </button>
        )}
        <button type="button" class="secondary" onClick={onAgain}>
          {words.share.anotherLink}
        </button>
      </div>
      <Alert message={status} tone="info" />
      <QrCode text={link} label={words.share.qrLabel} tooLong={words.share.qrTooLong} />
      <p class="hint">{words.share.expiryTruth}</p>
    </section>
  );
}
