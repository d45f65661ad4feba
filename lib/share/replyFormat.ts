// The few facts about a mentor's reply link that pages need without its codec: what its
// fragment starts with, and the quick words it can carry (as codes: each side words them in
// its own language). docs/share-link.md section "Replies" has the format byte by byte.

/** A reply link is `<the mentee's app>#reply=<base64url envelope>`. */
export const REPLY_PREFIX = 'reply=';

export const QUICK_WORDS = ['proud', 'call', 'together'] as const;
export type QuickWord = (typeof QUICK_WORDS)[number];

/** The envelope part of a pasted reply link or fragment, or null when it is no reply link. */
export function replyPayload(text: string): string | null {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  const fragment = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  return fragment.startsWith(REPLY_PREFIX) ? fragment.slice(REPLY_PREFIX.length) : null;
}
