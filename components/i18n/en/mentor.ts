import type { ReplyErrorKind, ReplyProblem } from '../../../lib/share/reply';
import type { QuickWord } from '../../../lib/share/replyFormat';
import type { Fmt } from '../fmt';

// The conversation back: a mentor's reply (written in the viewer, opened in the person's
// Tandem under Mentor links → From my mentors) and the mentor's list at a glance.

export const mentor = (f: Fmt) => {
  const errors: Record<ReplyErrorKind, string> = {
    missing: 'There is no reply link here. Paste the whole link your mentor sent you.',
    truncated: 'This reply link is cut short: part of it is missing. Copy the whole link again (some apps split long links).',
    tampered: 'This reply link has been changed or damaged along the way, so it can’t be opened safely. Ask your mentor to send it again.',
    version: 'This reply was written with a newer Tandem than this one. Update Tandem, then open it again.',
    oversized: 'This reply link is larger than any reply Tandem makes, so it is not opened.',
    invalid: 'This reply opened, but what is inside is not a Tandem reply, so nothing is shown.',
    'not-reply': 'This is a progress link, not a reply. A reply link comes from your mentor after they write back.',
    'unknown-link':
      'This reply answers a link that isn’t in this Tandem’s list of mentor links. It opens in the Tandem where you made the link (or here, once sync or a transfer has brought that list here).',
    removed: 'This reply answers a link you removed from your list, so it can no longer be opened. Your mentor can write back to a new link.',
    'no-key':
      'This reply answers a link whose key this Tandem doesn’t have (it came from a backup file without a passphrase, or from an older version). Open it where you made the link, or move your data with a passphrase.',
    expired: 'This reply belongs to a link that has ended, so it is no longer opened. Your mentor can write back to a new link.',
    'from-the-future': 'This reply says it was written after today, so a clock may be wrong. Ask your mentor to check theirs and send it again.',
  };
  const quickWords: Record<QuickWord, string> = {
    proud: 'Proud of you',
    call: 'Call me this week',
    together: 'Let’s look at this together',
  };
  const problems: { [P in ReplyProblem as P['code']]: (p: P) => string } = {
    'reply.fromMissing': () => 'Write your name, so they know who wrote back.',
    'reply.fromTooLong': (p) => `Your name can be up to ${f.number(p.max)} characters.`,
    'reply.noteTooLong': (p) => `The note can be up to ${f.number(p.max)} characters; it has ${f.number(p.length)}.`,
    'reply.empty': () => 'Write a few words, or pick one of the quick words.',
  };
  const when = (at: number) => f.date(at, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const ago = (days: number) =>
    days <= 0 ? 'today' : days === 1 ? 'yesterday' : f.plural(days, { one: '# day ago', other: '# days ago' });
  return {
    errors,
    quickWords,
    problems,
    // The person's side: Mentor links → From my mentors.
    fromHeading: 'From my mentors',
    fromIntro: 'When a mentor writes back, they send you a reply link. Open it, or paste it here.',
    pasteLabel: 'Reply link from your mentor',
    pasteOpen: 'Open reply',
    pasteWorking: 'Opening the reply…',
    openedNow: (name: string) => `${name}’s reply is below.`,
    openedBefore: (name: string) => `This reply from ${name} is already kept here; it is below.`,
    none: 'No replies yet.',
    sentBy: (name: string, at: number) => `${name} wrote, ${when(at)}`,
    forLink: (mentor: string, made: string) => `In reply to your link for ${mentor} of ${made}`,
    unreadBadge: 'New',
    markRead: 'Mark as read',
    markReadLabel: (name: string, at: number) => `Mark ${name}’s reply of ${when(at)} as read`,
    remove: 'Remove',
    removeLabel: (name: string, at: number) => `Remove ${name}’s reply of ${when(at)}`,
    whereItOpens:
      'A reply opens in the Tandem where you made its link. A reply to a link made in the browser extension opens in the web app only once sync or a transfer (Settings → Your data) has brought your list of mentor links there.',
    // The mentor's side, in the viewer.
    writeBack: 'Write back',
    writeHeading: (name: string) => `Write back to ${name}`,
    writeIntro: (name: string) =>
      `A short note and, if you like, a few quick words. It becomes a link that only ${name}’s Tandem can open; nothing is sent or kept until you share it.`,
    fromLabel: 'Your name',
    noteLabel: 'Note (optional)',
    noteCount: (n: number, max: number) => `${f.number(n)} of ${f.number(max)} characters`,
    wordsLegend: 'Quick words (optional)',
    makeLink: 'Make reply link',
    cancel: 'Cancel',
    resultHeading: 'Your reply link',
    linkLabel: 'Reply link',
    resultFacts: (name: string, length: number) =>
      `Send this link to ${name} (by message, e-mail or QR code). It opens only in their Tandem. ${f.plural(length, { one: '# character', other: '# characters' })}.`,
    copy: 'Copy link',
    copied: 'Copied.',
    copyFailed: 'Couldn’t copy: select the link and copy it yourself.',
    shareSheet: 'Share…',
    showQr: 'Show as QR code',
    hideQr: 'Hide QR code',
    qrLabel: 'QR code of the reply link',
    qrTooLong: 'This reply is too long for a QR code. Copy the link instead, or shorten the note.',
    another: 'Write another',
    keptNothing: 'Nothing you write here is kept on this device.',
    listWriteBack: (name: string) => `Write back to ${name}`,
    // The mentor's list at a glance.
    heardFrom: (days: number) => `Last heard from ${ago(days)}`,
    streakShort: (n: number) => f.plural(n, { one: 'streak # day', other: 'streak # days' }),
    trend: {
      up: 'mood rising',
      down: 'mood lower',
      steady: 'mood steady',
      none: 'no mood shared',
    },
    moodAverage: (n: number) => `mood ${f.number(n, { maximumFractionDigits: 1 })} of 5`,
    wellbeingTrend: {
      up: (score: number) => `wellbeing ${f.number(score)}, rising`,
      down: (score: number) => `wellbeing ${f.number(score)}, lower`,
      steady: (score: number) => `wellbeing ${f.number(score)}, steady`,
      one: (score: number) => `wellbeing ${f.number(score)} of 100`,
    },
    sortedNote: 'Who you heard from longest ago comes first.',
  };
};
