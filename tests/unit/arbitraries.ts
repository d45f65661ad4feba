import fc from 'fast-check';
import { TIME_MAX, TIME_MIN } from '../../lib/rules/time';

// Shared generators for the property tests of the field rules (rules-*.test.ts, repair.test.ts):
// any clock a device may show, any zone, and any text a person (or a chat app, or a broken
// keyboard, or an attacker) may put in a field.

/** Clocks a device may really show, set wrong included: 1970 to 2200. */
export const CLOCK_MIN = Date.UTC(1970, 0, 1);
export const CLOCK_MAX = Date.UTC(2200, 0, 1);

/** Any clock reading 1970–2200, with the ends of the storable range often. */
export const anyClock = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: CLOCK_MIN, max: CLOCK_MAX }) },
  { weight: 2, arbitrary: fc.integer({ min: TIME_MIN, max: TIME_MAX }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(CLOCK_MIN, CLOCK_MAX, TIME_MIN, TIME_MAX, TIME_MIN - 1, TIME_MAX + 1, Date.UTC(1980, 5, 1), Date.UTC(2150, 5, 1)),
  },
);

/** Zones at the edges: +14:00, −11:00, −12:00, half and quarter hours, DST. */
export const ZONES = [
  'UTC',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Etc/GMT+12',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Europe/Madrid',
] as const;
export const anyZone = fc.constantFrom(...ZONES);

/** Any UTC offset a record may carry, minutes east of UTC. */
export const anyOffset = fc.oneof(fc.integer({ min: -840, max: 840 }), fc.constantFrom(-840, 840, 0, 345, -210));

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

/** The characters that have broken text handling before, or could. */
export const SPECIALS = [
  ...range(0x202a, 0x202e), // bidi embeddings and overrides
  ...range(0x2066, 0x2069), // bidi isolates (chat apps put them around names)
  ...range(0x80, 0x9f), // C1 controls
  '\ud800',
  '\udc00',
  '\udbff',
  '\udfff', // lone surrogate halves
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\u000b',
  '\u000c',
  ' ',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u3000',
  '😀',
  '📞',
  '👍🏽',
  '👨‍👩‍👧‍👦', // ZWJ family
  '🏳️‍🌈',
  '🇪🇸',
  '\u0301', // combining acute
  'e\u0301',
  'A\u030a',
  '\u212b', // ANGSTROM SIGN, NFC → U+00C5
  '\u1100\u1161\u11a8', // conjoining jamo, NFC → 각
  '\u0958', // composition exclusion
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u034f',
  '\u180e',
  '\u3164',
  '\u115f',
  '\uffa0',
  '\u2800',
  '\ufe0f',
  'ß',
  'İ',
  'ﬁ',
  '日本',
  '٣',
  'Sam',
  '·',
  '…',
];

export const specialChar = fc.constantFrom(...SPECIALS);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const c1 = fc.integer({ min: 0x80, max: 0x9f }).map((c) => String.fromCharCode(c));

/** One piece of text: any code points, graphemes, the special characters, lone surrogates. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 4, arbitrary: specialChar },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: c1 },
);

/** Any JavaScript string, built from pieces, up to about `pieces` × 8 UTF-16 units. */
export function anyText(pieces = 12): fc.Arbitrary<string> {
  return fc.array(piece, { maxLength: pieces }).map((p) => p.join(''));
}

/** Any text, cut to at most `max` UTF-16 units (how the older schema counted). */
export function anyTextUpTo(max: number, pieces = 12): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: anyText(pieces).map((s) => s.slice(0, max)) },
    // Texts at the limit, where clipping and joining would cut.
    { weight: 1, arbitrary: fc.tuple(anyText(4), fc.constantFrom('x', 'é', ' ', '😀', '\u2068')).map(([s, fill]) => (s + fill.repeat(max)).slice(0, max)) },
  );
}

/** A single character a reader can see: a letter, digit or emoji that isn't a filler. */
export const visibleChar = fc.oneof(
  fc.constantFrom('a', 'Z', 'é', 'ß', '日', '٣', '7', '😀', '👍', 'я', 'ا', '가'),
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 1 })
    .filter((c) => /^[\p{L}\p{Nd}\p{Extended_Pictographic}]$/u.test(c) && !INVISIBLE_CHAR.test(c)),
);

/** The characters lib/rules/text.ts counts as showing nothing on their own. */
export const INVISIBLE_CHAR = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}\u2800\u3164\uffa0]/u;

/**
 * The characters of a text a reader sees, as a multiset (letters, digits, symbols,
 * punctuation, emoji), compared in NFD so that composing "e" + U+0301 into "é" loses nothing.
 */
export function visibleCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.normalize('NFD')) {
    if (!/[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) || INVISIBLE_CHAR.test(ch)) continue;
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}

/** The visible characters of `before` that `after` lacks (empty when nothing was dropped). */
export function droppedVisible(before: string, after: string): string[] {
  const have = visibleCounts(after);
  const missing: string[] = [];
  for (const [ch, n] of visibleCounts(before)) {
    const m = have.get(ch) ?? 0;
    for (let i = m; i < n; i++) missing.push(ch);
  }
  return missing;
}

/** A record id from a small pool, so files repeat ids. */
export const anyId = fc.oneof(
  fc.integer({ min: 0, max: 7 }).map((i) => `id-${i}`),
  fc.uuid(),
);

/** Instants across the storable range, its ends included. */
export const anyInstant = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: TIME_MIN, max: TIME_MAX }) },
  { weight: 1, arbitrary: fc.constantFrom(TIME_MIN, TIME_MAX, TIME_MAX - 3_600_000, TIME_MIN + 1) },
);
