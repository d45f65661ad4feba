import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../lib/rules/fields';
import {
  acceptsAsIs,
  checkText,
  FORBIDDEN,
  hasLoneSurrogate,
  isInvisible,
  normalizeText,
  textLength,
  type TextRule,
} from '../../lib/rules/text';
import { anyText, INVISIBLE_CHAR, SPECIALS, visibleChar } from './arbitraries';

// The one text rule (lib/rules/text.ts), over any JavaScript string: lone surrogates, C0/C1
// controls, bidi marks, NUL, emoji and ZWJ sequences, combining marks, every code point.

const RUNS = { numRuns: 2000 };
const shape = fc.record({ multiline: fc.boolean() });
const rule: fc.Arbitrary<TextRule> = fc.oneof(
  fc.constantFrom(...Object.values(FIELDS) as TextRule[]),
  fc.record({ max: fc.integer({ min: 0, max: 300 }), required: fc.boolean(), multiline: fc.boolean() }),
);
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');
/** Unicode White_Space, which trim() removes (and U+FEFF, which it removes too). */
const EDGE_SPACE = /^[\s\ufeff]|[\s\ufeff]$/u;

describe('normalizeText', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText(), shape, (s, opts) => {
        const once = normalizeText(s, opts);
        expect(normalizeText(once, opts)).toBe(once);
      }),
      RUNS,
    );
  });

  it('leaves no forbidden character, no lone surrogate; NFC and trimmed', () => {
    fc.assert(
      fc.property(anyText(), shape, (s, opts) => {
        const out = normalizeText(s, opts);
        expect(FORBIDDEN_ALL.test(out)).toBe(false);
        FORBIDDEN_ALL.lastIndex = 0;
        expect(hasLoneSurrogate(out)).toBe(false);
        expect(out.normalize('NFC')).toBe(out);
        expect(out.trim()).toBe(out);
        expect(EDGE_SPACE.test(out)).toBe(false);
        // Valid UTF-16 all the way: it survives a UTF-8 round trip.
        expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(out))).toBe(out);
      }),
      RUNS,
    );
  });

  it('has no newline, carriage return or tab in a single-line field; keeps LF (never CR) in a multiline one', () => {
    fc.assert(
      fc.property(anyText(), (s) => {
        expect(normalizeText(s)).not.toMatch(/[\n\r\t]/);
        const multi = normalizeText(s, { multiline: true });
        expect(multi).not.toMatch(/\r/);
        const lines = s.replace(/\r\n?/g, '\n').split('\n').length - 1;
        // Inner line breaks are all kept (only the ones at the ends can be trimmed away).
        expect(multi.split('\n').length - 1).toBeLessThanOrEqual(lines);
      }),
      RUNS,
    );
    expect(normalizeText('a\r\nb\rc\nd\te')).toBe('a b c d e');
    expect(normalizeText('a\r\nb\rc\nd\te', { multiline: true })).toBe('a\nb\nc\nd\te');
  });

  it('removes every special character that is forbidden, and keeps the ones a person wrote', () => {
    for (const ch of SPECIALS) {
      const out = normalizeText(`x${ch}y`);
      // CR, CR LF, LF and tab are line breaks, made a space in a single-line field.
      if (/^(\r\n?|\n|\t)$/.test(ch)) expect(out).toBe('x y');
      else if (FORBIDDEN.test(ch) || hasLoneSurrogate(ch)) expect(out).toBe('xy');
      else expect(out).toBe(`x${ch}y`.normalize('NFC'));
    }
    expect(normalizeText('\u2068Sam\u2069')).toBe('Sam');
    expect(normalizeText('Payday \u202eFriday')).toBe('Payday Friday');
    expect(normalizeText('Cafe\u0301')).toBe('Café');
  });

  it('keeps every character that is not forbidden, a lone surrogate or surrounding space', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        // The documented steps: line breaks (CR LF, CR, LF) and tabs become spaces, then the
        // forbidden characters go, then NFC and trim (binary strings hold no lone surrogate).
        const kept = s.replace(/\r\n?/g, '\n').replace(/[\n\t]/g, ' ').replace(FORBIDDEN_ALL, '').normalize('NFC').trim();
        // …and a text with nothing visible left is empty.
        expect(normalizeText(s)).toBe(isInvisible(kept) ? '' : kept);
      }),
      RUNS,
    );
  });
});

describe('checkText', () => {
  it('gives a text the viewer accepts as is, under the same rule', () => {
    fc.assert(
      fc.property(anyText(), rule, (s, r) => {
        const result = checkText(s, r);
        if (!result.ok) return;
        expect(result.text).toBe(normalizeText(s, r));
        expect(acceptsAsIs(result.text, r)).toBe(true);
        // What is stored is stored again unchanged (an import twice changes nothing).
        expect(checkText(result.text, r)).toEqual(result);
      }),
      RUNS,
    );
  });

  it('refuses only for a reason: too long, or nothing visible in a required field', () => {
    fc.assert(
      fc.property(anyText(), rule, (s, r) => {
        const result = checkText(s, r);
        const text = normalizeText(s, r);
        if (result.ok) return;
        if (result.problem.code === 'tooLong') {
          expect(result.problem.length).toBe(textLength(text));
          expect(result.problem.length).toBeGreaterThan(r.max);
        } else {
          expect(result.problem.code).toBe('empty');
          expect(r.required).toBe(true);
          expect(isInvisible(text)).toBe(true);
        }
      }),
      RUNS,
    );
    expect(checkText(undefined, FIELDS.win)).toEqual({ ok: true, text: '' });
    expect(checkText(null, FIELDS.win)).toEqual({ ok: true, text: '' });
    expect(checkText(42, FIELDS.win)).toEqual({ ok: false, problem: { code: 'notText' } });
  });
});

describe('textLength', () => {
  it('counts code points', () => {
    fc.assert(
      fc.property(anyText(), (s) => {
        expect(textLength(s)).toBe([...s].length);
        expect(textLength(s)).toBeLessThanOrEqual(s.length);
      }),
      RUNS,
    );
  });

  it('counts 280 emoji as 280, so a micro-win of 280 emoji is accepted', () => {
    const win = '😀'.repeat(280);
    expect(win.length).toBe(560);
    expect(textLength(win)).toBe(280);
    expect(checkText(win, FIELDS.win)).toEqual({ ok: true, text: win });
    expect(checkText(`${win}😀`, FIELDS.win)).toMatchObject({ ok: false, problem: { code: 'tooLong', length: 281 } });
    expect(textLength('👨‍👩‍👧‍👦')).toBe(7); // four people and three joiners
    expect(textLength('\ud800')).toBe(1);
  });
});

describe('isInvisible', () => {
  const invisible = fc
    .array(
      fc.oneof(
        fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f', '\u3164', '\u115f', '\uffa0', '\u2800', '\u0301', '\ufe0f', '\u180e', '\u3000', '\u2028'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => INVISIBLE_CHAR.test(c)),
      ),
      { maxLength: 10 },
    )
    .map((p) => p.join(''));

  it('is true for "" and any string of spaces, zero-width, format characters and marks', () => {
    expect(isInvisible('')).toBe(true);
    fc.assert(
      fc.property(invisible, (s) => {
        expect(isInvisible(s)).toBe(true);
        expect(isInvisible(normalizeText(s, { multiline: true }))).toBe(true);
      }),
      RUNS,
    );
  });

  it('is false for any string with a letter, digit or emoji in it', () => {
    fc.assert(
      fc.property(anyText(6), visibleChar, anyText(6), (before, ch, after) => {
        expect(isInvisible(before + ch + after)).toBe(false);
        expect(isInvisible(normalizeText(before + ch + after))).toBe(false);
      }),
      RUNS,
    );
    for (const s of ['a', '7', '😀', '👨‍👩‍👧‍👦', 'é', '\u200bx\u200b']) expect(isInvisible(s)).toBe(false);
  });
});
