import { ValidationError } from './errors';
import { checkText, normalizeText, type TextRule } from './rules/text';

// The short texts people type (triggers, steps, notes), checked by the one text rule of
// lib/rules/text.ts. A refusal is a problem naming the field by its id; the catalogue words it
// (components/i18n/<language>/plan.ts, `problems` and `fieldNames`).

/**
 * The form fields cleanText checks, by id (the catalogue names each one in every language).
 * `trigger` is a reflection's trigger and a plan's situation, as in lib/rules/fields.ts.
 */
export type TextField =
  | 'trigger'
  | 'step'
  | 'helped'
  | 'nextTime'
  | 'valueText'
  | 'contactName'
  | 'contactNote';

/** The fields that hold a list of texts. */
export type TextListField = Extract<TextField, 'trigger' | 'step'>;

export type TextFieldProblem =
  | { code: 'text.notText'; field: TextField }
  | { code: 'text.empty'; field: TextField }
  | { code: 'text.tooLong'; field: TextField; max: number; length: number }
  | { code: 'text.forbiddenCharacter'; field: TextField }
  | { code: 'text.notList'; field: TextListField }
  | { code: 'text.tooMany'; field: TextListField; max: number; count: number };

export function cleanText(value: unknown, { field, ...rule }: TextRule & { field: TextField }): string {
  const result = checkText(value, rule);
  if (result.ok) return result.text;
  const { problem } = result;
  const fail = (p: TextFieldProblem): never => {
    throw new ValidationError(p);
  };
  switch (problem.code) {
    case 'notText':
      return fail({ code: 'text.notText', field });
    case 'empty':
      return fail({ code: 'text.empty', field });
    case 'tooLong':
      return fail({ code: 'text.tooLong', field, max: problem.max, length: problem.length });
    case 'forbiddenCharacter':
      return fail({ code: 'text.forbiddenCharacter', field });
  }
}

/** A list of texts, each cleaned; empty entries are refused rather than silently dropped. */
export function cleanTextList(
  values: unknown,
  { field, maxItems, ...rule }: TextRule & { field: TextListField; maxItems: number },
): string[] {
  if (!Array.isArray(values)) throw new ValidationError({ code: 'text.notList', field } satisfies TextFieldProblem);
  if (values.length > maxItems) {
    throw new ValidationError({ code: 'text.tooMany', field, max: maxItems, count: values.length } satisfies TextFieldProblem);
  }
  return values.map((v) => cleanText(v, { field, ...rule, required: true }));
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
