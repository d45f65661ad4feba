import { fromBase64Url, sealWithPassphrase, toBase64Url, unsealWithPassphrase } from './codec';
import { BackupError } from './problems';
import { decodeText, parseJson, validateBackup, type ReadResult } from './parse';
import type { Backup } from './schemas';

// A transfer link carries the recent part of the store, deflated and sealed with a passphrase,
// in the URL fragment of the web app (`…/#transfer=…`). Fragments never reach a server. Links
// have a length limit in practice (messengers cut them, QR codes hold under 3 KB), so only
// the last TRANSFER_DAYS of check-ins and reflections travel this way; the file carries all.

export { TRANSFER_DAYS } from './limits';
export const TRANSFER_LABEL = 'tandem-transfer/1';
export const TRANSFER_PARAM = 'transfer';
/** Longer links are refused: some messengers and browsers cut URLs beyond this. */
export const MAX_LINK_CHARS = 64_000;
/** A QR code (version 40, low error correction, byte mode) holds at most 2,953 bytes. */
export const MAX_QR_CHARS = 2_900;

const PREFIX = 1; // format version byte inside the sealed payload's envelope

export async function encodeTransfer(backup: Backup, passphrase: string): Promise<string> {
  const sealed = await sealWithPassphrase(new TextEncoder().encode(JSON.stringify(backup)), passphrase, TRANSFER_LABEL);
  const bytes = new Uint8Array(sealed.length + 1);
  bytes[0] = PREFIX;
  bytes.set(sealed, 1);
  return toBase64Url(bytes);
}

/** The link to the web app at `appAddress` (its index page) carrying the transfer. */
export function transferLink(appAddress: string, payload: string): string {
  const url = new URL(appAddress);
  url.hash = `${TRANSFER_PARAM}=${payload}`;
  return url.toString();
}

export { transferFromHash } from './transferHash';

export async function decodeTransfer(payload: string, passphrase: string, now: number): Promise<ReadResult> {
  if (payload.length > MAX_LINK_CHARS * 2) throw new BackupError('too-large');
  const bytes = fromBase64Url(payload);
  if (!bytes || bytes.length < 2) throw new BackupError('damaged');
  if (bytes[0]! > PREFIX) throw new BackupError('newer-version');
  if (bytes[0] !== PREFIX) throw new BackupError('damaged');
  const plain = await unsealWithPassphrase(bytes.subarray(1), passphrase, TRANSFER_LABEL);
  return validateBackup(parseJson(decodeText(plain)), now);
}
