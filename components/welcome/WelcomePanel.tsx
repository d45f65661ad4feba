import { useEffect, useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { linkInAddress, showPanel } from './rules';
import { lazyComponent } from '../ui/lazy';

// The steps load only when the welcome shows (a first start, or Run the welcome again).
const Welcome = lazyComponent(() => import('./Welcome').then((m) => m.Welcome));

/** Sent on the page when the welcome is started again (RunWelcomeAgain), so a panel on it shows. */
export const WELCOME_AGAIN_EVENT = 'tandem-welcome-again';

/** The address the page was opened with: a link's fragment may already have left the address bar. */
function openedAddress(): string | undefined {
  try {
    return performance.getEntriesByType('navigation')[0]?.name;
  } catch {
    return undefined;
  }
}

/** Whether this device already holds the person's records (an update, a transfer imported). */
async function anyRecords({ checkins, reflections, plan }: AppServices): Promise<boolean> {
  const [lastCheckin, recent, entries, values, contacts] = await Promise.all([
    checkins.lastCheckinAt(),
    reflections.recent(1),
    plan.entries(),
    plan.values(),
    plan.contacts(),
  ]);
  return lastCheckin !== null || recent.length > 0 || entries.length > 0 || values.length > 0 || contacts.length > 0;
}

/** Where the check-in is, for the panel's last step: the first mood button gets the focus. */
function focusCheckin() {
  document.querySelector<HTMLElement>('.checkin .mood-picker button')?.focus();
}

/**
 * The welcome as a panel above the moods (which stay usable): on the first open of the app, or to
 * resume it, and again after *Run the welcome again*. Renders nothing otherwise, and nothing while
 * the page was opened from a link (a transfer, a reply…), which is handled first.
 */
export function WelcomePanel({ services, onDone = focusCheckin }: { services: AppServices; onDone?: () => void }) {
  const [shown, setShown] = useState(false);
  const [run, setRun] = useState(0);

  useEffect(() => {
    const decide = async () => {
      const fromLink = linkInAddress([openedAddress(), location.href]);
      const progress = await services.store.welcome();
      const hasRecords = progress === undefined && !fromLink ? await anyRecords(services) : false;
      setShown(showPanel({ progress, hasRecords, linkInAddress: fromLink }));
    };
    // The welcome is a help, never in the way: if it can't tell, it stays away.
    void decide().catch(() => setShown(false));
    const again = () => {
      setRun((n) => n + 1);
      setShown(true);
    };
    window.addEventListener(WELCOME_AGAIN_EVENT, again);
    return () => window.removeEventListener(WELCOME_AGAIN_EVENT, again);
  }, []);

  if (!shown) return null;
  return <Welcome key={run} services={services} layout="panel" onDone={onDone} onHide={() => setShown(false)} />;
}
