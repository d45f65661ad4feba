import { useEffect, useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { tomorrowState } from '../../lib/tomorrow';
import { lazyComponent } from '../ui/lazy';
import { welcomeOpening } from '../welcome/decide';
import type { WelcomeStart } from '../welcome/Welcome';
import type { MorningOpening } from '../reflect/MorningCard';

// The notices the check-in view may open with, above the moods: the welcome, the morning card,
// the wellbeing check. Which of them show is read before the view is drawn, and the code of
// those that do is loaded first: a notice appearing after the moods had painted would push
// them down, under a finger about to tap (and is what Lighthouse counts as layout shift).
// Their code stays out of the first download; a person with none due waits only for the reads.

// Each is optional: one whose code can't be fetched offline is left out, never the check-in.
// The welcome and the check start no live query, so they need not wait for the records' code
// (components/ui/lazy.tsx `before`): on a first visit they come with the moods, not after Dexie.
export const WelcomePanel = lazyComponent(() => import('../welcome/WelcomePanel').then((m) => m.WelcomePanel), { optional: true, before: () => undefined });
export const MorningCard = lazyComponent(() => import('../reflect/MorningCard').then((m) => m.MorningCard), { optional: true });
export const WellbeingCheck = lazyComponent(() => import('../insights/WellbeingCheck').then((m) => m.WellbeingCheck), { optional: true, before: () => undefined });

export interface HomeNotices {
  /** The welcome panel shows, opening on what was read (or null). */
  welcome: WelcomeStart | null;
  /** Mounted always (a page left open overnight shows it when its morning comes). */
  morning: MorningOpening | undefined;
  wellbeingDue: boolean;
}

async function readMorning(services: AppServices): Promise<MorningOpening | undefined> {
  try {
    const [reminder, lastCheckinAt] = await Promise.all([services.store.tomorrowReminder(), services.checkins.lastCheckinAt()]);
    return { reminder, lastCheckinAt };
  } catch {
    return undefined; // the card reads for itself
  }
}

/** Which notices the check-in view opens with, their code loaded; a page may read it before its first render. */
export async function readHomeNotices(services: AppServices): Promise<HomeNotices> {
  const panel = { services, onHide: () => undefined };
  const [welcome, morning, wellbeingDue] = await Promise.all([
    welcomeOpening(services, { mayShow: () => void WelcomePanel.ready(panel).catch(() => undefined) }),
    readMorning(services),
    services.wellbeing.due().catch(() => false),
  ]);
  // The parts that will show are there before the view is drawn; a morning card not due loads
  // with the view's other parts, after it (components/app/Dashboard.tsx HOME_PARTS).
  const welcomeStart = welcome && import('../welcome/WelcomePanel').then((m) => m.readWelcomeStart(services, welcome.progress));
  const showing = [
    welcome && WelcomePanel.ready(panel),
    morning && tomorrowState(morning.reminder, services.clock.now(), morning.lastCheckinAt) === 'due' && MorningCard.ready({ services }),
    wellbeingDue && WellbeingCheck.ready({ services, onCrisis: () => undefined }),
  ];
  // A part whose code can't be fetched now is left to its own lazy loading, not waited for.
  await Promise.all(showing.map((p) => p && p.catch(() => undefined)));
  return { welcome: welcomeStart && (await welcomeStart.catch(() => ({ progress: welcome.progress }))), morning, wellbeingDue };
}

/**
 * Null until known (the check-in view waits for it), then which notices show. Read again each
 * time the view is entered (`shown`), so a welcome finished or started again from Settings, or a
 * check answered, is seen as it now is.
 */
export function useHomeNotices(
  services: AppServices,
  shown: boolean,
  opened?: HomeNotices,
): { notices: HomeNotices | null; hideWelcome: () => void } {
  const [notices, setNotices] = useState<HomeNotices | null>(shown && opened ? opened : null);
  // What the page read before its first render is that render's; else the first read starts
  // with the first render, not a frame later with its effects.
  const [first] = useState(() => ({ read: shown && !opened ? readHomeNotices(services) : null, given: shown && !!opened }));
  useEffect(() => {
    // Left: what was read is forgotten, so coming back never shows it for a frame.
    if (!shown) {
      first.given = false;
      setNotices(null);
      return;
    }
    if (first.given) {
      first.given = false;
      return;
    }
    let live = true;
    const read = first.read ?? readHomeNotices(services);
    first.read = null;
    void read.then((read) => live && setNotices(read));
    return () => {
      live = false;
    };
  }, [services, shown]);
  return { notices: shown ? notices : null, hideWelcome: () => setNotices((n) => n && { ...n, welcome: null }) };
}
