import type { SyncHost } from './host';

// Sync between the extension's pages and its background, where the runner lives. One message
// type per action; answers are the host's plain outcomes.

export const SYNC_MESSAGE = 'sync';
export const SYNC_LOCAL_CHANGED = 'sync-local-changed';
/** The port an open extension page holds so that the background replicates live meanwhile. */
export const SYNC_LIVE_PORT = 'tandem-sync-live';

type Action = keyof SyncHost;
const ACTIONS: readonly Action[] = ['turnOn', 'syncNow', 'pairingLink', 'previewJoin', 'join', 'turnOff', 'removeLostDevice'];

export interface SyncMessage {
  type: typeof SYNC_MESSAGE;
  action: Action;
  args: unknown[];
}

/** The host for pages: every call a message to the background. */
export function messageHost(send: (message: SyncMessage) => Promise<unknown>): SyncHost {
  const call = (action: Action) => (...args: unknown[]) => send({ type: SYNC_MESSAGE, action, args });
  return Object.fromEntries(ACTIONS.map((a) => [a, call(a)])) as unknown as SyncHost;
}

/** The background's side: answers sync messages with the runner, undefined for other messages. */
export function createSyncMessageHandler(host: SyncHost, after?: (action: Action) => void) {
  return (message: unknown): Promise<unknown> | undefined => {
    if (!message || typeof message !== 'object') return undefined;
    const { type, action, args } = message as Partial<SyncMessage>;
    if (type !== SYNC_MESSAGE || !action || !ACTIONS.includes(action) || !Array.isArray(args)) return undefined;
    const fn = host[action] as (...a: unknown[]) => Promise<unknown>;
    // A message carries an omitted argument as null; the host's defaults expect undefined.
    return fn(...args.map((a) => (a === null ? undefined : a))).then((result) => {
      after?.(action);
      return result;
    });
  };
}
