import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { MentorReply } from '../../lib/db/schema';
import { ReplyError } from '../../lib/share/reply';
import type { AppServices } from '../../lib/services';
import { errorText } from '../i18n/errorText';
import { Alert } from '../ui/Alert';
import { useLiveQuery } from '../ui/hooks';
import { formatInstant } from './dates';
import { words } from '../i18n';

interface Props {
  services: Pick<AppServices, 'replies' | 'shares'>;
  /** A reply link the page was opened with (the web app's #reply=…), opened at once. */
  initial?: string | null;
}

function refusal(err: unknown): string {
  if (err instanceof ReplyError) return words.mentor.errors[err.kind];
  return errorText(err);
}

/** Mentor links → From my mentors: open a reply link, and the replies kept. */
export function RepliesPanel({ services, initial = null }: Props) {
  const id = useId();
  const { replies, shares } = services;
  const list = useLiveQuery(() => replies.list(), [replies]);
  const log = useLiveQuery(() => shares.log(), [shares]);
  const [text, setText] = useState('');
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  const w = words.mentor;

  async function open(link: string) {
    setError(null);
    setStatus(null);
    setWorking(true);
    try {
      const { reply, added } = await replies.open(link);
      setStatus(added ? w.openedNow(reply.from) : w.openedBefore(reply.from));
      setText('');
    } catch (err) {
      setError(refusal(err));
    } finally {
      setWorking(false);
    }
  }

  useEffect(() => {
    if (!initial) return;
    section.current?.scrollIntoView();
    void open(initial);
  }, [initial]);

  const linkOf = (r: MentorReply) => log?.find((e) => e.id === r.shareId);

  return (
    <section aria-labelledby={`${id}-h`} class="replies" ref={section}>
      <h2 id={`${id}-h`}>{w.fromHeading}</h2>
      <p class="hint">{w.fromIntro}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!working) void open(text);
        }}
      >
        <label for={`${id}-paste`}>{w.pasteLabel}</label>
        <div class="row">
          <input id={`${id}-paste`} type="url" inputMode="url" autoComplete="off" value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" disabled={working}>
            {w.pasteOpen}
          </button>
        </div>
      </form>
      {working && <p role="status">{w.pasteWorking}</p>}
      <Alert message={status} tone="info" />
      <Alert message={error} />
      {list !== undefined && list.length === 0 && <p class="hint">{w.none}</p>}
      {list !== undefined && list.length > 0 && (
        <ul class="reply-list" aria-labelledby={`${id}-h`}>
          {list.map((r) => {
            const link = linkOf(r);
            return (
              <li key={r.id}>
                <p>
                  <strong class="user-text">{w.sentBy(r.from, r.sentAt)}</strong>
                  {r.readAt === 0 && <span class="badge">{w.unreadBadge}</span>}
                </p>
                {link && <p class="hint">{w.forLink(link.mentorName, formatInstant(link.createdAt))}</p>}
                {r.words.length > 0 && (
                  <ul class="reply-words">
                    {r.words.map((q) => (
                      <li key={q}>{w.quickWords[q as keyof typeof w.quickWords] ?? q}</li>
                    ))}
                  </ul>
                )}
                {r.note !== '' && <p class="user-text">{r.note}</p>}
                <div class="row">
                  {r.readAt === 0 && (
                    <button type="button" aria-label={w.markReadLabel(r.from, r.sentAt)} onClick={() => void replies.markRead(r.id).catch((err: unknown) => setError(errorText(err)))}>
                      {w.markRead}
                    </button>
                  )}
                  <button type="button" class="secondary" aria-label={w.removeLabel(r.from, r.sentAt)} onClick={() => void replies.remove(r.id).catch((err: unknown) => setError(errorText(err)))}>
                    {w.remove}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <p class="hint">{w.whereItOpens}</p>
    </section>
  );
}
