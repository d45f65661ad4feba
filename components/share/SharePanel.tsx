import { useState } from 'preact/hooks';
import { errorText } from '../i18n/errorText';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { useLiveQuery } from '../ui/hooks';
import { formatInstant } from './dates';
import { ShareDialog } from './ShareDialog';
import { RepliesPanel } from './RepliesPanel';
import './share.css';
import { words } from '../i18n';

/** The dashboard's mentor-link section: the button that opens the dialog, and the share log. */
export function SharePanel({ services, replyLink = null }: { services: AppServices; replyLink?: string | null }) {
  const { shares, store, clock } = services;
  const log = useLiveQuery(() => shares.log(), [shares]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const now = clock.now();

  async function forget(id: string) {
    setError(null);
    try {
      await shares.forget(id);
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <section aria-labelledby="share-heading" class="share-panel">
      <h2 id="share-heading">{words.share.panelHeading}</h2>
      <p class="hint">{words.share.panelIntro}</p>
      <button type="button" onClick={() => setOpen(true)}>
        {words.share.openDialog}
      </button>
      <ShareDialog shares={shares} open={open} onClose={() => setOpen(false)} savedAppUrl={() => store.pwaAddress()}
        saveAppUrl={(address) => store.savePwaAddress(address)}
      />
      <h3 id="share-log-heading">{words.share.logHeading}</h3>
      {log === undefined ? null : log.length === 0 ? (
        <p class="hint">{words.share.logEmpty}</p>
      ) : (
        <ul class="entries" aria-labelledby="share-log-heading">
          {log.map((e) => {
            const made = formatInstant(e.createdAt);
            const until = formatInstant(e.expiresAt);
            return (
              <li key={e.id}>
                <div class="entry">
                  <span class="entry-mood user-text">{words.share.logEntry(e.mentorName, e.periodDays)}</span>
                  <span class="entry-when">{words.share.logCreated(made)}</span>
                </div>
                <p>{words.share.logContents(e.contents)}</p>
                <p>{e.expiresAt > now ? words.share.logValid(until, e.withPassphrase) : words.share.logExpired(until, e.withPassphrase)}</p>
                <button type="button" class="secondary" aria-label={words.share.logForget(e.mentorName, made)} onClick={() => void forget(e.id)}>
                  {words.share.logForgetLabel}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <Alert message={error} />
      <p class="hint">{words.share.expiryTruth}</p>
      <RepliesPanel services={services} initial={replyLink} />
    </section>
  );
}
