import type { Clock } from './clock';
import type {
  Contact,
  ContactRole,
  PlanEntry,
  SyncedRecord,
  TandemDatabase,
  ValueItem,
  ValueKind,
} from './db/schema';
import type { EntityTable } from 'dexie';
import { guardWrite, ValidationError } from './errors';
import { newId as randomId } from './ids';
import { cleanPhone } from './phone';
import { FIELDS, LIST_MAX } from './rules/fields';
import { clampInstant, nextStamp } from './rules/time';
import { cleanText, cleanTextList, labelKey } from './text';

// The recovery plan (triggers → ordered coping steps), values and goals, and the crisis
// sheet's contacts: short lists the person keeps in their own words and order.

export const MAX_PLAN_ENTRIES = 50;
export const MAX_PLAN_STEPS = LIST_MAX;
export const MAX_PLAN_TRIGGER = FIELDS.trigger.max;
export const MAX_PLAN_STEP = FIELDS.step.max;
export const MAX_VALUES = 30;
export const MAX_VALUE_TEXT = FIELDS.valueText.max;
export const MAX_CONTACTS = 20;

/** What a plan list holds, for the problems that name it. */
export type PlanItem = 'entry' | 'value' | 'contact';

/** Why a plan change was refused; the catalogue words it (components/i18n/<language>/plan.ts). */
export type PlanProblem =
  | { code: 'plan.full'; max: number; what: PlanItem }
  /** A situation already in the plan (compared without case or extra spaces). */
  | { code: 'plan.duplicate'; trigger: string }
  | { code: 'plan.noStep' }
  | { code: 'plan.kind' }
  | { code: 'plan.role' }
  /** Edited or restored after it was deleted for good, e.g. in another window. */
  | { code: 'plan.gone'; what: PlanItem }
  /** Undoing a delete whose situation has been added again meanwhile. */
  | { code: 'plan.restoreDuplicate'; trigger: string };

function refuse(problem: PlanProblem): never {
  throw new ValidationError(problem);
}

interface Ordered extends SyncedRecord {
  order: number;
}

interface ListDeps {
  db: TandemDatabase;
  clock: Clock;
  newId?: () => string;
}


/** Add, edit, move and soft-delete for a table of ordered records. */
function orderedList<T extends Ordered>(
  db: TandemDatabase,
  table: EntityTable<T, 'id'>,
  clock: Clock,
  newId: () => string,
  { max, what }: { max: number; what: PlanItem },
) {
  async function live(): Promise<T[]> {
    const all = await table.filter((r) => r.deletedAt === null).toArray();
    return all.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
  }
  const bump = (r: T, now: number) => nextStamp(now, r.updatedAt);

  return {
    live,
    async add(fields: Omit<T, keyof Ordered>): Promise<T> {
      const now = clampInstant(clock.now());
      return guardWrite(() =>
        db.transaction('rw', table, async () => {
          const items = await live();
          if (items.length >= max) refuse({ code: 'plan.full', max, what });
          const order = items.length === 0 ? 0 : items[items.length - 1]!.order + 1;
          const record = { ...fields, id: newId(), order, createdAt: now, updatedAt: now, deletedAt: null } as T;
          await table.add(record);
          return record;
        }),
      );
    },
    async update(id: string, fields: Partial<Omit<T, keyof Ordered>>): Promise<T> {
      const now = clampInstant(clock.now());
      return guardWrite(() =>
        db.transaction('rw', table, async () => {
          const current = (await table.get(id as never)) as T | undefined;
          if (!current || current.deletedAt !== null) {
            refuse({ code: 'plan.gone', what });
          }
          const next = { ...current, ...fields, updatedAt: bump(current, now) } as T;
          await table.put(next);
          return next;
        }),
      );
    },
    /** Moves one item up (-1) or down (+1); renumbers only what changed. */
    async move(id: string, by: -1 | 1): Promise<void> {
      const now = clampInstant(clock.now());
      await guardWrite(() =>
        db.transaction('rw', table, async () => {
          const items = await live();
          const from = items.findIndex((r) => r.id === id);
          const to = from + by;
          if (from < 0 || to < 0 || to >= items.length) return;
          const reordered = [...items];
          [reordered[from], reordered[to]] = [reordered[to]!, reordered[from]!];
          const changed = reordered
            .map((r, order) => ({ r, order }))
            .filter(({ r, order }) => r.order !== order)
            .map(({ r, order }) => ({ ...r, order, updatedAt: bump(r, now) }));
          await table.bulkPut(changed);
        }),
      );
    },
    async remove(id: string): Promise<void> {
      const now = clampInstant(clock.now());
      await guardWrite(() =>
        db.transaction('rw', table, async () => {
          const current = (await table.get(id as never)) as T | undefined;
          if (!current || current.deletedAt !== null) return;
          await table.put({ ...current, deletedAt: now, updatedAt: bump(current, now) });
        }),
      );
    },
    /** Undoes a delete, unless the list has since filled up or (see `conflict`) has a twin. */
    async restore(id: string, conflict?: (record: T, live: T[]) => PlanProblem | null): Promise<void> {
      const now = clampInstant(clock.now());
      await guardWrite(() =>
        db.transaction('rw', table, async () => {
          const current = (await table.get(id as never)) as T | undefined;
          if (!current) return refuse({ code: 'plan.gone', what });
          if (current.deletedAt === null) return;
          const items = await live();
          if (items.length >= max) refuse({ code: 'plan.full', max, what });
          const problem = conflict?.(current, items);
          if (problem) refuse(problem);
          await table.put({ ...current, deletedAt: null, updatedAt: bump(current, now) });
        }),
      );
    },
  };
}

export function cleanPlanEntry(input: { trigger: unknown; steps: unknown }) {
  const trigger = cleanText(input.trigger, { field: 'trigger', ...FIELDS.trigger });
  const steps = cleanTextList(input.steps, { field: 'step', ...FIELDS.step, maxItems: MAX_PLAN_STEPS });
  if (steps.length === 0) refuse({ code: 'plan.noStep' });
  return { trigger, steps };
}

export function cleanValue(input: { kind: unknown; text: unknown }) {
  if (input.kind !== 'value' && input.kind !== 'goal') refuse({ code: 'plan.kind' });
  return {
    kind: input.kind as ValueKind,
    text: cleanText(input.text, { field: 'valueText', ...FIELDS.valueText }),
  };
}

const ROLES: readonly ContactRole[] = ['contact', 'mentor', 'helpline'];

export function cleanContact(input: { role: unknown; name: unknown; phone: unknown; note: unknown }) {
  if (!ROLES.includes(input.role as ContactRole)) refuse({ code: 'plan.role' });
  return {
    role: input.role as ContactRole,
    name: cleanText(input.name, { field: 'contactName', ...FIELDS.contactName }),
    phone: cleanPhone(input.phone, { required: true }),
    note: cleanText(input.note, { field: 'contactNote', ...FIELDS.contactNote }),
  };
}

/** The plan entries whose situation matches one of the given triggers, in plan order. */
export function entriesForTriggers(plan: readonly PlanEntry[], triggers: readonly string[]): PlanEntry[] {
  const wanted = new Set(triggers.map(labelKey));
  return plan.filter((e) => e.deletedAt === null && wanted.has(labelKey(e.trigger)));
}

export function createPlanService({ db, clock, newId = randomId }: ListDeps) {
  const entries = orderedList<PlanEntry>(db, db.plan, clock, newId, { max: MAX_PLAN_ENTRIES, what: 'entry' });
  const values = orderedList<ValueItem>(db, db.values, clock, newId, { max: MAX_VALUES, what: 'value' });
  const contacts = orderedList<Contact>(db, db.contacts, clock, newId, { max: MAX_CONTACTS, what: 'contact' });

  return {
    entries: entries.live,
    async addEntry(input: { trigger: string; steps: readonly string[] }): Promise<PlanEntry> {
      const clean = cleanPlanEntry(input);
      const existing = await entries.live();
      if (existing.some((e) => labelKey(e.trigger) === labelKey(clean.trigger))) {
        refuse({ code: 'plan.duplicate', trigger: clean.trigger });
      }
      return entries.add(clean);
    },
    async updateEntry(id: string, input: { trigger: string; steps: readonly string[] }): Promise<PlanEntry> {
      const clean = cleanPlanEntry(input);
      const existing = await entries.live();
      if (existing.some((e) => e.id !== id && labelKey(e.trigger) === labelKey(clean.trigger))) {
        refuse({ code: 'plan.duplicate', trigger: clean.trigger });
      }
      return entries.update(id, clean);
    },
    moveEntry: entries.move,
    removeEntry: entries.remove,
    restoreEntry: (id: string) =>
      entries.restore(id, (entry, live) =>
        live.some((e) => labelKey(e.trigger) === labelKey(entry.trigger))
          ? { code: 'plan.restoreDuplicate', trigger: entry.trigger }
          : null,
      ),

    values: values.live,
    addValue: async (input: { kind: ValueKind; text: string }) => values.add(cleanValue(input)),
    updateValue: async (id: string, input: { kind: ValueKind; text: string }) => values.update(id, cleanValue(input)),
    moveValue: values.move,
    removeValue: values.remove,
    restoreValue: (id: string) => values.restore(id),

    contacts: contacts.live,
    addContact: async (input: { role: ContactRole; name: string; phone: string; note: string }) =>
      contacts.add(cleanContact(input)),
    updateContact: async (id: string, input: { role: ContactRole; name: string; phone: string; note: string }) =>
      contacts.update(id, cleanContact(input)),
    moveContact: contacts.move,
    removeContact: contacts.remove,
    restoreContact: (id: string) => contacts.restore(id),
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
