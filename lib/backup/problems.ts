// Why a file was refused, in words a person can act on. The import UI shows `message` as is;
// `reason` lets tests and callers tell the cases apart without matching text.

export type BackupProblem =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'damaged'
  | 'other-app'
  | 'newer-version'
  | 'needs-passphrase'
  | 'wrong-passphrase'
  | 'unsafe-keys'
  | 'invalid';

const MESSAGES: Record<Exclude<BackupProblem, 'invalid'>, string> = {
  empty: 'This file is empty. Nothing was imported and your data is unchanged.',
  'too-large': 'This file is larger than 50 MB, too big to be a Tandem backup. Nothing was imported and your data is unchanged.',
  'not-json': 'This is not a Tandem backup file. Choose the .json file Tandem saved. Your data is unchanged.',
  damaged:
    'This backup seems cut off or damaged, so it can’t be read. Try the file again, or another copy of it. Your data is unchanged.',
  'other-app': 'This file was not made by Tandem. Choose a file Tandem saved. Your data is unchanged.',
  'newer-version':
    'This backup comes from a newer version of Tandem. Update Tandem on this device, then import it again. Your data is unchanged.',
  'needs-passphrase': 'This file is protected with a passphrase. Type it to continue.',
  'wrong-passphrase':
    'That passphrase doesn’t open this file. Check it and try again (capitals count). Your data is unchanged.',
  'unsafe-keys': 'This file contains fields Tandem never writes, so it was refused. Your data is unchanged.',
};

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly reason: BackupProblem,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(
      reason === 'invalid'
        ? `Part of this file isn’t valid: ${detail ?? 'a record is malformed'}. Nothing was imported and your data is unchanged.`
        : MESSAGES[reason],
      options,
    );
  }
}
