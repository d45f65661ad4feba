// Every way a mentor link can fail to open. lib/ says only which: the viewer words each kind in
// the mentor's language (words.share.linkErrors), never with a stack trace or part of the
// snapshot. `message` is for the console and for tests without a catalogue.

export type LinkErrorKind =
  | 'missing'
  | 'truncated'
  | 'tampered'
  | 'version'
  | 'oversized'
  | 'invalid'
  | 'expired'
  | 'from-the-future'
  | 'needs-passphrase'
  | 'wrong-passphrase'
  /** A mentor's reply link, which opens in the mentee's Tandem, not in the viewer. */
  | 'reply';

export const LINK_ERROR_KINDS: readonly LinkErrorKind[] = [
  'missing',
  'truncated',
  'tampered',
  'version',
  'oversized',
  'invalid',
  'expired',
  'from-the-future',
  'needs-passphrase',
  'wrong-passphrase',
  'reply',
];

export class LinkError extends Error {
  override name = 'LinkError';
  constructor(
    readonly kind: LinkErrorKind,
    options?: { cause?: unknown },
  ) {
    super(`mentor link refused: ${kind}`, options);
  }
}
