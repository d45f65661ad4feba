import type { DayKey } from '../../../lib/days';
import type { ShareProblem, ShareRequestProblem } from '../../../lib/shares';
import type { ShareContent } from '../../../lib/share/contents';
import type { LinkErrorKind } from '../../../lib/share/linkErrors';
import type { MenteeProblem } from '../../../lib/share/menteeList';
import type { ChangeFact } from '../../../lib/share/summary';
import type { Fmt } from '../fmt';

const plural = (f: Fmt, n: number, one: string, many: string) => f.plural(n, { one: `# ${one}`, other: `# ${many}` });

/** The problems the share service and the mentor's list refuse with, by code. */
type Problems = { [P in ShareProblem | MenteeProblem as P['code']]: (p: P) => string };

// The mentor link: the share dialog, the share log and the mentor's viewer. The viewer speaks
// the mentor's language (their browser's): a link carries facts and the person's own texts only.

export const share = (f: Fmt) => {
  const linkErrors: Record<LinkErrorKind, string> = {
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
    reply:
      'This is a reply link from a mentor. It opens in the Tandem of the person who made the progress link, not here: send it to them.',
  };

  const request: { [P in ShareRequestProblem as P['code']]: (p: P) => string } = {
    'share.nameMissing': () => 'Write your name as your mentor knows you.',
    'share.nameTooLong': (p) => `Your name can be up to ${f.number(p.max)} characters.`,
    'share.mentorMissing': () => 'Write your mentor’s name, so you know later who has this link.',
    'share.mentorTooLong': (p) => `The mentor’s name can be up to ${f.number(p.max)} characters.`,
    'share.period': (p) => `Pick a period of ${f.list(p.periods.map((n) => f.number(n)), 'disjunction')} days.`,
    'share.expiry': (p) => `Pick how long the link works: ${f.list(p.days.map((n) => f.number(n)), 'disjunction')} days.`,
    'share.passphraseShort': (p) => `A passphrase needs at least ${f.number(p.min)} characters; three short words work well.`,
    'share.passphraseLong': (p) => `A passphrase can be up to ${f.number(p.max)} characters.`,
  };
  const sayRequest = (p: ShareRequestProblem) => (request[p.code] as (p: ShareRequestProblem) => string)(p);

  const problems: Problems = {
    ...request,
    'share.request': (p) => p.problems.map(sayRequest).join(' '),
    'share.previewChanged': () =>
      'Something changed since the preview (a new check-in, or a new day began). The preview now shows what the link would hold; look it over, then create the link again.',
    'share.needsHttps': () =>
      'Links can’t be made on this page: browsers only encrypt on secure (https) pages. Open Tandem from its https address, or use the browser extension, to share.',
    'share.fromTheFuture': () => linkErrors['from-the-future'],
  };

  /** One thing a link held, as the share log lists it. */
  const content = (c: ShareContent): string => {
    switch (c.kind) {
      case 'checkinDays':
        return 'check-in days and streak';
      case 'mood':
        return 'mood chart';
      case 'wins':
        return `micro-win texts (${f.number(c.count)})`;
      case 'reflectionCounts':
        return 'number of near misses and setbacks';
      case 'reflectionTexts':
        return `near miss and setback texts (${f.number(c.count)})`;
      case 'plan':
        return `plan (${plural(f, c.count, 'situation', 'situations')})`;
      case 'wellbeing':
        return `wellbeing scores (${f.number(c.count)})`;
      case 'text':
        return c.text;
    }
  };

  /** One thing that changed since the snapshot kept before, in the mentor's list. */
  const change = (c: ChangeFact): string => {
    switch (c.kind) {
      case 'streak':
        return `Current streak: ${f.number(c.from)} → ${plural(f, c.to, 'day', 'days')}.`;
      case 'streakSame':
        return `Current streak unchanged: ${plural(f, c.days, 'day', 'days')}.`;
      case 'bestStreak':
        return `New best streak: ${plural(f, c.days, 'day', 'days')}.`;
      case 'checkedIn':
        return `Checked in on ${f.number(c.days)} of the ${plural(f, c.of, 'day', 'days')} since the last snapshot.`;
      case 'mood':
        return `Average mood over the last 7 days: ${f.number(c.from)} → ${f.number(c.to)} (of 5).`;
      case 'wins':
        return c.count === 0 ? 'No new micro-wins.' : `${plural(f, c.count, 'new micro-win', 'new micro-wins')}.`;
      case 'text':
        return c.text;
    }
  };

  const days = (n: number) => plural(f, n, 'day', 'days');
  const dates = {
    day: (day: DayKey) => f.day(day, { day: 'numeric', month: 'short', year: 'numeric' }),
    weekday: (day: DayKey) => f.day(day, { weekday: 'short', day: 'numeric', month: 'short' }),
    instant: (at: number) => f.date(at, { dateStyle: 'medium', timeStyle: 'short' }),
  };

  return {
    panelHeading: 'Mentor links',
    panelIntro: 'Send your mentor a read-only snapshot of your progress. You choose what is in it and for how long it opens.',
    openDialog: 'Share with mentor',
    logHeading: 'Links you have shared',
    logEmpty: 'You haven’t shared a link yet.',
    logEntry: (mentor: string, period: number) => `To ${mentor} · last ${f.number(period)} days`,
    logCreated: (when: string) => `Made ${when}`,
    content,
    logContents: (parts: readonly ShareContent[]) => `Contains: ${parts.map(content).join(', ')}.`,
    logValid: (when: string, withPassphrase: boolean) => `Opens until ${when}${withPassphrase ? ', with a passphrase' : ''}.`,
    logExpired: (when: string, withPassphrase: boolean) => `Expired ${when}${withPassphrase ? ', with a passphrase' : ''}.`,
    // Starts with the visible words, so speech control ("click Remove from list") finds it.
    logForget: (mentor: string, when: string) => `Remove from list: the link to ${mentor}, made ${when}`,
    logForgetLabel: 'Remove from list',
    expiryTruth:
      'What “expires” means: the viewer page refuses a link after that date. But there is no server: everything is inside the link itself. Someone who keeps a copy of the link (and the passphrase, if any) could read it with other tools. Removing a link from this list does not take it back.',

    dialogHeading: 'Share with mentor',
    close: 'Close',
    yourName: 'Your name, as your mentor will see it',
    mentorName: 'Your mentor’s name (only for your own list)',
    period: 'Period',
    periodOption: (days: number) => `Last ${f.number(days)} days`,
    include: 'What to include',
    always: 'Always included: the days you checked in, and your current and best streak.',
    includeMood: 'Mood chart',
    includeWins: 'Micro-win texts',
    includeReflectionTexts: 'What I wrote about near misses and setbacks (otherwise only how many)',
    includePlan: 'My plan: situations and the steps that help',
    expiry: 'The link opens for',
    expiryOption: (days: number) => plural(f, days, 'day', 'days'),
    passphrase: 'Passphrase (optional)',
    passphraseHint: 'If you set one, tell it to your mentor another way, for example by phone. At least 8 characters; three short words work well.',
    showPassphrase: 'Show passphrase',
    hidePassphrase: 'Hide passphrase',
    addressHeading: 'Your mentor’s phone can’t open this link',
    addressWarning: (host: string) =>
      `The link would point to ${host}, an address that only this computer (or your own network) can reach. To send it to your mentor, set the address where you open Tandem’s web app.`,
    addressOffer: 'Set the web app’s address',
    addressLabel: 'Address of Tandem’s web app',
    addressHint: 'Where you open Tandem on your phone, e.g. https://example.org/tandem/. It is kept with “Move to my phone”, and links point there from now on.',
    addressInvalid: 'Type the web app’s address, starting with https:// (or http://localhost).',
    addressSave: 'Save the address',
    addressCancel: 'Cancel',
    addressSaved: (host: string) => `Saved. Links now point to ${host}.`,
    addressAnyway: 'You can still create the link, for example to try it on this computer.',
    previewHeading: 'Preview: exactly what your mentor will see',
    previewName: 'Your name',
    previewLoading: 'Preparing the preview…',
    omitted: {
      wins: (n: number) =>
        f.plural(n, { one: '# micro-win didn’t fit in a link and is left out.', other: '# micro-wins didn’t fit in a link and are left out.' }),
      reflections: (n: number) =>
        f.plural(n, { one: '# reflection didn’t fit in a link and is left out.', other: '# reflections didn’t fit in a link and are left out.' }),
      plan: (n: number) =>
        f.plural(n, {
          one: '# plan situation didn’t fit in a link and is left out.',
          other: '# plan situations didn’t fit in a link and are left out.',
        }),
    },
    create: 'Create link',
    creating: 'Creating the link…',
    resultHeading: 'Your link is ready',
    linkLabel: 'Link for your mentor',
    linkFacts: (chars: number, until: string) => `${plural(f, chars, 'character', 'characters')}. It opens until ${until}.`,
    tellPassphrase: (mentor: string) => `Tell ${mentor} the passphrase separately, not in the same message as the link.`,
    copy: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'Copying didn’t work here. Select the link above and copy it yourself.',
    shareSheet: 'Share…',
    qrLabel: 'QR code of the link. Your mentor can scan it with a phone camera.',
    qrTooLong: 'This link is too long for a QR code. Copy it instead.',
    anotherLink: 'Make another link',

    /** Dates in the snapshot: a calendar day, a day with its weekday, and an instant in the reader's zone. */
    dates,
    summaryHeading: 'At a glance',
    /** The mentor's page opens with these, in this order (the facts: lib/share/summary.ts). */
    summary: {
      lastCheckIn: (day: string, daysBefore: number) =>
        daysBefore === 0 ? `Last check-in: ${day}, the day this link was made.` : `Last check-in: ${day}, ${days(daysBefore)} before this link was made.`,
      noCheckIn: (period: number) => `No check-in in these ${days(period)}.`,
      streak: (current: number, best: number) =>
        current === 0 ? `No streak right now; the longest was ${days(best)}.` : `A streak of ${days(current)}; the longest was ${days(best)}.`,
      moodNone: 'No check-ins in the last 7 days, so no mood for them.',
      mood: (week: number) => `Mood in the last 7 days: ${f.number(week)} of 5.`,
      moodUp: (week: number, before: number) => `Mood in the last 7 days: ${f.number(week)} of 5, up from ${f.number(before)} the 7 days before.`,
      moodDown: (week: number, before: number) => `Mood in the last 7 days: ${f.number(week)} of 5, down from ${f.number(before)} the 7 days before.`,
      moodSame: (week: number, before: number) =>
        `Mood in the last 7 days: ${f.number(week)} of 5, about the same as the 7 days before (${f.number(before)}).`,
      reflections: (nearMisses: number, setbacks: number, period: number) =>
        nearMisses === 0 && setbacks === 0
          ? `No near misses or setbacks logged in these ${days(period)}.`
          : `In these ${days(period)}: ${plural(f, nearMisses, 'near miss', 'near misses')} (getting through a hard moment) and ${plural(f, setbacks, 'setback', 'setbacks')}.`,
      pulled: (triggers: readonly string[], times: number) =>
        `What pulled most often: ${f.list(triggers)} (${f.plural(times, { one: 'once', other: '# times' })}${triggers.length > 1 ? ' each' : ''}).`,
    },
    readOnly: 'Read-only',
    readOnlyNote: (name: string) => `A snapshot ${name} chose to share with you. Nothing here can be changed.`,
    periodLine: (days: number, from: string, to: string) => `Last ${f.number(days)} days: ${from} – ${to}`,
    sharedLine: (created: string, expires: string) => `Shared ${created}. The link opens until ${expires}.`,
    streakHeading: 'Showing up',
    currentStreak: (n: number) => `Current streak: ${plural(f, n, 'day', 'days')}`,
    bestStreak: (n: number) => `Best streak: ${plural(f, n, 'day', 'days')}`,
    daysCheckedIn: (n: number, of: number) => `Checked in on ${f.number(n)} of ${f.number(of)} days.`,
    calendarHeading: 'Check-in days',
    calendarDay: (date: string, count: number) => (count === 0 ? `${date}: no check-in` : `${date}: ${plural(f, count, 'check-in', 'check-ins')}`),
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    moodHeading: 'Mood',
    moodNone: 'No check-ins in this period, so no mood to show.',
    moodOverall: (avg: number) => `Average mood ${f.number(avg)} of 5 (1 is very low, 5 very good).`,
    moodWeeks: (last: number, before: number) => `Last 7 days: ${f.number(last)}; the 7 days before: ${f.number(before)}.`,
    moodLastWeek: (last: number) => `Last 7 days: ${f.number(last)}.`,
    moodChartLabel: 'Chart of average mood per day',
    moodTable: 'Mood by day, as a table',
    moodTableDay: 'Day',
    moodTableCount: 'Check-ins',
    moodTableMood: 'Average mood',
    winsHeading: 'Micro-wins',
    winsNone: 'No micro-wins written in this period.',
    reflectionsHeading: 'Near misses and setbacks',
    reflectionCounts: (nearMisses: number, setbacks: number) =>
      `${plural(f, nearMisses, 'near miss', 'near misses')} (getting through a hard moment) and ${plural(f, setbacks, 'setback', 'setbacks')} logged in this period.`,
    nearMiss: 'Near miss',
    setback: 'Setback',
    pulled: 'What pulled',
    helped: 'What helped',
    nextTime: 'Next time',
    planHeading: 'Plan: situations and steps that help',
    planEmpty: 'No plan written yet.',

    viewerTitle: 'Tandem: shared progress',
    viewerHeading: 'Shared progress',
    opening: 'Opening the link…',
    passphraseHeading: 'This link needs a passphrase',
    passphraseLabel: 'Passphrase',
    passphraseShow: 'Show',
    passphraseHide: 'Hide',
    passphraseOpen: 'Open',
    passphraseWorking: 'Checking the passphrase… this takes a moment.',
    cannotOpen: 'This link can’t be opened',
    cannotShow: 'This snapshot can’t be shown in this browser. Try a current version of Chrome, Firefox, Safari or Edge.',
    noCrypto: 'This browser can’t open protected links on this page. Open the link over https, or in a current browser.',
    /** Why a link did not open, by kind (lib/share/linkErrors.ts); docs/share-link.md lists them. */
    linkErrors,
    keep: 'Keep in my list',
    keptNow: (name: string) => `Kept. ${name} is in your list on this device until this snapshot expires.`,
    keepNote: 'Nothing is saved on this device unless you choose “Keep in my list”.',
    listHeading: 'My list',
    listEmpty: 'Your list is empty. Open a link someone shared with you; you can keep it here.',
    listIntro: 'Snapshots you chose to keep, on this device only. Each leaves the list when its link expires.',
    listExpired: (n: number) =>
      f.plural(n, { one: '# kept snapshot expired and was removed.', other: '# kept snapshots expired and were removed.' }),
    listShared: (when: string) => `Newest snapshot shared ${when}`,
    listChanges: 'Since the snapshot before:',
    change,
    listFirst: 'The first snapshot you kept from this person.',
    newerKept: (name: string, when: string) =>
      `Your list already keeps a newer snapshot from ${name} (shared ${when}), so this older one was not kept.`,
    listOpen: (name: string) => `Show ${name}’s snapshot`,
    listRemove: (name: string) => `Remove ${name} from my list`,
    listShow: 'Show',
    listRemoveLabel: 'Remove',
    noLink: 'This page shows progress links that people share with you from Tandem. Open the whole link you were sent.',

    problems,
  };
};
