// Why a file was refused, as facts: `reason` says which case it is, and for a file whose shape
// is wrong (`invalid`) `detail` says which field breaks which rule. The words are the data
// section's of the catalogue (words.data.backupErrors); `message` is only for the console and
// for tests without a catalogue.

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

/**
 * Which rule a field of a file breaks (lib/backup/parse.ts reads it from the schema's issue):
 * - missing, unknownField: a field Tandem always writes is absent, or one it never writes is there;
 * - type: the wrong kind of value (`expected` says which, when known); a record that is not a record at all has field '';
 * - whole, range (`min` or `max`): a number that is not whole, or out of its range;
 * - date (`min` or `max`, a year): an instant before 2000 or after 2100; day: not a calendar day;
 * - tooLong (`max` characters), tooMany (`max` entries), empty: a text or list beyond its rule;
 * - mood, choice, phone, id, duplicate: not a mood 1–5, not one of the values Tandem writes, not a
 *   number a phone can dial, not a record id, an entry twice;
 * - future: stamped more than a day past this device's clock; other: anything else.
 */
export type RecordRule =
  | 'missing'
  | 'unknownField'
  | 'type'
  | 'whole'
  | 'range'
  | 'date'
  | 'day'
  | 'tooLong'
  | 'tooMany'
  | 'empty'
  | 'mood'
  | 'choice'
  | 'phone'
  | 'id'
  | 'duplicate'
  | 'future'
  | 'other';

/** A field and the rule it breaks, e.g. { field: 'mood', rule: 'mood' } or { field: 'win', rule: 'tooLong', max: 280 }. */
export type RecordFact = {
  /** The field's path in the record (or the file), keys joined with '.'; '' for the record itself. */
  field: string;
  rule: RecordRule;
  /** For 'type': what the field should hold. */
  expected?: 'number' | 'text' | 'list' | 'yesNo' | 'record';
  min?: number;
  max?: number;
};

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly reason: BackupProblem,
    /** For 'invalid': the field of the file and the rule it breaks. */
    readonly detail?: RecordFact,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${reason} ${JSON.stringify(detail)}` : reason, options);
  }
}
