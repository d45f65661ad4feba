import type { MergeCounts } from '../backup/merge';
import type { PairingProblem, SyncAccount } from './pairing';
import type { SyncProblem } from './problems';

// What the sync settings ask of whoever runs sync: the web app's own page, or the extension's
// background through messages. Plain data in and out (a message carries no exceptions).

export type SyncOutcome<T = object> = ({ ok: true } & T) | { ok: false; problem: SyncProblem | PairingProblem };

export interface JoinPreview {
  /** What joining changes here, as an import's counts. */
  counts: MergeCounts;
  /** Records the group's server holds. */
  records: number;
}

export interface SyncHost {
  /** Checks the account, makes a new sync key, and sends this device's history. */
  turnOn(account: SyncAccount): Promise<SyncOutcome>;
  /** One round now (or a full one: every record and document compared). */
  syncNow(options?: { full?: boolean }): Promise<SyncOutcome>;
  /** A pairing link for another device, valid for 15 minutes; `base` is the app's address. */
  pairingLink(passphrase: string, base: string): Promise<SyncOutcome<{ link: string; expiresAt: number }>>;
  /** Opens a pairing link and says what joining would change, changing nothing. */
  previewJoin(payload: string, passphrase: string): Promise<SyncOutcome<{ preview: JoinPreview }>>;
  /** Joins the group of a pairing link: both histories merge. */
  join(payload: string, passphrase: string): Promise<SyncOutcome>;
  /** Stops sync here, keeping the records; optionally deletes every document on the server. */
  turnOff(options: { deleteServerCopy: boolean }): Promise<SyncOutcome>;
  /** A new sync key and a new server password; every other device has to pair again. */
  removeLostDevice(newPassword: string): Promise<SyncOutcome>;
}
