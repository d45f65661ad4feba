import type { WelcomeProgress } from '../../lib/kv';
import type { AppServices } from '../../lib/services';
import { linkInAddress, showPanel } from './rules';

// Whether the web app opens with the welcome panel, read before the check-in view is drawn
// (components/app/useHomeNotices.ts), so the panel comes with it rather than pushing it down.

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

/** The welcome shows, resuming from this progress (as read). */
export interface WelcomeOpening {
  progress: WelcomeProgress | undefined;
}

/**
 * Null, or the panel shows: on the first open of the app (or to resume it), and never while the page was opened from a
 * link (a transfer, a reply…), which is handled first. The welcome is a help, never in the way:
 * if it can't tell, it stays away.
 */
export async function welcomeOpening(services: AppServices): Promise<WelcomeOpening | null> {
  try {
    const fromLink = linkInAddress([openedAddress(), location.href]);
    const progress = await services.store.welcome();
    const hasRecords = progress === undefined && !fromLink ? await anyRecords(services) : false;
    return showPanel({ progress, hasRecords, linkInAddress: fromLink }) ? { progress } : null;
  } catch {
    return null;
  }
}
