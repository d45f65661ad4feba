import type { Checkin, Contact, PlanEntry, Reflection, ShareLogEntry, ValueItem } from '../../lib/db/schema';
import type { KeyValueStore } from '../../lib/kv';
import type { TandemDatabase } from '../../lib/db/schema';
import { addDays, type DayKey } from '../../lib/days';
import { rebuildAllDayStats } from '../../lib/db/dayStats';

// Records shaped like the app writes them, for the backup, merge and upgrade tests.

export const T0 = Date.UTC(2026, 2, 10, 9, 0);

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
export const idFor = (kind: number, i: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(i, 12)}`;

export function checkin(i: number, patch: Partial<Checkin> = {}): Checkin {
  const day = addDays('2026-03-10' as DayKey, Math.floor(i / 3));
  const at = Date.parse(`${day}T09:00:00Z`) + (i % 3) * 3_600_000;
  return {
    id: idFor(1, i),
    at,
    day,
    utcOffset: 60,
    timeZone: 'Europe/Berlin',
    mood: ((i % 5) + 1) as Checkin['mood'],
    win: i % 2 === 0 ? `Small win number ${i}` : '',
    note: '',
    tags: i % 4 === 0 ? ['tired'] : [],
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    ...patch,
  };
}

export function reflection(i: number, patch: Partial<Reflection> = {}): Reflection {
  const at = T0 + i * 86_400_000;
  return {
    id: idFor(2, i),
    at,
    day: new Date(at + 3_600_000).toISOString().slice(0, 10),
    utcOffset: 60,
    timeZone: 'Europe/Berlin',
    kind: i % 2 === 0 ? 'near-miss' : 'setback',
    triggers: ['lonely', 'payday'],
    strength: 7,
    strengthAfter: 3,
    steps: ['Call Sam'],
    helped: 'Walking around the block',
    nextTime: 'Text Sam earlier',
    moodNow: 3,
    urgeSurfMinutes: null,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    ...patch,
  };
}

export const planEntry = (i: number, patch: Partial<PlanEntry> = {}): PlanEntry => ({
  id: idFor(3, i), trigger: `Friday evenings ${i}`, steps: ['Go to the meeting', 'Call Sam'], order: i,
  createdAt: T0, updatedAt: T0, deletedAt: null, ...patch,
});

export const valueItem = (i: number, patch: Partial<ValueItem> = {}): ValueItem => ({
  id: idFor(4, i), kind: 'value', text: `Being present for my kids ${i}`, order: i,
  createdAt: T0, updatedAt: T0, deletedAt: null, ...patch,
});

export const contact = (i: number, patch: Partial<Contact> = {}): Contact => ({
  id: idFor(5, i), role: 'mentor', name: `Sam ${i}`, phone: '+49 30 1234567', note: 'Any time', order: i,
  createdAt: T0, updatedAt: T0, deletedAt: null, ...patch,
});

export const share = (i: number, patch: Partial<ShareLogEntry> = {}): ShareLogEntry => ({
  id: idFor(6, i), mentorName: 'Sam', periodDays: 30, contents: [{ kind: 'mood' }, { kind: 'wins', count: 2 }],
  expiresAt: T0 + 14 * 86_400_000, withPassphrase: true, linkLength: 1800,
  createdAt: T0, updatedAt: T0, deletedAt: null, ...patch,
});

/** A few weeks of use: check-ins, reflections and one of everything else. */
export async function seed(db: TandemDatabase, checkins = 60): Promise<void> {
  await db.transaction('rw', [db.checkins, db.reflections, db.plan, db.values, db.contacts, db.shares, db.dayStats], async () => {
    await db.checkins.bulkPut(Array.from({ length: checkins }, (_, i) => checkin(i)));
    await db.reflections.bulkPut([reflection(0), reflection(1, { deletedAt: T0 + 90_000_000, updatedAt: T0 + 90_000_000 })]);
    await db.plan.bulkPut([planEntry(0), planEntry(1)]);
    await db.values.put(valueItem(0));
    await db.contacts.put(contact(0));
    await db.shares.put(share(0));
    await rebuildAllDayStats(db.checkins, db.dayStats);
  });
}

/** Every byte the app keeps on this device, as one comparable string. */
export async function dump(db: TandemDatabase, store: KeyValueStore, { withUndo = true } = {}): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  // The undo record says which import came last, so it differs by order where the data may not.
  for (const table of db.tables) if (withUndo || table.name !== 'imports') tables[table.name] = await table.toArray();
  return JSON.stringify({
    tables,
    settings: await store.settingsSnapshot(),
    lastBackup: await store.lastBackupAt(),
    milestones: await store.milestones(),
  });
}

/** What a file made by Tandem itself reads as: nothing left out. */
export const NONE_REFUSED = { count: 0, byTable: {}, first: [], settings: null };
