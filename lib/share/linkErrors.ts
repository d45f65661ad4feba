// Every way a mentor link can fail to open, each with words a mentor can act on. The viewer
// shows only the message: never a stack trace, never part of the snapshot.

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
  | 'wrong-passphrase';

export const LINK_MESSAGES: Record<LinkErrorKind, string> = {
  missing:
    'This page shows a progress link someone shared with you, but the address has no link in it. Open the whole link you were sent.',
  truncated:
    'This link is cut short: part of it is missing. Copy the whole link again (some apps split long links), or ask for a new one.',
  tampered:
    'This link has been changed or damaged along the way, so it can’t be opened safely. Ask the person for a new link.',
  version:
    'This link was made by a different version of Tandem than this page can read. Reload the page; if that doesn’t help, ask for a new link.',
  oversized: 'This link is larger than any link Tandem makes, so it is not opened. Ask the person for a new link.',
  invalid:
    'This link opened, but what is inside is not a Tandem progress snapshot, so nothing is shown. Ask the person for a new link.',
  expired:
    'This link has expired, as the person who shared it chose. Ask them for a new one if you’d like an update.',
  'from-the-future':
    'This link says it was made after today, so the clock on the sender’s device may be wrong. Ask them to check it and send a new link.',
  'needs-passphrase': 'This link is protected with a passphrase. The person who shared it will tell you the passphrase.',
  'wrong-passphrase':
    'That passphrase doesn’t open this link. Check it with the person who shared it (capitals and spaces count).',
};

export class LinkError extends Error {
  override name = 'LinkError';
  constructor(
    readonly kind: LinkErrorKind,
    options?: { cause?: unknown },
  ) {
    super(LINK_MESSAGES[kind], options);
  }
}
