import { MAX_FILE_BYTES } from '../../../lib/backup/limits';
import type { RefusedRecord } from '../../../lib/backup/parse';
import type { BackupProblem, RecordFact } from '../../../lib/backup/problems';
import type { ImportSummary } from '../../../lib/backup/store';
import { TRANSFER_DAYS } from '../../../lib/backup/limits';
import type { Fmt } from '../fmt';

const plural = (f: Fmt, n: number, one: string, many: string) => f.plural(n, { one: `# ${one}`, other: `# ${many}` });

/** The day a refused record was made, when the file says so in a readable way (shown in UTC, as the file counts). */
export function refusedWhen(f: Fmt, at: number | null): string | null {
  return at !== null && at >= -8.64e15 && at <= 8.64e15 ? f.date(at, { dateStyle: 'medium' }, 'UTC') : null;
}

/** A year, without the thousands separator a number gets. */
export const yearText = (f: Fmt, year: number) => f.number(year, { useGrouping: false });

/** Which field breaks which rule, as "field “mood” must be a mood from 1 to 5". */
export function factText(f: Fmt, fact: RecordFact): string {
  const field = `field “${fact.field}”`;
  switch (fact.rule) {
    case 'missing':
      return `the field “${fact.field}” is missing`;
    case 'unknownField':
      return `it has a field Tandem doesn’t know (“${fact.field}”)`;
    case 'type': {
      if (fact.field === '') return 'it is not a record';
      const kinds = { number: 'a number', text: 'text', list: 'a list', yesNo: 'true or false', record: 'a group of fields' };
      return fact.expected ? `${field} must be ${kinds[fact.expected]}` : `${field} holds the wrong kind of value`;
    }
    case 'whole':
      return `${field} must be a whole number`;
    case 'range':
      return fact.min !== undefined
        ? `${field} must be at least ${f.number(fact.min)}`
        : fact.max !== undefined
          ? `${field} must be at most ${f.number(fact.max)}`
          : `${field} is out of range`;
    case 'date':
      return fact.max !== undefined ? `${field} is a date after the year ${yearText(f, fact.max)}` : `${field} is a date before the year ${yearText(f, fact.min ?? 2000)}`;
    case 'day':
      return `${field} is not a calendar day between 2000 and 2100`;
    case 'tooLong':
      return fact.max !== undefined ? `${field} is longer than ${plural(f, fact.max, 'character', 'characters')}` : `${field} is too long`;
    case 'tooMany':
      return fact.max !== undefined ? `${field} has more than ${plural(f, fact.max, 'entry', 'entries')}` : `${field} has too many entries`;
    case 'empty':
      return `${field} is empty`;
    case 'mood':
      return `${field} must be a mood from 1 to 5`;
    case 'choice':
      return `${field} is not one of the values Tandem writes`;
    case 'phone':
      return `${field} is not a number a phone can dial`;
    case 'id':
      return `${field} is not a record id`;
    case 'duplicate':
      return `${field} has the same entry twice`;
    case 'future':
      return 'it is dated later than this device’s clock';
    default:
      return fact.field === '' ? 'it is malformed' : `${field} is not valid`;
  }
}

/** Bytes as a person reads them, in the language's own units and digits. */
export function bytesText(f: Fmt, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return f.number(unit === 0 ? value : value >= 10 ? Math.round(value) : Math.round(value * 10) / 10, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
  });
}

// The "Your data" panel: backups, moving to the phone, storage and erasing.

export const data = (f: Fmt) => {
  const dt = {
  heading: 'Your data',
  intro: 'Everything stays on this device. Nothing leaves it unless you save a file or make a link.',

  storageHeading: 'On this device',
  persistentYes: 'Your browser has promised to keep Tandem’s data, even when the disk gets full.',
  neverEvicted: 'As a browser extension with unlimited storage, Tandem’s data is kept even when the disk gets full.',
  persistentNo:
    'Your browser may clear Tandem’s data if the disk gets very full. Saving a backup now and then keeps it safe.',
  persistentUnknown: 'This browser doesn’t say whether it will keep Tandem’s data when the disk gets full.',
  askPersist: 'Ask the browser to keep my data',
  persistRefused: 'The browser said no for now. Browsers decide this themselves; backups keep your data safe either way.',
  usage: (usage: number, quota: number | null) =>
    quota ? `Tandem uses ${bytesText(f, usage)} of the ${bytesText(f, quota)} this browser allows.` : `Tandem uses ${bytesText(f, usage)}.`,
  /** `day` is today/yesterday or a weekday and date, `time` the hour. */
  lastBackup: (day: string, time: string) => `Last backup: ${day}, ${time}.`,
  today: 'Today',
  yesterday: 'Yesterday',
  noBackup: 'No backup saved from this device yet.',
  nudge: 'It’s been over a month without a backup. Saving one takes a second and keeps your history safe.',
  nudgeAction: 'Back up now',

  backupHeading: 'Back up',
  backupHint: 'A file with all your check-ins, reflections, plan, values, contacts, settings and the list of links you shared.',
  encryptLabel: 'Protect the file with a passphrase',
  passphraseLabel: 'Passphrase',
  passphraseHint: (min: number) => `At least ${plural(f, min, 'character', 'characters')}. Tandem can’t recover it if it’s lost.`,
  passphraseShort: (min: number) => `Use a passphrase of at least ${plural(f, min, 'character', 'characters')}.`,
  /** The button beside a passphrase that shows or hides what was typed. */
  showPassphrase: 'Show',
  hidePassphrase: 'Hide',
  saveBackup: 'Save backup file',
  saveCsv: 'Save spreadsheet (CSV)',
  csvHint: 'Check-ins and reflections for a spreadsheet. It imports back under “Import from another app”; your plan, values, contacts and settings only travel in the backup file.',
  backupSaved: (name: string) => `Saved ${name}. Keep it somewhere safe, like a USB stick or your own cloud folder.`,
  csvSaved: (name: string) => `Saved ${name}.`,

  importHeading: 'Restore or add from a file',
  importHint: 'Records are matched one by one: nothing on this device is lost, and the newer version of each record is kept.',
  chooseFile: 'Choose a backup or transfer file',
  unreadable: 'This file couldn’t be read. Choose it again, or copy it to this device first. Your data is unchanged.',
  openWithPassphrase: 'Open',
  opening: 'Opening…',
  previewHeading: 'What this file would change',
  summary: (s: ImportSummary) =>
    `${f.number(s.new)} new, ${f.number(s.updated)} updated, ${f.number(s.deleted)} deleted, ${f.number(s.unchanged)} unchanged`,
  /** `fromDay` is a DayKey. */
  scopeRecent: (fromDay: string) =>
    `This transfer holds check-ins and reflections from ${f.day(fromDay, { day: 'numeric', month: 'long', year: 'numeric' })} on, plus your plan, values, contacts and settings.`,
  settingsReplaced: 'Its settings are newer than this device’s and will replace them.',
  settingsKept: 'This device’s settings are newer and will be kept.',
  apply: 'Add to my data',
  refusedCount: (n: number) =>
    f.plural(n, {
      one: '# record in this file can’t be added, because it breaks Tandem’s rules. Everything else can:',
      other: '# records in this file can’t be added, because they break Tandem’s rules. Everything else can:',
    }),
  refusedRecord: (r: RefusedRecord) => {
    const when = refusedWhen(f, r.at);
    return `${dt.recordNoun[r.table]} ${f.number(r.index)}${when ? ` (${when})` : ''}: ${factText(f, r.detail)}.`;
  },
  /** How a table's records are named, e.g. "check-in 3". */
  recordNoun: { checkins: 'check-in', reflections: 'reflection', plan: 'plan entry', values: 'value or goal', contacts: 'contact', shares: 'shared-link entry', replies: 'mentor’s reply', wellbeing: 'wellbeing check' },
  refusedMore: (n: number) => `…and ${f.number(n)} more.`,
  refusedSettings: {
    invalid: 'The settings in this file aren’t valid, so this device’s settings are kept.',
    future: 'The settings in this file are dated later than this device’s clock, so this device’s settings are kept.',
  },
  refusedKeep: 'Those are left out; nothing on this device changes because of them.',
  cancel: 'Cancel',
  nothingToDo: 'Everything in this file is already here. Nothing needs to change.',
  applied: (s: ImportSummary) => `Done: ${dt.summary(s)}.`,
  cancelled: 'Nothing was imported.',
  linkHeading: 'A transfer link was opened',
  linkHint: 'Type the passphrase that was chosen when the link was made.',

  /** Why a file was refused (lib/backup/problems.ts). */
  backupErrors: {
    empty: 'This file is empty. Nothing was imported and your data is unchanged.',
    'too-large': `This file is larger than ${bytesText(f, MAX_FILE_BYTES)}, too big to be a Tandem backup. Nothing was imported and your data is unchanged.`,
    'not-json': 'This is not a Tandem backup file. Choose the .json file Tandem saved. Your data is unchanged.',
    damaged:
      'This backup seems cut off or damaged, so it can’t be read. Try the file again, or another copy of it. Your data is unchanged.',
    'other-app': 'This file was not made by Tandem. Choose a file Tandem saved. Your data is unchanged.',
    'newer-version':
      'This backup comes from a newer version of Tandem. Update Tandem on this device, then import it again. Your data is unchanged.',
    'needs-passphrase': 'This file is protected with a passphrase. Type it to continue.',
    'wrong-passphrase': 'That passphrase doesn’t open this file. Check it and try again (capitals count). Your data is unchanged.',
    'unsafe-keys': 'This file contains fields Tandem never writes, so it was refused. Your data is unchanged.',
    invalid: (detail?: RecordFact) =>
      `Part of this file isn’t valid: ${detail ? factText(f, detail) : 'a part of it is malformed'}. Nothing was imported and your data is unchanged.`,
  },
  /** A BackupError's words: its reason, and for 'invalid' the field and rule. */
  backupError: (reason: BackupProblem, detail?: RecordFact): string =>
    reason === 'invalid' ? dt.backupErrors.invalid(detail) : dt.backupErrors[reason],

  moveHeading: 'Move to my phone',
  moveHint:
    'Make a passphrase-protected copy to open in Tandem on your phone (or the other way round). Send the passphrase a different way than the file or link.',
  moveFile: 'Save transfer file (everything)',
  moveLink: `Make a link (last ${f.number(TRANSFER_DAYS)} days)`,
  linkScope: `The link holds check-ins and reflections from the last ${f.number(TRANSFER_DAYS)} days, plus your plan, values, contacts, settings and shared-link list. Older history only travels in the file.`,
  appAddressLabel: 'Address of Tandem’s web app',
  appAddressHint: 'Where you open Tandem on your phone, e.g. https://example.org/tandem/',
  appAddressInvalid: 'Type the web app’s address, starting with https:// (or http://localhost).',
  linkLabel: 'Transfer link',
  linkLength: (chars: number) => `${plural(f, chars, 'character', 'characters')} long.`,
  copy: 'Copy link',
  copied: 'Link copied.',
  copyFailed: 'Copying didn’t work here. Select the link and copy it by hand.',
  qrLabel: 'QR code of the transfer link. Scan it with your phone’s camera.',
  qrTooLong: 'This link is too long for a QR code. Send it to yourself (e-mail, a note) and open it on your phone, or use the file.',
  linkTooLong: 'Your recent history is too big for a link. Use the transfer file instead.',

  eraseHeading: 'Delete all my data',
  eraseHint:
    'This removes every check-in, reflection, plan entry, value, contact, setting and the list of shared links from this device, and any mentor snapshots you kept here. It can’t be undone.',
  eraseCannot:
    'It can’t remove what has already left this device: links you sent to a mentor (the viewer page stops opening them when they expire, but anyone with a copy can still read them), files you saved or sent, and Tandem on your other devices.',
  eraseConfirmLabel: 'Type DELETE to confirm',
  eraseWord: 'DELETE',
  eraseButton: 'Delete all my data',
  eraseMismatch: 'To delete everything, type DELETE in capitals in the box first.',
  erased: 'All your Tandem data on this device has been deleted.',

  upgradeHeading: 'Tandem tidied some of your records',
  upgradeIntro: (n: number) =>
    `When Tandem updated, it changed ${plural(f, n, 'record', 'records')} a little, so that everything can always be backed up, moved and shared. Nothing was removed:`,
  upgradeChange: (code: string, n: number) => {
    const times = plural(f, n, 'record', 'records');
    switch (code) {
      case 'textTidied':
        return `Invisible or control characters were taken out of texts, or accents written the standard way (${times}).`;
      case 'textFilled':
        return `A text that held only invisible characters now reads “…” (${times}); you can edit it.`;
      case 'emptyEntryRemoved':
        return `Empty entries were taken out of lists (${times}).`;
      case 'instantMoved':
        return `A date before 2000 or after 2100, from a clock that was set wrong, was moved to the nearest date Tandem can keep (${times}).`;
      case 'futureStamp':
        return `A record dated more than a day ahead of this device’s clock is now dated today (${times}).`;
      case 'offsetMoved':
        return `A time-zone offset beyond ±14 hours was brought within it (${times}).`;
      case 'phoneMoved':
        return `A phone number a phone can’t dial as written was moved into the contact’s note (${times}). Add the number again under My plan → Crisis contacts.`;
      case 'listJoined':
        return `A list longer than Tandem keeps had its last entries joined into one (${times}).`;
      default:
        return `Other small changes (${times}).`;
    }
  },
  upgradeSeen: 'OK',

  outdated: 'Tandem was updated in another window. Reload this page to keep going; nothing you saved is lost.',
  blocked: 'Tandem is waiting for an older Tandem window to close. Close other Tandem tabs, then reload.',
  reload: 'Reload',
  };
  return dt;
};
