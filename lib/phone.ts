import { ValidationError } from './errors';

// Phone numbers are only ever what the person typed; the app never invents or "corrects" one.
// Short helpline numbers (988, 116 123) are allowed, and so are the usual separators.

const ALLOWED = /^\+?[0-9 ()./-]+$/;

/** The number as typed (trimmed), or a ValidationError saying what is wrong with it. */
export function cleanPhone(value: unknown, { required }: { required: boolean }): string {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw new ValidationError('A phone number must be text.');
  }
  const phone = (value ?? '').trim();
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

/** What tel: and sms: links dial: the digits, with the + kept for international numbers. */
export function dialable(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}

export const telHref = (phone: string) => `tel:${dialable(phone)}`;
export const smsHref = (phone: string) => `sms:${dialable(phone)}`;
