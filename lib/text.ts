import { ValidationError } from './errors';

// Rules for the short texts people type (triggers, steps, notes): trimmed, whitespace inside
// kept as typed, and a length cap stated in the message so the person knows what to change.

export function cleanText(
  value: unknown,
  { label, max, required = false }: { label: string; max: number; required?: boolean },
): string {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw new ValidationError(`${label} must be text.`);
  }
  const text = (value ?? '').trim();
  if (required && text.length === 0) throw new ValidationError(`${label} can’t be empty.`);
  if (text.length > max) {
    throw new ValidationError(`${label} can be up to ${max} characters; this has ${text.length}. Please shorten it.`);
  }
  return text;
}

/** A list of texts, each cleaned; empty entries are refused rather than silently dropped. */
export function cleanTextList(
  values: unknown,
  { label, max, maxItems }: { label: string; max: number; maxItems: number },
): string[] {
  if (!Array.isArray(values)) throw new ValidationError(`${label} must be a list.`);
  if (values.length > maxItems) {
    throw new ValidationError(`Up to ${maxItems} ${label.toLowerCase()} entries can be kept; this has ${values.length}.`);
  }
  return values.map((v) => cleanText(v, { label, max, required: true }));
}

/** How two labels are compared: case and surrounding spaces don't make a different trigger. */
export function labelKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** Keeps the first spelling of each label, in order. */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const label of labels) {
    const key = labelKey(label);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(label.trim().replace(/\s+/g, ' '));
  }
  return out;
}
