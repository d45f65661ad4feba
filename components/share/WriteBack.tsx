import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { FIELDS } from '../../lib/rules/fields';
import { clipText, textLength } from '../../lib/rules/text';
import { checkReply, replyLink, sealReply, type ReplyProblem } from '../../lib/share/reply';
import { QUICK_WORDS, type QuickWord } from '../../lib/share/replyFormat';
import { Alert } from '../ui/Alert';
import { LinkOut } from './LinkOut';
import { words } from '../i18n';

interface Props {
  /** The person the link is from. */
  name: string;
  /** The link's own key, from opening it (lib/share/link.ts openEnvelopeWithKey). */
  linkKey: Uint8Array<ArrayBuffer>;
  now: () => number;
  /** Opened from the kept list: the form shows at once and Cancel closes it. */
  startOpen?: boolean;
  onClose?: () => void;
}

function problemText(p: ReplyProblem): string {
  const words_ = words.mentor.problems;
  switch (p.code) {
    case 'reply.fromMissing':
      return words_[p.code](p);
    case 'reply.fromTooLong':
      return words_[p.code](p);
    case 'reply.noteTooLong':
      return words_[p.code](p);
    case 'reply.empty':
      return words_[p.code](p);
  }
}

/**
 * The mentor's "Write back": a short note and quick words, sealed into a reply link only the
 * person's Tandem can open. Nothing is stored: the form lives in this page only.
 */
export function WriteBack({ name, linkKey, now, startOpen = false, onClose }: Props) {
  const id = useId();
  const w = words.mentor;
  const [open, setOpen] = useState(startOpen);
  const [from, setFrom] = useState('');
  const [note, setNote] = useState('');
  const [picked, setPicked] = useState<QuickWord[]>([]);
  const [problems, setProblems] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const max = FIELDS.replyNote.max;

  useEffect(() => {
    if (!open) return;
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [open, link]);

  async function make(e: Event) {
    e.preventDefault();
    const checked = checkReply({ from, note, words: picked }, now());
    if (!checked.ok) {
      setProblems(checked.problems.map(problemText).join(' '));
      return;
    }
    setProblems(null);
    try {
      setLink(replyLink(location.href, await sealReply(checked.reply, linkKey)));
    } catch (err) {
      console.error(err);
      setProblems(words.share.noCrypto);
    }
  }

  if (!open) {
    return (
      <section class="write-back" aria-label={w.writeHeading(name)}>
        <button type="button" onClick={() => setOpen(true)}>
          {w.writeBack}
        </button>
      </section>
    );
  }
  return (
    // Named for what it is throughout, while its heading follows the step (the form, the link).
    <section class="write-back" aria-label={w.writeHeading(name)}>
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {link ? w.resultHeading : w.writeHeading(name)}
      </h2>
      {link ? (
        <>
          <LinkOut link={link} facts={w.resultFacts(name, link.length)} />
          <div class="row">
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setLink(null);
                setNote('');
                setPicked([]);
              }}
            >
              {w.another}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void make(e)} noValidate>
          <p class="hint">{w.writeIntro(name)}</p>
          <label for={`${id}-from`}>{w.fromLabel}</label>
          <input
            id={`${id}-from`}
            type="text"
            autoComplete="name"
            value={from}
            onInput={(e) => setFrom(clipText(e.currentTarget.value, FIELDS.shareName.max))}
          />
          <label for={`${id}-note`}>{w.noteLabel}</label>
          <textarea
            id={`${id}-note`}
            rows={5}
            value={note}
            aria-describedby={`${id}-count`}
            onInput={(e) => setNote(clipText(e.currentTarget.value, max))}
          />
          <p id={`${id}-count`} class="hint">
            {w.noteCount(textLength(note), max)}
          </p>
          <fieldset>
            <legend>{w.wordsLegend}</legend>
            {QUICK_WORDS.map((q) => (
              <label class="check" key={q}>
                <input
                  type="checkbox"
                  checked={picked.includes(q)}
                  onChange={(e) => setPicked(e.currentTarget.checked ? [...picked, q] : picked.filter((p) => p !== q))}
                />
                {w.quickWords[q]}
              </label>
            ))}
          </fieldset>
          <div class="row">
            <button type="submit">{w.makeLink}</button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setOpen(false);
                onClose?.();
              }}
            >
              {w.cancel}
            </button>
          </div>
          <Alert message={problems} />
          <p class="hint">{w.keptNothing}</p>
        </form>
      )}
    </section>
  );
}
