import { concatBytes, inflateAtMost, TooLargeError } from '../compress';
import {
  deriveKeyBytes,
  fromBase64Url,
  importRawKey,
  IV_BYTES,
  KEY_BYTES,
  PBKDF2_ITERATIONS,
  randomBytes,
  SALT_BYTES,
  seal,
  toBase64Url,
  unseal,
} from '../crypto';
import { LinkError } from './linkErrors';
import { REPLY_PREFIX } from './replyFormat';
import { deflateSnapshot } from './plain';
import { clampInstant } from '../rules/time';
import { fromTheFuture, parseSnapshot } from './schema';
import type { Snapshot } from './model';

// The mentor link: <app URL>viewer.html#<base64url envelope>. The fragment never reaches a
// server. The envelope is a small binary header, then AES-256-GCM over the deflated snapshot
// JSON; the header (version, key mode, length, salt, iterations) is the associated data, so
// changing any of it is caught like a change to the ciphertext. docs/share-link.md has it
// byte by byte.

export const LINK_VERSION = 1;
export const MODE_KEY = 0;
export const MODE_PASSPHRASE = 1;
const TAG_BYTES = 16;
/** A fragment longer than this is refused before decoding: Tandem's own links are far shorter. */
export const MAX_FRAGMENT_CHARS = 16_000;
/** The most a snapshot may inflate to; more means a hostile link (a "zip bomb"). */
export const MAX_PLAIN_BYTES = 128 * 1024;
/** Above this a passphrase link would freeze the viewer for minutes before failing. */
export const MAX_ITERATIONS = 10_000_000;

export type Envelope =
  | { mode: 'key'; header: Uint8Array<ArrayBuffer>; key: Uint8Array<ArrayBuffer>; iv: Uint8Array<ArrayBuffer>; ciphertext: Uint8Array<ArrayBuffer> }
  | {
      mode: 'passphrase';
      header: Uint8Array<ArrayBuffer>;
      salt: Uint8Array<ArrayBuffer>;
      iterations: number;
      iv: Uint8Array<ArrayBuffer>;
      ciphertext: Uint8Array<ArrayBuffer>;
    };

function header(mode: number, length: number, salt?: Uint8Array, iterations = 0): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(salt ? 24 : 4);
  const view = new DataView(bytes.buffer);
  bytes[0] = LINK_VERSION;
  bytes[1] = mode;
  view.setUint16(2, length);
  if (salt) {
    bytes.set(salt, 4);
    view.setUint32(20, iterations);
  }
  return bytes;
}

export interface EncodeOptions {
  /** Where the PWA lives, ending in '/'; the viewer is viewer.html beside its index. */
  appUrl: string;
  /** Empty or absent: a random key travels in the link. */
  passphrase?: string;
  /** For tests of the fixed parts; real links always get fresh randomness. */
  iterations?: number;
}

/** The fragment (without '#') for a snapshot. */
export async function encodeFragment(snapshot: Snapshot, options: Omit<EncodeOptions, 'appUrl'> = {}): Promise<string> {
  return (await sealFragment(snapshot, options)).fragment;
}

/**
 * The fragment and the link's own key: the random key it carries, or the bytes its passphrase
 * derives. The share log keeps the key so that a mentor's reply can be opened (lib/share/reply.ts).
 */
export async function sealFragment(
  snapshot: Snapshot,
  options: Omit<EncodeOptions, 'appUrl'> = {},
): Promise<{ fragment: string; linkKey: Uint8Array<ArrayBuffer> }> {
  const plain = deflateSnapshot(snapshot);
  const length = plain.length + TAG_BYTES;
  if (length > 0xffff) throw new RangeError('The snapshot is too large for a link.');
  const passphrase = options.passphrase?.trim() ?? '';
  let fragment: string;
  let linkKey: Uint8Array<ArrayBuffer>;
  if (passphrase === '') {
    linkKey = randomBytes(KEY_BYTES);
    const ad = header(MODE_KEY, length);
    const { iv, ciphertext } = await seal(await importRawKey(linkKey), plain, ad);
    fragment = toBase64Url(concatBytes([ad, linkKey, iv, ciphertext]));
  } else {
    const salt = randomBytes(SALT_BYTES);
    const iterations = options.iterations ?? PBKDF2_ITERATIONS;
    const ad = header(MODE_PASSPHRASE, length, salt, iterations);
    // The PBKDF2 bytes imported as the AES key are the key deriveKey would make (same bits).
    linkKey = await deriveKeyBytes(passphrase, salt, iterations);
    const { iv, ciphertext } = await seal(await importRawKey(linkKey), plain, ad);
    fragment = toBase64Url(concatBytes([ad, iv, ciphertext]));
  }
  if (fragment.length > MAX_FRAGMENT_CHARS) throw new RangeError('The snapshot is too large for a link.');
  return { fragment, linkKey };
}

export async function encodeLink(snapshot: Snapshot, options: EncodeOptions): Promise<string> {
  return (await sealLink(snapshot, options)).link;
}

/** The link and its own key (see sealFragment). */
export async function sealLink(snapshot: Snapshot, options: EncodeOptions): Promise<{ link: string; linkKey: Uint8Array<ArrayBuffer> }> {
  const { fragment, linkKey } = await sealFragment(snapshot, options);
  return { link: `${viewerUrl(options.appUrl)}#${fragment}`, linkKey };
}

export function viewerUrl(appUrl: string): string {
  return new URL('viewer.html', appUrl.endsWith('/') ? appUrl : `${appUrl}/`).href;
}

/**
 * Throws LinkError 'reply' for a mentor's reply link opened in the viewer, so the mentor is told
 * where it opens rather than that it is damaged (parseEnvelope alone says 'tampered': the
 * prefix's '=' is outside the alphabet, docs/share-link.md section 6 row 2).
 */
export function refuseReply(fragment: string): void {
  if ((fragment.startsWith('#') ? fragment.slice(1) : fragment).startsWith(REPLY_PREFIX)) throw new LinkError('reply');
}

/** Reads the envelope's structure without decrypting; throws a LinkError saying what is wrong. */
export function parseEnvelope(fragment: string): Envelope {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text === '') throw new LinkError('missing');
  // The alphabet first, so that the length below is counted in ASCII characters, the same in
  // every language a reader may be written in (docs/share-link.md section 2, table of checks).
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new LinkError('tampered');
  if (text.length > MAX_FRAGMENT_CHARS) throw new LinkError('oversized');
  // No byte string encodes to this length: a character is missing, most often because the
  // link was cut off (by an app that splits long links, or a partial copy).
  if (text.length % 4 === 1) throw new LinkError('truncated');
  const bytes = fromBase64Url(text);
  if (!bytes) throw new LinkError('tampered');
  if (bytes.length < 4) throw new LinkError('truncated');
  if (bytes[0] !== LINK_VERSION) throw new LinkError('version');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint16(2);
  if (length < TAG_BYTES) throw new LinkError('tampered');
  const mode = bytes[1];
  let at: number;
  let envelope: Envelope;
  if (mode === MODE_KEY) {
    at = 4 + KEY_BYTES + IV_BYTES;
    if (bytes.length < at) throw new LinkError('truncated');
    envelope = {
      mode: 'key',
      header: bytes.slice(0, 4),
      key: bytes.slice(4, 4 + KEY_BYTES),
      iv: bytes.slice(4 + KEY_BYTES, at),
      ciphertext: bytes.slice(at),
    };
  } else if (mode === MODE_PASSPHRASE) {
    at = 24 + IV_BYTES;
    if (bytes.length < at) throw new LinkError('truncated');
    const iterations = view.getUint32(20);
    if (iterations < PBKDF2_ITERATIONS || iterations > MAX_ITERATIONS) throw new LinkError('tampered');
    envelope = {
      mode: 'passphrase',
      header: bytes.slice(0, 24),
      salt: bytes.slice(4, 4 + SALT_BYTES),
      iterations,
      iv: bytes.slice(24, at),
      ciphertext: bytes.slice(at),
    };
  } else {
    throw new LinkError('tampered');
  }
  if (envelope.ciphertext.length < length) throw new LinkError('truncated');
  if (envelope.ciphertext.length > length) throw new LinkError('tampered');
  // base64 has spare bits in its last character; a change there must not slip through. (Checked
  // last: a link cut short usually ends in such a character, and is reported as cut short.)
  if (toBase64Url(bytes) !== text) throw new LinkError('tampered');
  return envelope;
}

function inflateCapped(data: Uint8Array): Uint8Array<ArrayBuffer> {
  try {
    return inflateAtMost(data, MAX_PLAIN_BYTES);
  } catch (err) {
    if (err instanceof TooLargeError) throw new LinkError('oversized', { cause: err });
    throw new LinkError('invalid', { cause: err });
  }
}

export interface OpenOptions {
  now: number;
  passphrase?: string;
}

/** Decrypts, inflates and validates; the snapshot only when every step holds. */
export async function openEnvelope(envelope: Envelope, options: OpenOptions): Promise<Snapshot> {
  return (await openEnvelopeWithKey(envelope, options)).snapshot;
}

/** As openEnvelope, with the link's own key, from which the mentor's reply is sealed. */
export async function openEnvelopeWithKey(
  envelope: Envelope,
  { now, passphrase }: OpenOptions,
): Promise<{ snapshot: Snapshot; linkKey: Uint8Array<ArrayBuffer> }> {
  let linkKey: Uint8Array<ArrayBuffer>;
  if (envelope.mode === 'key') {
    linkKey = envelope.key;
  } else {
    const text = passphrase?.trim() ?? '';
    if (text === '') throw new LinkError('needs-passphrase');
    linkKey = await deriveKeyBytes(text, envelope.salt, envelope.iterations);
  }
  const key = await importRawKey(linkKey);
  let plain: Uint8Array<ArrayBuffer>;
  try {
    plain = await unseal(key, envelope.iv, envelope.ciphertext, envelope.header);
  } catch (err) {
    // GCM cannot tell a wrong key from changed bytes; with a passphrase the likelier cause is
    // a typo, and the message says to check it.
    throw new LinkError(envelope.mode === 'key' ? 'tampered' : 'wrong-passphrase', { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflateCapped(plain)));
  } catch (err) {
    if (err instanceof LinkError) throw err;
    throw new LinkError('invalid', { cause: err });
  }
  const snapshot = parseSnapshot(json);
  if (!snapshot) throw new LinkError('invalid');
  // A link "made" after today would, once kept, make every real link from that person look
  // older; the sender's clock is the likely cause, and the message says so.
  // The reader's clock is taken as Tandem stores instants (lib/rules/time.ts), so a link made on
  // a device whose clock reads outside 2000–2100 opens on that same device.
  const at = clampInstant(now);
  if (fromTheFuture(snapshot, at)) throw new LinkError('from-the-future');
  if (at >= snapshot.expiresAt) throw new LinkError('expired');
  return { snapshot, linkKey };
}

/** The whole way from a fragment to a snapshot. */
export async function decodeFragment(fragment: string, options: OpenOptions): Promise<Snapshot> {
  return openEnvelope(parseEnvelope(fragment), options);
}
