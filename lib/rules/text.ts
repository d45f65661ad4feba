// The one rule for every text a person writes (micro-wins, triggers, steps, names, notes),
// used by the forms, the services, the backup schema, the link builder and the viewer.
//
// "Characters" are Unicode code points everywhere (an emoji is one, as a person counts it,
// where JavaScript's .length would count two). A text is stored normalised:
//   1. lone surrogate halves are removed (they are not text, and break UTF-8 files);
//   2. CR LF and lone CR become LF; in single-line fields LF and tab become a space;
//   3. forbidden characters are removed (FORBIDDEN below);
//   4. surrounding white space is trimmed;
//   5. Unicode NFC, so that "é" typed on two keyboards is one text (unless that alone would push
//      it past its field's limit), and a text with nothing visible left becomes ''.
// Normalising twice gives the same text, so a file imported twice changes nothing.

/**
 * C0 controls but tab and newline, DEL and the C1 controls, and the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069). They are invisible, and the bidi ones
 * can reorder the sentence a name is shown in; chat apps put isolates around copied names.
 */
export const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Characters that show nothing on their own: spaces, format characters, fillers, marks. */
const INVISIBLE = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}\u2800\u3164\uffa0]*$/u;

export interface TextShape {
  /** Newlines (and tabs) are kept; otherwise they become spaces. */
  multiline?: boolean;
  /** The field's limit: NFC is skipped for a text it would push past it (see below). */
  max?: number;
}

export function normalizeText(value: string, { multiline = false, max }: TextShape = {}): string {
  let text = value.replace(LONE_SURROGATE, '').replace(/\r\n?/g, '\n');
  if (!multiline) text = text.replace(/[\n\t]/g, ' ');
  text = text.replace(FORBIDDEN_ALL, '').trim();
  // A few characters (क़, ש) decompose under NFC and make a text longer: one that fit its
  // limit as written is kept as written rather than refused or cut. (Decided on the trimmed
  // text, so that normalising again decides the same.)
  const nfc = text.normalize('NFC');
  text = max !== undefined && textLength(nfc) > max && textLength(text) <= max ? text : nfc;
  // A text with nothing a reader could see (zero-width spaces, joiners) is an empty text.
  return isInvisible(text) ? '' : text;
}

/** Length in Unicode code points. */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function hasLoneSurrogate(text: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  const found = LONE_SURROGATE.test(text);
  LONE_SURROGATE.lastIndex = 0;
  return found;
}

/** True for a text with nothing a reader could see: "", spaces, zero-width or format characters. */
export function isInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

/** What is wrong with a text, as a code the UI words (see lib/rules/fields.ts for the fields). */
export type TextProblem =
  | { code: 'notText' }
  | { code: 'empty' }
  | { code: 'tooLong'; max: number; length: number }
  | { code: 'forbiddenCharacter' };

export interface TextRule extends TextShape {
  /** Most code points allowed. */
  max: number;
  /** Must hold something visible. */
  required?: boolean;
}

/** The stored form of `value` under `rule`, or the problem that stops it being stored. */
export function checkText(value: unknown, rule: TextRule): { ok: true; text: string } | { ok: false; problem: TextProblem } {
  if (value !== undefined && value !== null && typeof value !== 'string') return { ok: false, problem: { code: 'notText' } };
  const text = normalizeText(value ?? '', rule);
  if (rule.required && isInvisible(text)) return { ok: false, problem: { code: 'empty' } };
  const length = textLength(text);
  if (length > rule.max) return { ok: false, problem: { code: 'tooLong', max: rule.max, length } };
  return { ok: true, text };
}

/**
 * Whether a received text (a mentor link) may be shown as it is: no forbidden character, no
 * lone surrogate, at most `max` code points, and something visible when required. Readers
 * don't normalise: what the builder sealed is what is shown. Newlines and tabs pass in every
 * field, as they always have, so links made by older versions still open.
 */
export function acceptsAsIs(text: string, rule: TextRule): boolean {
  if (FORBIDDEN.test(text) || hasLoneSurrogate(text)) return false;
  if (rule.required && isInvisible(text)) return false;
  return textLength(text) <= rule.max;
}

/**
 * The first `max` code points of what is being typed: a form's length cap counted the way the
 * rule counts, where the browser's maxlength would count UTF-16 units (and stop an emoji early).
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  let n = 0;
  for (const ch of text) {
    if (n++ === max) break;
    out += ch;
  }
  return out;
}
