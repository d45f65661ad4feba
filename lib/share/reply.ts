import * as v from 'valibot';
import { concatBytes, deflateBytes, inflateAtMost, TooLargeError } from '../compress';
import { fromBase64Url, hkdfBytes, importRawKey, IV_BYTES, seal, toBase64Url, unseal } from '../crypto';
import { FIELDS } from '../rules/fields';
import { acceptsAsIs, checkText } from '../rules/text';
import { clampInstant } from '../rules/time';
import { CLOCK_SLACK_MS } from './schema';
import { QUICK_WORDS, REPLY_PREFIX, type QuickWord } from './replyFormat';

// A mentor's reply: a short note and quick words, sealed under a key only the link's own key
// gives (HKDF with its own label), so only the person who made the link can open it, and no
// reply can ever pass for a snapshot or a snapshot for a reply. No server, no account: the
// reply travels as a link to the mentee's app. docs/share-link.md ("Replies") has the format.

export const REPLY_MAGIC = 0x72; // 'r': a snapshot envelope starts with its version, 1
export const REPLY_VERSION = 1;
export const LINK_ID_BYTES = 8;
const HEADER_BYTES = 2 + LINK_ID_BYTES;
const TAG_BYTES = 16;
/** HKDF labels: one per purpose, so that no derived value can stand in for another. */
export const REPLY_KEY_INFO = 'Tandem reply key v1';
export const LINK_ID_INFO = 'Tandem link id v1';
/** Far more than the longest reply (1,000 four-byte characters and a name). */
export const MAX_REPLY_CHARS = 12_000;
const MAX_PLAIN_BYTES = 16 * 1024;
const DAY = 86_400_000;
/** A reply still opens this long after its link ended, so a note written on the last day is read. */
export const REPLY_GRACE_MS = 14 * DAY;

export interface Reply {
  /** The mentor's name as they signed. */
  from: string;
  sentAt: number;
  /** Up to 1,000 characters (FIELDS.replyNote); '' when only quick words were sent. */
  note: string;
  words: QuickWord[];
}

export type ReplyErrorKind =
  | 'missing'
  | 'truncated'
  | 'tampered'
  | 'version'
  | 'oversized'
  | 'invalid'
  /** A progress link (a snapshot), not a reply. */
  | 'not-reply'
  /** No link in this Tandem's log has this reply's id. */
  | 'unknown-link'
  /** The person removed the link it answers from their log. */
  | 'removed'
  /** The link is in the log, but without its key (made before replies, or from a plain backup). */
  | 'no-key'
  | 'expired'
  | 'from-the-future';

export const REPLY_ERROR_KINDS: readonly ReplyErrorKind[] = [
  'missing',
  'truncated',
  'tampered',
  'version',
  'oversized',
  'invalid',
  'not-reply',
  'unknown-link',
  'removed',
  'no-key',
  'expired',
  'from-the-future',
];

export class ReplyError extends Error {
  override name = 'ReplyError';
  constructor(
    readonly kind: ReplyErrorKind,
    options?: { cause?: unknown },
  ) {
    super(`reply link refused: ${kind}`, options);
  }
}

/** The id a reply names its link by: derived from the link's key, so it says nothing else. */
export async function linkIdOf(linkKey: Uint8Array<ArrayBuffer>): Promise<string> {
  return toBase64Url(await hkdfBytes(linkKey, LINK_ID_INFO, LINK_ID_BYTES));
}

async function replyKey(linkKey: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return importRawKey(await hkdfBytes(linkKey, REPLY_KEY_INFO, 32));
}

const ReplySchema = v.pipe(
  v.strictObject({
    from: v.pipe(v.string(), v.check((s) => acceptsAsIs(s, FIELDS.shareName))),
    sentAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15)),
    note: v.pipe(v.string(), v.check((s) => acceptsAsIs(s, FIELDS.replyNote))),
    words: v.pipe(
      v.array(v.picklist(QUICK_WORDS)),
      v.maxLength(QUICK_WORDS.length),
      v.check((w) => new Set(w).size === w.length),
    ),
  }),
  v.check((r) => r.note !== '' || r.words.length > 0, 'empty'),
);

/** What stops a reply being made, worded in the catalogue's reply.problems. */
export type ReplyProblem =
  | { code: 'reply.fromMissing' }
  | { code: 'reply.fromTooLong'; max: number }
  | { code: 'reply.noteTooLong'; max: number; length: number }
  | { code: 'reply.empty' };

export interface ReplyDraft {
  from: string;
  note: string;
  words: readonly QuickWord[];
}

/** The reply these inputs make (texts by the one rule), or every problem with them. */
export function checkReply(draft: ReplyDraft, now: number): { ok: true; reply: Reply } | { ok: false; problems: ReplyProblem[] } {
  const problems: ReplyProblem[] = [];
  const from = checkText(draft.from, FIELDS.shareName);
  const note = checkText(draft.note, FIELDS.replyNote);
  if (!from.ok) problems.push(from.problem.code === 'tooLong' ? { code: 'reply.fromTooLong', max: FIELDS.shareName.max } : { code: 'reply.fromMissing' });
  if (!note.ok && note.problem.code === 'tooLong') problems.push({ code: 'reply.noteTooLong', max: FIELDS.replyNote.max, length: note.problem.length });
  const words = QUICK_WORDS.filter((w) => draft.words.includes(w));
  if (note.ok && note.text === '' && words.length === 0) problems.push({ code: 'reply.empty' });
  if (problems.length > 0 || !from.ok || !note.ok) return { ok: false, problems };
  return { ok: true, reply: { from: from.text, sentAt: clampInstant(now), note: note.text, words } };
}

/** The reply's fragment (without '#', with its 'reply=' prefix). */
export async function sealReply(reply: Reply, linkKey: Uint8Array<ArrayBuffer>): Promise<string> {
  if (!v.is(ReplySchema, reply)) throw new RangeError('Not a reply Tandem could open.');
  const id = fromBase64Url(await linkIdOf(linkKey))!;
  const ad = concatBytes([new Uint8Array([REPLY_MAGIC, REPLY_VERSION]), id]);
  const plain = deflateBytes(new TextEncoder().encode(JSON.stringify(reply)));
  const { iv, ciphertext } = await seal(await replyKey(linkKey), plain, ad);
  return REPLY_PREFIX + toBase64Url(concatBytes([ad, iv, ciphertext]));
}

/** A reply link to the mentee's app at `appUrl` (where the viewer itself lives). */
export function replyLink(appUrl: string, fragment: string): string {
  return `${new URL('./', appUrl).href}#${fragment}`;
}

export interface ReplyEnvelope {
  linkId: string;
  header: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

/** Reads a reply's structure (from a whole link or its fragment) without decrypting. */
export function parseReply(text: string): ReplyEnvelope {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  let fragment = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  if (fragment === '') throw new ReplyError('missing');
  if (!fragment.startsWith(REPLY_PREFIX)) {
    // A progress link's envelope starts with its version byte: say it is the other kind.
    const bytes = /^[A-Za-z0-9_-]{8,}$/.test(fragment) ? fromBase64Url(fragment.slice(0, 8)) : null;
    throw new ReplyError(bytes && bytes[0] === 1 ? 'not-reply' : 'tampered');
  }
  fragment = fragment.slice(REPLY_PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(fragment)) throw new ReplyError('tampered');
  if (fragment.length > MAX_REPLY_CHARS) throw new ReplyError('oversized');
  if (fragment.length % 4 === 1) throw new ReplyError('truncated');
  const bytes = fromBase64Url(fragment);
  if (!bytes) throw new ReplyError('tampered');
  if (bytes.length < 2) throw new ReplyError('truncated');
  if (bytes[0] !== REPLY_MAGIC) throw new ReplyError(bytes[0] === 1 ? 'not-reply' : 'tampered');
  if (bytes[1] !== REPLY_VERSION) throw new ReplyError('version');
  if (bytes.length < HEADER_BYTES + IV_BYTES + TAG_BYTES) throw new ReplyError('truncated');
  // The spare bits of base64's last character must not let a changed link through.
  if (toBase64Url(bytes) !== fragment) throw new ReplyError('tampered');
  return {
    linkId: toBase64Url(bytes.slice(2, HEADER_BYTES)),
    header: bytes.slice(0, HEADER_BYTES),
    iv: bytes.slice(HEADER_BYTES, HEADER_BYTES + IV_BYTES),
    ciphertext: bytes.slice(HEADER_BYTES + IV_BYTES),
  };
}

export interface ReplyLinkFacts {
  /** The key of the link the reply answers, from the share log. */
  linkKey: Uint8Array<ArrayBuffer>;
  /** When that link ended. */
  expiresAt: number;
}

/** Decrypts and validates a reply under its link's key; the reply only when every check holds. */
export async function openReply(envelope: ReplyEnvelope, link: ReplyLinkFacts, clockNow: number): Promise<Reply> {
  if ((await linkIdOf(link.linkKey)) !== envelope.linkId) throw new ReplyError('unknown-link');
  let plain: Uint8Array<ArrayBuffer>;
  try {
    plain = await unseal(await replyKey(link.linkKey), envelope.iv, envelope.ciphertext, envelope.header);
  } catch (err) {
    throw new ReplyError('tampered', { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflateAtMost(plain, MAX_PLAIN_BYTES)));
  } catch (err) {
    throw new ReplyError(err instanceof TooLargeError ? 'oversized' : 'invalid', { cause: err });
  }
  const parsed = v.safeParse(ReplySchema, json);
  if (!parsed.success) throw new ReplyError('invalid');
  const reply = parsed.output as Reply;
  const now = clampInstant(clockNow);
  if (reply.sentAt > now + CLOCK_SLACK_MS) throw new ReplyError('from-the-future');
  // Written after the link ended (no viewer opens it then), or read long after: the reply has
  // gone the way of its link, as the person chose when they made it.
  if (reply.sentAt > link.expiresAt + CLOCK_SLACK_MS || now >= link.expiresAt + REPLY_GRACE_MS) throw new ReplyError('expired');
  return reply;
}

/**
 * A stable id for one reply (its IV is random per reply), so opening it twice keeps it once:
 * the link id and the IV, 11 + 16 base64url characters, a record id as backups allow.
 */
export const replyIdOf = (envelope: ReplyEnvelope) => `${envelope.linkId}${toBase64Url(envelope.iv)}`;
