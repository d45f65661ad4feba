import { useEffect, useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { tomorrowState } from '../../lib/tomorrow';
import { useLiveQuery } from '../ui/hooks';
import { words } from '../i18n';

/** What the page read before drawing the check-in view, so the card shows with it when due. */
export interface MorningOpening {
  reminder: unknown;
  lastCheckinAt: number | null;
}

/**
 * The web app's side of "check in with me tomorrow morning": it cannot wake itself, so on the
 * morning asked for, a gentle card when the app is opened (until a check-in, or dismissed).
 * Above the check-in in components/app/Dashboard.tsx.
 */
export function MorningCard({ services, opened }: { services: AppServices; opened?: MorningOpening }) {
  const w = words.reflect;
  const { clock, store } = services;
  const liveLast = useLiveQuery(() => services.checkins.lastCheckinAt(), []);
  const lastCheckinAt = liveLast === undefined ? opened?.lastCheckinAt : liveLast;
  const [stored, setStored] = useState<unknown>(opened ? (opened.reminder ?? null) : undefined);
  const [now, setNow] = useState(clock.now());
  useEffect(() => {
    let live = true;
    const read = () =>
      store
        .tomorrowReminder()
        .catch(() => undefined)
        .then((r) => {
          if (!live) return;
          setNow(clock.now());
          setStored(r ?? null);
        });
    void read();
    // A page left open overnight shows the card when its morning comes.
    const timer = setInterval(() => void read(), 60_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (stored === undefined || lastCheckinAt === undefined) return null;
  if (tomorrowState(stored, now, lastCheckinAt) !== 'due') return null;
  return (
    <section class="morning-card" aria-labelledby="morning-heading">
      <h2 id="morning-heading">{w.morningHeading}</h2>
      <p>{w.morningText}</p>
      <button
        type="button"
        class="secondary"
        onClick={() => {
          setStored(null);
          void store.saveTomorrowReminder(undefined).catch(() => undefined);
          void services.reminders?.tomorrowChanged?.().catch(() => undefined);
        }}
      >
        {w.morningDismiss}
      </button>
    </section>
  );
}
