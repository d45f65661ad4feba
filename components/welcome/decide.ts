import type { WelcomeProgress } from '../../lib/kv';
import type { AppServices } from '../../lib/services';

// Whether the web app opens with the welcome panel: the rule, and the read before the check-in
// view is drawn (components/app/useHomeNotices.ts), so the panel comes with it rather than
// pushing it down. Kept out of rules.ts, which the first download would otherwise carry whole.

/**
 * An address carrying a link (`#transfer=…`, and any later `#name=value` link) is handled first:
 * the welcome waits. `addresses` are the page's addresses as it was opened and as it is now
 * (a link's fragment may already have been taken out of the address bar).
 */
export function linkInAddress(addresses: readonly (string | undefined)[]): boolean {
  return addresses.some((address) => {
    const hash = address?.split('#')[1];
    return hash !== undefined && hash.includes('=');
  });
}

/**
 * Whether the web app shows the welcome panel: on the first open (nothing stored, no records:
 * someone who already uses Tandem is not welcomed again after an update), or to resume it.
 */
export function showPanel(input: { progress: WelcomeProgress | undefined; hasRecords: boolean; linkInAddress: boolean }): boolean {
  if (input.linkInAddress) return false;
  if (input.progress === undefined) return !input.hasRecords;
  return input.progress.status === 'open';
}

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
export async function welcomeOpening(services: AppServices, { mayShow }: { mayShow?: () => void } = {}): Promise<WelcomeOpening | null> {
  try {
    const fromLink = linkInAddress([openedAddress(), location.href]);
    const progress = await services.store.welcome();
    // Before the records are looked at: the panel's code can start downloading meanwhile.
    if (!fromLink && (progress === undefined || progress.status === 'open')) mayShow?.();
    const hasRecords = progress === undefined && !fromLink ? await anyRecords(services) : false;
    return showPanel({ progress, hasRecords, linkInAddress: fromLink }) ? { progress } : null;
  } catch {
    return null;
  }
}
