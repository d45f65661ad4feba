import { ValidationError } from './errors';
import { normalizeText } from './rules/text';

// Phone numbers are only ever what the person typed; the app never invents or "corrects" one.
// Short helpline numbers (988, 116 123) are allowed, and so are the usual separators.
// A call or text link is only ever made for a number this rule accepts, so it dials exactly
// the digits the person sees (never "988741741" for "988 or text 741741").

const ALLOWED = /^\+?[0-9 ()./-]+$/;
const MIN_DIGITS = 3;
const MAX_DIGITS = 15;

/** Why a number was refused; the catalogue words it (components/i18n/<language>/plan.ts). */
export type PhoneProblem =
  | { code: 'phone.notText' }
  | { code: 'phone.required' }
  /** Something a phone can't dial: letters, a + in the middle, over 30 characters. */
  | { code: 'phone.characters' }
  /** "+44 (0)20…": written for people; dialled as is, the 0 breaks the international number. */
  | { code: 'phone.zeroAfterCountry' }
  | { code: 'phone.digits'; digits: number; min: number; max: number };

function refuse(problem: PhoneProblem): never {
  throw new ValidationError(problem);
}

/**
 * The number as typed, normalised (invisible characters a chat app pastes around a number, such
 * as U+2068/U+2069, are removed; white space trimmed), or a ValidationError saying what is wrong.
 */
export function cleanPhone(value: unknown, { required }: { required: boolean }): string {
  if (value !== undefined && value !== null && typeof value !== 'string') return refuse({ code: 'phone.notText' });
  const phone = normalizeText(value ?? '');
  if (phone === '') return required ? refuse({ code: 'phone.required' }) : '';
  if (phone.length > 30 || !ALLOWED.test(phone)) return refuse({ code: 'phone.characters' });
  if (phone.startsWith('+') && /\(\s*0\s*\)/.test(phone)) return refuse({ code: 'phone.zeroAfterCountry' });
  const digits = phone.replace(/\D/g, '').length;
  if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
    return refuse({ code: 'phone.digits', digits, min: MIN_DIGITS, max: MAX_DIGITS });
  }
  return phone;
}

/** The stored number in the form a link dials, or null when cleanPhone refuses it. */
export function dialableNumber(phone: unknown): string | null {
  try {
    return cleanPhone(phone, { required: true });
  } catch (err) {
    if (err instanceof ValidationError) return null;
    throw err;
  }
}

/** What tel: and sms: links dial: the digits, with the + kept for international numbers. */
export function dialable(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}

/**
 * A tel: or sms: link for a stored number, or null when the number can't be dialled as it is
 * written (numbers from old files may have skipped cleanPhone). Show such a number as text.
 */
export function dialHref(phone: unknown, scheme: 'tel' | 'sms'): string | null {
  const number = dialableNumber(phone);
  return number === null ? null : `${scheme}:${dialable(number)}`;
}

export const telHref = (phone: unknown) => dialHref(phone, 'tel');
export const smsHref = (phone: unknown) => dialHref(phone, 'sms');
