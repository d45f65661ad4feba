import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { ValidationError } from '../../lib/errors';
import { cleanPhone, smsHref, telHref } from '../../lib/phone';
import { createPlanService, entriesForTriggers, MAX_PLAN_STEP } from '../../lib/plan';
import { frozenClock } from './helpers';

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
    ['an empty step', { trigger: 'Payday', steps: ['Text my mentor', '   '] }, /can’t be empty/],
    ['no steps', { trigger: 'Payday', steps: [] }, /at least one coping step/],
    ['a step of thousands of characters', { trigger: 'Payday', steps: ['x'.repeat(5000)] }, new RegExp(`up to ${MAX_PLAN_STEP}`)],
    ['an empty situation', { trigger: ' ', steps: ['Walk'] }, /can’t be empty/],
    ['a situation already in the plan', { trigger: 'tired', steps: ['Walk'] }, /already in your plan/],
    ['steps that are not text', { trigger: 'Payday', steps: [42] as unknown as string[] }, /must be text/],
  ])('refuses %s and changes nothing', async (_, input, message) => {
    const plan = service();
    const kept = await plan.addEntry({ trigger: 'Tired', steps: ['Drink water'] });
    const before = await dump();
    await expect(plan.addEntry(input)).rejects.toThrow(message);
    await expect(plan.addEntry(input)).rejects.toBeInstanceOf(ValidationError);
    expect(await dump()).toEqual(before);
    if (!/already/.test(String(message))) {
      await expect(plan.updateEntry(kept.id, input)).rejects.toThrow(message);
      expect(await dump()).toEqual(before);
    }
  });

  it('does not bring back a deleted situation that has been added again meanwhile', async () => {
    const plan = service();
    const old = await plan.addEntry({ trigger: 'Payday', steps: ['Text my mentor'] });
    await plan.removeEntry(old.id);
    await plan.addEntry({ trigger: 'payday', steps: ['Leave the card at home'] });
    const before = await dump();
    await expect(plan.restoreEntry(old.id)).rejects.toThrow(/in your plan again already/);
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
    await expect(plan.addValue({ kind: 'value', text: '' })).rejects.toThrow(/can’t be empty/);
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
    ['letters', 'call me maybe', /can’t dial/],
    ['a script', 'javascript:alert(1)', /can’t dial/],
    ['too few digits', '12', /3 to 15 digits/],
    ['too many digits', '1234567890123456', /3 to 15 digits/],
    ['a plus in the middle', '12+34', /can’t dial/],
    ['a (0) after the country code', '+44 (0)20 7946 0958', /Leave out the \(0\)/],
    ['nothing', '', /Add a phone number/],
  ])('refuses a malformed phone number (%s) and changes nothing', async (_, phone, message) => {
    const plan = service();
    await plan.addContact({ role: 'helpline', name: 'Helpline', phone: '116 123', note: '' });
    const before = await dump();
    await expect(plan.addContact({ role: 'contact', name: 'Jo', phone, note: '' })).rejects.toThrow(message);
    expect(await dump()).toEqual(before);
  });

  it('accepts short helpline numbers', () => {
    expect(cleanPhone('988', { required: true })).toBe('988');
    expect(cleanPhone(' 116 123 ', { required: true })).toBe('116 123');
  });
});
