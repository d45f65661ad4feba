import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { ValidationError } from '../../lib/errors';
import { cleanPhone, smsHref, telHref } from '../../lib/phone';
import {
  createPlanService,
  entriesForTriggers,
  MAX_CONTACTS,
  MAX_PLAN_ENTRIES,
  MAX_PLAN_STEP,
  MAX_PLAN_STEPS,
  MAX_VALUES,
  type PlanItem,
} from '../../lib/plan';
import { messages as english } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';
import { createFmt } from '../../components/i18n/fmt';
import { frozenClock } from './helpers';

const en = english(createFmt('en')).plan;
const es = spanish(createFmt('es')).plan;

let db: TandemDatabase;
let n = 0;
beforeEach(() => {
  db = openDatabase(`plan-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const NOW = Date.UTC(2026, 5, 17, 12);
const service = () => createPlanService({ db, clock: frozenClock(NOW, 'UTC') });
const dump = async () => ({ plan: await db.plan.toArray(), values: await db.values.toArray(), contacts: await db.contacts.toArray() });

describe('recovery plan', () => {
  it('keeps situations with their ordered steps, in the order added', async () => {
    const plan = service();
    await plan.addEntry({ trigger: 'Payday', steps: ['Leave the card at home', 'Text my mentor'] });
    await plan.addEntry({ trigger: 'Tired', steps: ['Drink water'] });
    const entries = await plan.entries();
    expect(entries.map((e) => [e.trigger, e.steps])).toEqual([
      ['Payday', ['Leave the card at home', 'Text my mentor']],
      ['Tired', ['Drink water']],
    ]);
  });

  it('edits, reorders and deletes entries', async () => {
    const plan = service();
    const a = await plan.addEntry({ trigger: 'Payday', steps: ['Text my mentor'] });
    const b = await plan.addEntry({ trigger: 'Tired', steps: ['Drink water'] });
    await plan.updateEntry(a.id, { trigger: 'Payday', steps: ['Leave the card at home', 'Text my mentor'] });
    await plan.moveEntry(b.id, -1);
    expect((await plan.entries()).map((e) => e.trigger)).toEqual(['Tired', 'Payday']);
    await plan.moveEntry(b.id, -1); // already first: nothing happens
    expect((await plan.entries()).map((e) => e.trigger)).toEqual(['Tired', 'Payday']);
    await plan.removeEntry(b.id);
    expect((await plan.entries()).map((e) => e.steps)).toEqual([['Leave the card at home', 'Text my mentor']]);
    await plan.restoreEntry(b.id);
    expect(await plan.entries()).toHaveLength(2);
  });

  it.each([
    ['an empty step', { trigger: 'Payday', steps: ['Text my mentor', '   '] }, { code: 'text.empty', field: 'step' }],
    ['no steps', { trigger: 'Payday', steps: [] }, { code: 'plan.noStep' }],
    [
      'a step of thousands of characters',
      { trigger: 'Payday', steps: ['x'.repeat(5000)] },
      { code: 'text.tooLong', field: 'step', max: MAX_PLAN_STEP, length: 5000 },
    ],
    [
      'more steps than a situation keeps',
      { trigger: 'Payday', steps: Array.from({ length: MAX_PLAN_STEPS + 1 }, (_, i) => `Step ${i}`) },
      { code: 'text.tooMany', field: 'step', max: MAX_PLAN_STEPS, count: MAX_PLAN_STEPS + 1 },
    ],
    ['an empty situation', { trigger: ' ', steps: ['Walk'] }, { code: 'text.empty', field: 'trigger' }],
    ['a situation already in the plan', { trigger: 'tired', steps: ['Walk'] }, { code: 'plan.duplicate', trigger: 'tired' }],
    ['steps that are not text', { trigger: 'Payday', steps: [42] as unknown as string[] }, { code: 'text.notText', field: 'step' }],
    ['steps that are not a list', { trigger: 'Payday', steps: 'Walk' as unknown as string[] }, { code: 'text.notList', field: 'step' }],
  ])('refuses %s and changes nothing', async (_, input, problem) => {
    const plan = service();
    const kept = await plan.addEntry({ trigger: 'Tired', steps: ['Drink water'] });
    const before = await dump();
    await expect(plan.addEntry(input)).rejects.toMatchObject({ problem });
    await expect(plan.addEntry(input)).rejects.toBeInstanceOf(ValidationError);
    expect(await dump()).toEqual(before);
    if (problem.code !== 'plan.duplicate') {
      await expect(plan.updateEntry(kept.id, input)).rejects.toMatchObject({ problem });
      expect(await dump()).toEqual(before);
    }
  });

  it('words an empty step exactly as the plan form shows it', () => {
    expect(en.problems['text.empty']({ code: 'text.empty', field: 'step' })).toBe('A coping step can’t be empty.');
    expect(es.problems['text.empty']({ code: 'text.empty', field: 'step' })).toBe('Un paso no puede quedar en blanco.');
  });

  it('refuses a situation that is already there under another spelling when editing', async () => {
    const plan = service();
    await plan.addEntry({ trigger: 'Payday', steps: ['Text my mentor'] });
    const other = await plan.addEntry({ trigger: 'Tired', steps: ['Drink water'] });
    await expect(plan.updateEntry(other.id, { trigger: ' payday ', steps: ['Walk'] })).rejects.toMatchObject({
      problem: { code: 'plan.duplicate', trigger: 'payday' },
    });
  });

  it('does not bring back a deleted situation that has been added again meanwhile', async () => {
    const plan = service();
    const old = await plan.addEntry({ trigger: 'Payday', steps: ['Text my mentor'] });
    await plan.removeEntry(old.id);
    await plan.addEntry({ trigger: 'payday', steps: ['Leave the card at home'] });
    const before = await dump();
    await expect(plan.restoreEntry(old.id)).rejects.toMatchObject({ problem: { code: 'plan.restoreDuplicate', trigger: 'Payday' } });
    expect(en.problems['plan.restoreDuplicate']({ code: 'plan.restoreDuplicate', trigger: 'Payday' })).toMatch(/in your plan again already/);
    expect(await dump()).toEqual(before);
  });

  it('finds the entries for a reflection’s triggers whatever their case', async () => {
    const plan = service();
    await plan.addEntry({ trigger: 'Payday', steps: ['Text my mentor'] });
    await plan.addEntry({ trigger: 'Tired', steps: ['Drink water'] });
    const found = entriesForTriggers(await plan.entries(), ['tired', 'Lonely']);
    expect(found.map((e) => e.trigger)).toEqual(['Tired']);
  });
});

describe('values and goals', () => {
  it('keeps them in the person’s words and order', async () => {
    const plan = service();
    const a = await plan.addValue({ kind: 'value', text: 'Honesty' });
    await plan.addValue({ kind: 'goal', text: 'Walk to work' });
    await plan.moveValue(a.id, 1);
    expect((await plan.values()).map((v) => v.text)).toEqual(['Walk to work', 'Honesty']);
    await expect(plan.addValue({ kind: 'value', text: '' })).rejects.toMatchObject({ problem: { code: 'text.empty', field: 'valueText' } });
    await expect(plan.addValue({ kind: 'wish' as never, text: 'Honesty' })).rejects.toMatchObject({ problem: { code: 'plan.kind' } });
  });
});

describe('crisis contacts', () => {
  it('keeps the numbers exactly as typed and dials their digits', async () => {
    const plan = service();
    const c = await plan.addContact({ role: 'mentor', name: 'Sam', phone: '+44 20 7946-0958', note: 'Any time' });
    expect(c.phone).toBe('+44 20 7946-0958');
    expect(telHref(c.phone)).toBe('tel:+442079460958');
    expect(telHref('(030) 123 45.67')).toBe('tel:0301234567');
    expect(smsHref('988')).toBe('sms:988');
  });

  it.each([
    ['letters', 'call me maybe', { code: 'phone.characters' }],
    ['a script', 'javascript:alert(1)', { code: 'phone.characters' }],
    ['too few digits', '12', { code: 'phone.digits', digits: 2, min: 3, max: 15 }],
    ['too many digits', '1234567890123456', { code: 'phone.digits', digits: 16 }],
    ['a plus in the middle', '12+34', { code: 'phone.characters' }],
    ['a (0) after the country code', '+44 (0)20 7946 0958', { code: 'phone.zeroAfterCountry' }],
    ['nothing', '', { code: 'phone.required' }],
  ])('refuses a malformed phone number (%s) and changes nothing', async (_, phone, problem) => {
    const plan = service();
    await plan.addContact({ role: 'helpline', name: 'Helpline', phone: '116 123', note: '' });
    const before = await dump();
    await expect(plan.addContact({ role: 'contact', name: 'Jo', phone, note: '' })).rejects.toMatchObject({ problem });
    expect(await dump()).toEqual(before);
  });

  it('refuses an unknown role and an empty name', async () => {
    const plan = service();
    await expect(plan.addContact({ role: 'boss' as never, name: 'Jo', phone: '988', note: '' })).rejects.toMatchObject({
      problem: { code: 'plan.role' },
    });
    await expect(plan.addContact({ role: 'contact', name: ' ', phone: '988', note: '' })).rejects.toMatchObject({
      problem: { code: 'text.empty', field: 'contactName' },
    });
  });

  it('accepts short helpline numbers', () => {
    expect(cleanPhone('988', { required: true })).toBe('988');
    expect(cleanPhone(' 116 123 ', { required: true })).toBe('116 123');
  });
});

describe('full lists', () => {
  const fill: Record<PlanItem, { max: number; add: (plan: ReturnType<typeof service>, i: number) => Promise<unknown> }> = {
    entry: { max: MAX_PLAN_ENTRIES, add: (plan, i) => plan.addEntry({ trigger: `Situation ${i}`, steps: ['Walk'] }) },
    value: { max: MAX_VALUES, add: (plan, i) => plan.addValue({ kind: 'value', text: `Value ${i}` }) },
    contact: { max: MAX_CONTACTS, add: (plan, i) => plan.addContact({ role: 'contact', name: `Person ${i}`, phone: '988', note: '' }) },
  };

  it.each(Object.keys(fill) as PlanItem[])('refuses one %s more than the list keeps, naming the limit', async (what) => {
    const plan = service();
    const { max, add } = fill[what];
    for (let i = 0; i < max; i++) await add(plan, i);
    const before = await dump();
    await expect(add(plan, max)).rejects.toMatchObject({ problem: { code: 'plan.full', max, what } });
    expect(await dump()).toEqual(before);
  });

  it('words the limits with correct plurals in English and Spanish', () => {
    const full = (words: typeof en, max: number, what: PlanItem) => words.problems['plan.full']({ code: 'plan.full', max, what });
    expect(full(en, 1, 'entry')).toBe('Your plan can hold up to 1 situation. Remove one first.');
    expect(full(en, 50, 'entry')).toBe('Your plan can hold up to 50 situations. Remove one first.');
    expect(full(en, 1, 'value')).toBe('You can keep up to 1 value or goal. Remove one first.');
    expect(full(en, 30, 'value')).toBe('You can keep up to 30 values and goals. Remove one first.');
    expect(full(en, 1, 'contact')).toBe('You can keep up to 1 crisis contact. Remove one first.');
    expect(full(en, 20, 'contact')).toBe('You can keep up to 20 crisis contacts. Remove one first.');
    expect(full(es, 1, 'entry')).toBe('Tu plan puede tener hasta 1 situación. Quita una primero.');
    expect(full(es, 50, 'entry')).toBe('Tu plan puede tener hasta 50 situaciones. Quita una primero.');
    expect(full(es, 1, 'value')).toBe('Puedes guardar hasta 1 valor u objetivo. Quita uno primero.');
    expect(full(es, 30, 'value')).toBe('Puedes guardar hasta 30 valores y objetivos. Quita uno primero.');
    expect(full(es, 1, 'contact')).toBe('Puedes guardar hasta 1 contacto para una crisis. Quita uno primero.');
    expect(full(es, 20, 'contact')).toBe('Puedes guardar hasta 20 contactos para una crisis. Quita uno primero.');

    const tooMany = (words: typeof en, max: number, field: 'trigger' | 'step') =>
      words.problems['text.tooMany']({ code: 'text.tooMany', field, max, count: max + 1 });
    expect(tooMany(en, 1, 'step')).toBe('Up to 1 coping step can be kept; this has 2. Remove some first.');
    expect(tooMany(en, 50, 'step')).toBe('Up to 50 coping steps can be kept; this has 51. Remove some first.');
    expect(tooMany(en, 1, 'trigger')).toBe('Up to 1 situation can be kept; this has 2. Remove some first.');
    expect(tooMany(es, 1, 'step')).toBe('Puedes guardar hasta 1 paso; aquí hay 2. Acorta la lista primero.');
    expect(tooMany(es, 50, 'step')).toBe('Puedes guardar hasta 50 pasos; aquí hay 51. Acorta la lista primero.');
    expect(tooMany(es, 50, 'trigger')).toBe('Puedes guardar hasta 50 situaciones; aquí hay 51. Acorta la lista primero.');
  });

  it('words every field and phone problem in both languages', () => {
    for (const words of [en, es]) {
      for (const field of Object.keys(words.fieldNames) as (keyof typeof words.fieldNames)[]) {
        expect(words.problems['text.tooLong']({ code: 'text.tooLong', field, max: 1, length: 2 })).toContain(words.fieldNames[field]);
      }
      expect(words.problems['text.tooLong']({ code: 'text.tooLong', field: 'step', max: 1, length: 2 })).toMatch(/ 1 (character|carácter);/);
      expect(words.problems['phone.digits']({ code: 'phone.digits', digits: 2, min: 3, max: 15 })).toMatch(/3 .* 15 .* 2\.$/);
    }
    expect(en.problems['phone.characters']({ code: 'phone.characters' })).toMatch(/can’t dial/);
  });
});
