import type { PhoneProblem } from '../../../lib/phone';
import type { PlanItem, PlanProblem } from '../../../lib/plan';
import type { TextField, TextFieldProblem, TextListField } from '../../../lib/text';
import type { Fmt, PluralForms } from '../fmt';

// The recovery plan (situations and their coping steps), values and goals, and the crisis
// contacts. Its `problems` also word what lib/text.ts (cleanText) and lib/phone.ts refuse,
// since the plan's forms are where those texts and numbers are typed.

/** The words for every problem a plan form can meet, typed by code. */
export type PlanProblems = {
  [K in (PlanProblem | TextFieldProblem | PhoneProblem)['code']]: (
    p: Extract<PlanProblem | TextFieldProblem | PhoneProblem, { code: K }>,
  ) => string;
};

export const plan = (f: Fmt) => {
  /** How a field is named at the start of a sentence ("A coping step can’t be empty."). */
  const fieldNames: Record<TextField, string> = {
    trigger: 'A situation',
    step: 'A coping step',
    helped: 'What helped',
    nextTime: 'What to try next time',
    valueText: 'A value or goal',
    contactName: 'The name',
    contactNote: 'The note',
  };
  /** A list field's items, counted ("up to 50 coping steps"). */
  const listItems: Record<TextListField, PluralForms> = {
    trigger: { one: '# situation', other: '# situations' },
    step: { one: '# coping step', other: '# coping steps' },
  };
  const lists: Record<TextListField, string> = { trigger: 'The situations', step: 'The coping steps' };
  const full: Record<PlanItem, PluralForms> = {
    entry: {
      one: 'Your plan can hold up to # situation. Remove one first.',
      other: 'Your plan can hold up to # situations. Remove one first.',
    },
    value: {
      one: 'You can keep up to # value or goal. Remove one first.',
      other: 'You can keep up to # values and goals. Remove one first.',
    },
    contact: {
      one: 'You can keep up to # crisis contact. Remove one first.',
      other: 'You can keep up to # crisis contacts. Remove one first.',
    },
  };
  const gone: Record<PlanItem, string> = {
    entry: 'That situation is no longer in your plan. It may have been deleted in another window.',
    value: 'That value or goal no longer exists. It may have been deleted in another window.',
    contact: 'That contact no longer exists. It may have been deleted in another window.',
  };
  const problems: PlanProblems = {
    'plan.full': (p) => f.plural(p.max, full[p.what]),
    'plan.duplicate': (p) => `“${p.trigger}” is already in your plan. Add your steps to that entry instead.`,
    'plan.noStep': () => 'Add at least one coping step for this situation.',
    'plan.kind': () => 'Choose value or goal.',
    'plan.role': () => 'Choose contact, mentor or helpline.',
    'plan.gone': (p) => gone[p.what],
    'plan.restoreDuplicate': (p) =>
      `“${p.trigger}” is in your plan again already, so the deleted one was not brought back.`,
    'text.notText': (p) => `${fieldNames[p.field]} must be text.`,
    'text.empty': (p) => `${fieldNames[p.field]} can’t be empty.`,
    'text.tooLong': (p) =>
      `${fieldNames[p.field]} can be up to ${f.plural(p.max, { one: '# character', other: '# characters' })}; this has ${f.number(p.length)}. Please shorten it.`,
    'text.forbiddenCharacter': (p) => `${fieldNames[p.field]} has characters that can’t be stored.`,
    'text.notList': (p) => `${lists[p.field]} must be a list.`,
    'text.tooMany': (p) =>
      `Up to ${f.plural(p.max, listItems[p.field])} can be kept; this has ${f.number(p.count)}. Remove some first.`,
    'phone.notText': () => 'A phone number must be text.',
    'phone.required': () => 'Add a phone number, or leave this contact out.',
    'phone.characters': () =>
      'That phone number has characters a phone can’t dial. Use digits, spaces, dashes, brackets and a leading +.',
    'phone.zeroAfterCountry': () => 'Leave out the (0) after the country code: a phone dials it as part of the number.',
    'phone.digits': (p) =>
      `A phone number has ${f.number(p.min)} to ${f.number(p.max)} digits; this one has ${f.number(p.digits)}.`,
  };

  return {
    heading: 'My recovery plan',
    intro:
      'Name the situations that pull at you, and the steps that help, in the order you’d try them. They show up when you log a hard moment that names the situation, and in the crisis sheet.',
    empty: 'Your plan is empty. Add a first situation below.',
    /** The list of situations. */
    listLabel: 'Plan',
    updated: 'Plan updated.',
    removed: (trigger: string) => `Removed “${trigger}” from your plan.`,
    addHeading: 'Add a situation',
    added: 'Added to your plan.',
    addForm: 'Add to my plan',
    editForm: (trigger: string) => `Edit plan for ${trigger}`,
    situation: 'High-risk situation',
    situationExample: 'e.g. Payday, a late shift',
    stepsLegend: 'Coping steps, in the order to try them',
    step: (n: number) => `Step ${f.number(n)}`,
    stepUp: (n: number) => `Move step ${f.number(n)} up`,
    stepDown: (n: number) => `Move step ${f.number(n)} down`,
    stepRemove: (n: number) => `Remove step ${f.number(n)}`,
    addStep: 'Add a step',
    addSubmit: 'Add to my plan',
    saveChanges: 'Save changes',

    contacts: {
      heading: 'Crisis contacts',
      intro:
        'The people you can call, your mentor, and a helpline you trust. They appear on the crisis sheet with call and text buttons.',
      listLabel: 'Crisis contacts',
      saved: 'Saved.',
      removed: (name: string) => `Removed ${name}.`,
      addHeading: 'Add someone',
      added: 'Added to your crisis sheet.',
      addForm: 'Add a contact',
      editForm: (name: string) => `Edit ${name}`,
      role: 'Who is this?',
      name: 'Name',
      phone: 'Phone number',
      note: 'Note (optional)',
      add: 'Add contact',
      /** A stored number the phone can't dial as written (e.g. from an old file), beside its Edit button. */
      cantDial: (edit: string) =>
        `This number can’t be dialled as it is written. Choose ${edit} and use digits, spaces, dashes, brackets and a leading +.`,
      noNumber: (edit: string) => `There’s no number for this contact yet. Choose ${edit} to add one.`,
    },

    values: {
      heading: 'What matters to me',
      intro: 'Values are what you care about; goals are what you’re working towards. A few words each.',
      listLabel: 'Values and goals',
      saved: 'Saved.',
      removed: (text: string) => `Removed “${text}”.`,
      added: { value: 'Value added.', goal: 'Goal added.' },
      addForm: 'Add a value or goal',
      /** A value or goal named in a button or a form ("Edit “Honesty”"). */
      quoted: (text: string) => `“${text}”`,
      editForm: (text: string) => `Edit “${text}”`,
      kind: 'Kind',
      kinds: { value: 'Value', goal: 'Goal' },
      /** Before the text in the list ("Value: Honesty"). */
      itemKind: { value: 'Value:', goal: 'Goal:' },
      text: 'In your words',
      add: 'Add',
    },

    fieldNames,
    problems,
  };
};
