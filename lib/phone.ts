import { ValidationError } from './errors';
import { normalizeText } from './rules/text';

// Phone numbers are only ever what the person typed; the app never invents or "corrects" one.
// Short helpline numbers (988, 116 123) are allowed, and so are the usual separators.
// A call or text link is only ever made for a number this rule accepts, so it dials exactly
// the digits the person sees (never "988741741" for "988 or text 741741").

const ALLOWED = /^\+?[0-9 ()./-]+$/;

/**
 * The number as typed, normalised (invisible characters a chat app pastes around a number, such
 * as U+2068/U+2069, are removed; white space trimmed), or a ValidationError saying what is wrong.
 */
export function cleanPhone(value: unknown, { required }: { required: boolean }): string {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw new ValidationError('A phone number must be text.');
  }
  const phone = normalizeText(value ?? '');
  if (phone === '') {
    if (required) throw new ValidationError('Add a phone number, or leave this contact out.');
    return '';
  }
  if (phone.length > 30 || !ALLOWED.test(phone)) {
    throw new ValidationError(
      'That phone number has characters a phone can’t dial. Use digits, spaces, dashes, brackets and a leading +.',
    );
  }
  if (phone.startsWith('+') && /\(\s*0\s*\)/.test(phone)) {
    // "+44 (0)20…" is written for people; dialled as is, the 0 breaks the international number.
    throw new ValidationError('Leave out the (0) after the country code: a phone dials it as part of the number.');
  }
  const digits = phone.replace(/\D/g, '').length;
  if (digits < 3 || digits > 15) {
    throw new ValidationError(`A phone number has 3 to 15 digits; this one has ${digits}.`);
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
