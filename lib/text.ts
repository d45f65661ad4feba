import { ValidationError } from './errors';
import { checkText, normalizeText, type TextRule } from './rules/text';

// The short texts people type (triggers, steps, notes), checked by the one text rule of
// lib/rules/text.ts and worded here for the forms: the message says what to change.

export function cleanText(value: unknown, { label, ...rule }: TextRule & { label: string }): string {
  const result = checkText(value, rule);
  if (result.ok) return result.text;
  const { problem } = result;
  switch (problem.code) {
    case 'notText':
      throw new ValidationError(`${label} must be text.`);
    case 'empty':
      throw new ValidationError(`${label} can’t be empty.`);
    case 'tooLong':
      throw new ValidationError(
        `${label} can be up to ${problem.max} characters; this has ${problem.length}. Please shorten it.`,
      );
    case 'forbiddenCharacter':
      throw new ValidationError(`${label} has characters that can’t be stored.`);
  }
}

/** A list of texts, each cleaned; empty entries are refused rather than silently dropped. */
export function cleanTextList(
  values: unknown,
  { label, maxItems, ...rule }: TextRule & { label: string; maxItems: number },
): string[] {
  if (!Array.isArray(values)) throw new ValidationError(`${label} must be a list.`);
  if (values.length > maxItems) {
    throw new ValidationError(`${label}: up to ${maxItems} can be kept; this has ${values.length}.`);
  }
  return values.map((v) => cleanText(v, { label, ...rule, required: true }));
}

/** How two labels are compared: case and surrounding spaces don't make a different trigger. */
export function labelKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** Keeps the first spelling of each label, in order. */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const label of labels) {
    const key = labelKey(label);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(normalizeText(label).replace(/\s+/g, ' '));
  }
  return out;
}
