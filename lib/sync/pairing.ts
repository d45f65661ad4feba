import * as v from 'valibot';
import { sealWithPassphrase, unsealWithPassphrase } from '../backup/codec';
import { BackupError } from '../backup/problems';
import { fromBase64Url, toBase64Url } from '../crypto';
import { isSyncKey } from './keys';

// The pairing link: everything a second device needs to join (server, database, credentials,
// sync key) in the URL fragment, which browsers never send to a server, sealed with a pairing
// passphrase the person types on the other device, and valid for 15 minutes. The expiry is
// in the clear (so an old link is refused before anyone types) but bound as associated data,
// so changing it breaks the seal. Format: docs/sync.md.

import { PAIRING_PREFIX } from './prefix';

export { PAIRING_PREFIX };
export const PAIRING_VERSION = 1;
export const PAIRING_MINUTES = 15;
const label = (expiresAt: number) => `tandem-pairing/${PAIRING_VERSION} ${expiresAt}`;

export interface SyncAccount {
  /** The server's address, e.g. https://couch.example.org (no trailing slash). */
  server: string;
  database: string;
  user: string;
  password: string;
}

export interface PairingContents extends SyncAccount {
  key: string;
}

export type PairingProblem = 'not-a-link' | 'expired' | 'wrong-passphrase' | 'damaged' | 'newer-version';

export class PairingError extends Error {
  override name = 'PairingError';
  constructor(readonly code: PairingProblem) {
    super(`Pairing link refused: ${code}.`);
  }
}

const ContentsSchema = v.strictObject({
  server: v.pipe(v.string(), v.maxLength(2000)),
  database: v.pipe(v.string(), v.maxLength(300)),
  user: v.pipe(v.string(), v.maxLength(300)),
  password: v.pipe(v.string(), v.maxLength(1000)),
  key: v.pipe(v.string(), v.check(isSyncKey)),
});

/** The fragment part of a pairing link (`#sync=…`), to append to the app's address. */
export async function makePairingFragment(contents: PairingContents, passphrase: string, now: number): Promise<{ fragment: string; expiresAt: number }> {
  const expiresAt = now + PAIRING_MINUTES * 60_000;
  const sealed = await sealWithPassphrase(new TextEncoder().encode(JSON.stringify(contents)), passphrase, label(expiresAt));
  return { fragment: `${PAIRING_PREFIX}${PAIRING_VERSION}.${expiresAt.toString(36)}.${toBase64Url(sealed)}`, expiresAt };
}

/** The part after `#sync=` of a pasted link (or of the fragment alone), or null. */
export function pairingPayload(text: string): string | null {
  const at = text.indexOf(PAIRING_PREFIX);
  if (at < 0) return null;
  return text.slice(at + PAIRING_PREFIX.length).trim() || null;
}

/** When a pasted link stops working, without the passphrase; throws PairingError. */
export function pairingExpiry(payload: string, now: number): number {
  const [version, expires, data] = payload.split('.');
  if (version === undefined || expires === undefined || data === undefined) throw new PairingError('not-a-link');
  if (!/^\d+$/.test(version)) throw new PairingError('not-a-link');
  if (Number(version) > PAIRING_VERSION) throw new PairingError('newer-version');
  if (Number(version) !== PAIRING_VERSION || !/^[0-9a-z]{1,12}$/.test(expires)) throw new PairingError('not-a-link');
  const expiresAt = parseInt(expires, 36);
  if (now > expiresAt) throw new PairingError('expired');
  return expiresAt;
}

export async function openPairing(payload: string, passphrase: string, now: number): Promise<PairingContents> {
  const expiresAt = pairingExpiry(payload, now);
  const sealed = fromBase64Url(payload.split('.')[2] ?? '');
  if (!sealed) throw new PairingError('damaged');
  let plain: Uint8Array;
  try {
    plain = await unsealWithPassphrase(sealed, passphrase, label(expiresAt));
  } catch (err) {
    if (err instanceof BackupError && err.reason === 'wrong-passphrase') throw new PairingError('wrong-passphrase');
    throw new PairingError('damaged');
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    throw new PairingError('damaged');
  }
  const parsed = v.safeParse(ContentsSchema, json);
  if (!parsed.success) throw new PairingError('damaged');
  return parsed.output;
}

/** CouchDB's per-user database (couch_peruser): userdb- and the user name's UTF-8 in hex. */
export function userDatabase(user: string): string {
  return `userdb-${[...new TextEncoder().encode(user)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A server address as typed, made canonical: http(s) only, no trailing slash; null if not one. */
export function serverAddress(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  return url.href.replace(/\/+$/, '');
}
