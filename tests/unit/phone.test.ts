import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../lib/errors';
import { cleanPhone, dialableNumber, dialHref, smsHref, telHref } from '../../lib/phone';
import { normalizeText } from '../../lib/rules/text';

function accepts(phone: string): boolean {
  try {
    cleanPhone(phone, { required: true });
    return true;
  } catch (err) {
    if (err instanceof ValidationError) return false;
    throw err;
  }
}

// Mostly phone-like text, with the characters that have caused trouble: letters, isolates
// and embeddings from chat apps, newlines, tabs, combining marks, full-width digits, a lone surrogate.
const phoneChar = fc.constantFrom(
  ...'0123456789012345678901234567890123456789 +-()./',
  'a', 'F', 'é', 'e\u0301', '\u0301', '１', '٣', '\u2068', '\u2069', '\u202a', '\u202e', '\u200b', '\n', '\t', '\r', '\ud800', '📞',
);
const anyPhone = fc.oneof(
  fc.string({ unit: phoneChar, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

describe('dialHref: a link dials exactly what is shown', () => {
  it('is null, or the scheme and exactly the digits (and leading +) shown; non-null iff cleanPhone accepts', () => {
    fc.assert(
      fc.property(anyPhone, fc.constantFrom('tel' as const, 'sms' as const), (phone, scheme) => {
        const href = dialHref(phone, scheme);
        expect(href !== null).toBe(accepts(phone));
        if (href === null) return;
        const shown = normalizeText(phone);
        const digits = phone.replace(/[^0-9]/g, '');
        expect(href).toBe(`${scheme}:${shown.startsWith('+') ? '+' : ''}${digits}`);
        expect(href).toMatch(new RegExp(`^${scheme}:\\+?[0-9]{3,15}$`));
        expect(dialableNumber(phone)).toBe(shown);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['two numbers in one field', '988 or text 741741'],
    ['letters for digits', '1-800-FLOWERS'],
    ['no number at all', 'call Sam'],
    ['nothing', ''],
    ['only invisible characters', '\u2068\u2069'],
    ['a (0) after the country code', '+44 (0)20 7946 0958'],
  ])('gives no link for %s', (_, phone) => {
    expect(dialHref(phone, 'tel')).toBeNull();
    expect(dialHref(phone, 'sms')).toBeNull();
    expect(telHref(phone)).toBeNull();
    expect(smsHref(phone)).toBeNull();
  });

  it('dials numbers as written', () => {
    expect(dialHref('+1 (800) 273-8255', 'tel')).toBe('tel:+18002738255');
    expect(dialHref('988', 'tel')).toBe('tel:988');
    expect(dialHref('988', 'sms')).toBe('sms:988');
    expect(telHref('116 123')).toBe('tel:116123');
  });

  it('gives no link for a stored value that is not text', () => {
    expect(dialHref(undefined, 'tel')).toBeNull();
    expect(dialHref(988, 'tel')).toBeNull();
  });
});

describe('cleanPhone', () => {
  it('removes the invisible isolates a chat app puts around a pasted number', () => {
    expect(cleanPhone('\u2068+1 800 273 8255\u2069', { required: true })).toBe('+1 800 273 8255');
    expect(cleanPhone('\u202a988\u202c', { required: true })).toBe('988');
    expect(dialHref('\u2068988\u2069', 'tel')).toBe('tel:988');
  });

  it('keeps its rule: separators and a leading +, 3 to 15 digits, no (0) after +', () => {
    expect(cleanPhone(' (030) 123 45.67 ', { required: true })).toBe('(030) 123 45.67');
    expect(cleanPhone('030/1234-567', { required: true })).toBe('030/1234-567');
    expect(cleanPhone('', { required: false })).toBe('');
    const problem = (value: unknown) => {
      try {
        cleanPhone(value, { required: true });
      } catch (err) {
        if (err instanceof ValidationError) return err.problem;
        throw err;
      }
      return null;
    };
    expect(problem('12')).toEqual({ code: 'phone.digits', digits: 2, min: 3, max: 15 });
    expect(problem('1234567890123456')).toEqual({ code: 'phone.digits', digits: 16, min: 3, max: 15 });
    expect(problem('12+34')).toEqual({ code: 'phone.characters' });
    expect(problem('x'.repeat(31))).toEqual({ code: 'phone.characters' });
    expect(problem('+44 (0)20 7946 0958')).toEqual({ code: 'phone.zeroAfterCountry' });
    expect(problem('')).toEqual({ code: 'phone.required' });
    expect(problem(988)).toEqual({ code: 'phone.notText' });
    expect(problem('988')).toBeNull();
  });

  it('is stable: cleaning a cleaned number changes nothing', () => {
    fc.assert(
      fc.property(anyPhone, (phone) => {
        if (!accepts(phone)) return;
        const once = cleanPhone(phone, { required: true });
        expect(cleanPhone(once, { required: true })).toBe(once);
      }),
    );
  });
});
