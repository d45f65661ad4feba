import { useEffect, useState } from 'preact/hooks';
import type { SyncService, SyncView } from '../../lib/sync/service';
import type { SyncOutcome } from '../../lib/sync/host';
import { words } from '../i18n';

/** The sync state, live: every page sees a round run anywhere (the background, another tab). */
export function useSyncView(sync: SyncService): SyncView | undefined {
  const [view, setView] = useState<SyncView | undefined>(undefined);
  useEffect(() => sync.subscribe(setView), [sync]);
  return view;
}

/** The words for a failed outcome. */
export function outcomeText(outcome: SyncOutcome<object>): string | null {
  if (outcome.ok) return null;
  const p = outcome.problem;
  return p in words.sync.pairingProblems
    ? words.sync.pairingProblems[p as keyof typeof words.sync.pairingProblems]
    : words.sync.problems[p as keyof typeof words.sync.problems];
}
