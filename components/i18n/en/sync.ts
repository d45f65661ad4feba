import type { MergeCounts } from '../../../lib/backup/merge';
import type { PairingProblem } from '../../../lib/sync/pairing';
import type { SyncProblem } from '../../../lib/sync/problems';
import type { Fmt } from '../fmt';

// Settings → Sync between devices: turning it on, pairing a device, its status and problems.
// Plain words about what leaves the device: only sealed data, only to the person's own server.

const plural = (f: Fmt, n: number, one: string, many: string) => f.plural(n, { one: `# ${one}`, other: `# ${many}` });

export const sync = (f: Fmt) => ({
  heading: 'Sync between devices',
  show: 'Show',
  hide: 'Hide',
  intro:
    'Keep one history on this device and your others (the extension at work, the app on your phone) through a sync server you choose. Everything is locked on this device before it leaves, so the server stores only data it cannot read.',
  offNote: 'Sync is off. Nothing leaves this device.',
  turnOnHeading: 'Turn on sync',
  turnOnHint: 'Use your own CouchDB server or the one your program runs. Ask them for the address, a user name and a password.',
  serverLabel: 'Server address',
  serverHint: 'For example https://sync.example.org',
  userLabel: 'User name',
  passwordLabel: 'Password',
  databaseLabel: 'Database',
  databaseHintEmpty: 'Filled in from your user name: the database CouchDB makes for each user. Change it only if told to.',
  databaseHint: (name: string) => `Leave as it is unless told otherwise: ${name} is the database CouchDB makes for your user name.`,
  turnOn: 'Turn on sync',
  serverInvalid: 'That server address doesn’t look right. It starts with https:// (or http:// for a server on this computer).',
  missingFields: 'Please fill in the server address, user name and password.',
  turnedOn: 'Sync is on. This device’s history is on its way to your server.',
  onWith: (user: string, server: string) => `Sync is on, as ${user} at ${server}.`,
  lastSynced: (at: number) => `Last synced ${f.date(at, { dateStyle: 'medium', timeStyle: 'short' })}.`,
  neverSynced: 'Not synced yet.',
  running: 'Syncing…',
  progressLabel: 'Sync progress',
  progress: (done: number, total: number) => `${f.number(done)} of ${plural(f, total, 'record', 'records')} sent and received`,
  safeHere: 'Your data is safe on this device.',
  problems: {
    unreachable: 'The sync server can’t be reached right now (no connection, or the server is down). Tandem will try again.',
    'wrong-password': 'The server didn’t accept the user name and password. If you removed a lost device, pair this one again.',
    'no-database': 'That database doesn’t exist on the server. Check its name, or ask whoever runs the server to create it.',
    full: 'The sync server is full, or this device has no room left. Ask whoever runs the server for more space.',
    'newer-format': 'Another device uses a newer Tandem. Update Tandem here to keep syncing.',
    'refused-documents': 'Some data on the server couldn’t be opened with this device’s key, so it was left alone and nothing from it was used.',
    other: 'Sync didn’t work this time. Tandem will try again.',
  } satisfies Record<SyncProblem, string>,
  pairingProblems: {
    'not-a-link': 'That isn’t a Tandem pairing link. Copy the whole link from the other device.',
    expired: 'That pairing link has expired (they last 15 minutes). Make a new one on the other device.',
    'wrong-passphrase': 'That pairing passphrase doesn’t match. Check it on the other device and try again.',
    damaged: 'That pairing link is damaged. Copy it again, or make a new one.',
    'newer-version': 'That link was made by a newer Tandem. Update Tandem here first.',
  } satisfies Record<PairingProblem, string>,
  syncNow: 'Sync now',
  synced: 'Synced.',
  addHeading: 'Add a device',
  addHint: 'Make a pairing link, open it on the other device (or paste it into the extension’s Settings) and type the pairing passphrase there. The link works for 15 minutes.',
  pairingPassphraseLabel: 'Pairing passphrase',
  pairingPassphraseHint: 'Choose a few words to type on the other device. They never travel with the link.',
  passphraseTooShort: 'Please use at least 8 characters for the pairing passphrase.',
  makeLink: 'Make pairing link',
  appAddressLabel: 'Web app address',
  appAddressHint: 'Where your phone opens Tandem. The link opens there.',
  appAddressInvalid: 'That web app address doesn’t look right. It starts with https://',
  linkLabel: 'Pairing link',
  linkUntil: (at: number) => `Works until ${f.time(at)}.`,
  qrLabel: 'QR code of the pairing link',
  qrTooLong: 'This link is too long for a QR code. Copy it instead.',
  copy: 'Copy link',
  copied: 'Copied.',
  copyFailed: 'Couldn’t copy. Select the link and copy it by hand.',
  joinHeading: 'Join with a pairing link',
  joinHint: 'Made on your other device under Add a device. Both histories come together; nothing is lost.',
  joinLinkLabel: 'Pairing link',
  joinPassphraseLabel: 'Pairing passphrase',
  previewButton: 'Show what changes',
  previewIntro: (records: number) => `Your other devices have ${plural(f, records, 'record', 'records')}.`,
  previewChanges: (c: MergeCounts) => {
    const parts = [
      c.new > 0 ? `add ${plural(f, c.new, 'record', 'records')}` : null,
      c.updated > 0 ? `update ${plural(f, c.updated, 'record', 'records')}` : null,
      c.deleted > 0 ? `remove ${plural(f, c.deleted, 'record', 'records')} deleted on another device` : null,
    ].filter((x): x is string => x !== null);
    return parts.length > 0 ? `Joining will ${f.list(parts)} here.` : 'Joining changes nothing here: this device already has all of it.';
  },
  previewKeeps: 'Everything on this device stays and goes to your other devices too.',
  join: 'Join',
  cancel: 'Cancel',
  joined: 'This device is joined. Its history and your other devices’ are one now.',
  offHeading: 'Turn off sync',
  offHint: 'Your data stays on this device. Other devices keep theirs and go on syncing with each other.',
  deleteServerCopy: 'Also delete the copy on the server',
  deleteServerHint: 'If your other devices still sync, they put their copy back. To remove it from the server for good, turn sync off on them first.',
  turnOff: 'Turn off sync',
  turnedOff: 'Sync is off. Your data is still here.',
  lostHeading: 'Remove a lost device',
  lostHint:
    'If a device is lost or no longer yours: Tandem makes a new sync key and changes the server password, so that device can’t sync any more. Your other devices then need to be paired again with a new link.',
  newPasswordLabel: 'New server password',
  removeLost: 'Remove a lost device',
  removed: 'Done. The lost device can no longer sync. Pair your other devices again with Add a device.',
  eraseWithSync: 'Sync is on: erasing turns it off on this device first, so nothing comes back from the server.',
  eraseDeleteServer: 'Also delete the copy on the sync server (otherwise your other devices keep it)',
});
