import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TABLE_SCHEMAS_V1, TABLE_SCHEMAS } from '../../lib/backup/schemas';
import { contentsFromOld } from '../../lib/share/contents';
import { dayKeyAtOffset } from '../../lib/days';
import { repairRecord } from '../../lib/db/repair';
import { HALT_TAGS } from '../../lib/db/schema';
import { RECORD_LISTS, RECORD_TEXTS, REPAIRED_TABLES as TABLE_NAMES, STAMPS, type RepairedTable as RecordTable } from '../../lib/rules/records';
import { isFromTheFuture, TIME_MAX, TIME_MIN } from '../../lib/rules/time';
import { anyClock, anyInstant, anyOffset, anyTextUpTo, anyZone, CLOCK_MAX, CLOCK_MIN, droppedVisible } from './arbitraries';

// repairRecord (lib/db/repair.ts) over every record an older version could have stored. The
// older schema (23c5a11:lib/backup/schemas.ts) counted texts in UTF-16 units and allowed any
// character in them (control, bidi, lone surrogates), phones of any 40 units, offsets within
// ±14:00, lists of up to 50; the older app stamped with the clock as it read, unclamped, so a
// device set to 1980 or 2150 stored instants there.

type Row = Record<string, unknown>;

/** An instant an older app could have stored: within 2000–2100 from a file, anything from a clock. */
const oldInstant = fc.oneof(
  { weight: 3, arbitrary: anyInstant },
  { weight: 2, arbitrary: fc.integer({ min: CLOCK_MIN, max: CLOCK_MAX }) },
  { weight: 1, arbitrary: fc.constantFrom(Date.UTC(1980, 0, 1), Date.UTC(2150, 0, 1), TIME_MAX + 1, TIME_MIN - 1) },
);
const oldList = (max: number) => fc.array(anyTextUpTo(max, 6), { maxLength: 50, size: 'small' });

const synced = {
  id: fc.uuid(),
  createdAt: oldInstant,
  updatedAt: oldInstant,
  deletedAt: fc.option(oldInstant, { nil: null }),
};

/** `at`, its offset and the day it was put on (under some day-start hour 0–12). */
const dated = fc
  .record({
    at: oldInstant,
    utcOffset: anyOffset,
    hour: fc.integer({ min: 0, max: 12 }),
    timeZone: fc.oneof(anyZone, anyTextUpTo(64, 4)),
  })
  .map(({ at, utcOffset, hour, timeZone }) => ({ at, utcOffset, timeZone, day: dayKeyAtOffset(at, utcOffset, hour) }));

const mood = fc.constantFrom(1, 2, 3, 4, 5);
const strength = fc.option(fc.integer({ min: 0, max: 10 }), { nil: null });
const order = fc.integer({ min: -1e9, max: 1e9 });
/** Numbers people typed: dialable ones, helplines written out, chat-app marks, anything. */
const oldPhone = fc.oneof(
  fc.constantFrom('', '+49 30 1234567', '988', '116 123', '\u2068+34 600 123 456\u2069', '988 or text 741741', '+44 (0)20 7946 0000', '12', '\u200b'),
  anyTextUpTo(40, 4),
);

const OLD: { [T in RecordTable]: fc.Arbitrary<Row> } = {
  checkins: fc
    .tuple(
      fc.record({ ...synced, mood, win: anyTextUpTo(280), tags: fc.subarray([...HALT_TAGS]) }),
      dated,
    )
    .map(([a, b]) => ({ ...a, ...b })),
  reflections: fc
    .tuple(
      fc.record({
        ...synced,
        kind: fc.constantFrom('near-miss', 'setback'),
        triggers: oldList(200),
        strength,
        strengthAfter: strength,
        steps: oldList(2000),
        helped: anyTextUpTo(2000),
        nextTime: anyTextUpTo(2000),
        moodNow: fc.option(mood, { nil: null }),
        urgeSurfMinutes: fc.option(fc.integer({ min: 0, max: 1440 }), { nil: null }),
      }),
      dated,
    )
    .map(([a, b]) => ({ ...a, ...b })),
  plan: fc.record({ ...synced, trigger: anyTextUpTo(200), steps: oldList(2000), order }),
  values: fc.record({ ...synced, kind: fc.constantFrom('value', 'goal'), text: anyTextUpTo(2000), order }),
  contacts: fc.record({
    ...synced,
    role: fc.constantFrom('contact', 'mentor', 'helpline'),
    name: anyTextUpTo(200),
    phone: oldPhone,
    note: anyTextUpTo(2000),
    order,
  }),
  shares: fc.record({
    ...synced,
    mentorName: anyTextUpTo(200),
    periodDays: fc.integer({ min: 1, max: 3660 }),
    contents: oldList(200),
    expiresAt: oldInstant,
    withPassphrase: fc.boolean(),
    linkLength: fc.integer({ min: 0, max: 10_000_000 }),
  }),
};

const anyOld = fc.oneof(...TABLE_NAMES.map((table) => OLD[table].map((record) => ({ table, record }))));

/** Every text a record holds (texts, list entries, the phone), for the "nothing dropped" check. */
function allText(table: RecordTable, r: Row): string {
  const parts: string[] = [];
  for (const field of Object.keys(RECORD_TEXTS[table])) parts.push(String(r[field] ?? ''));
  for (const field of Object.keys(RECORD_LISTS[table])) parts.push(...((r[field] as string[] | undefined) ?? []));
  if (table === 'contacts') parts.push(String(r.phone ?? ''));
  return parts.join('\n');
}

const RUNS = { numRuns: 400 };

describe('repairRecord on what an older version stored', () => {
  it('gives a record the current schema accepts as it is, and none of its stamps from the future', () => {
    fc.assert(
      fc.property(anyOld, anyClock, ({ table, record }, now) => {
        const { record: out } = repairRecord(table, record, now);
        // repairRecord is the v3 step: share-log contents are still phrases then (v4 makes them
        // facts), so they are read as a version-1 file's are.
        const parsed = v.safeParse(TABLE_SCHEMAS_V1[table], out);
        if (!parsed.success) expect.fail(`${table}: ${JSON.stringify(parsed.issues[0]?.path?.map((p) => p.key))} ${parsed.issues[0]?.message}`);
        // Already in the stored form: importing it again would store exactly this (share-log
        // contents, still phrases at v3, come out as the facts v4 makes of them).
        // Check-ins, noteless before v6, read with an empty note as a version 1 file's do.
        const expected =
          table === 'shares'
            ? { ...out, contents: contentsFromOld((out as Row).contents as unknown[]) }
            : table === 'checkins'
              ? { ...out, note: '' }
              : out;
        expect(parsed.output).toEqual(expected);
        for (const k of STAMPS) {
          const stamp = (out as Row)[k];
          if (typeof stamp === 'number') expect(isFromTheFuture(stamp, now), k).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('is idempotent: repairing twice is repairing once, and the second time reports nothing', () => {
    fc.assert(
      fc.property(anyOld, anyClock, ({ table, record }, now) => {
        const once = repairRecord(table, record, now);
        const twice = repairRecord(table, once.record, now);
        expect(twice.record).toEqual(once.record);
        expect(twice.changes).toEqual([]);
      }),
      RUNS,
    );
  });

  it('reports a change exactly when it changed something (so the upgrade writes every changed record)', () => {
    fc.assert(
      fc.property(anyOld, anyClock, ({ table, record }, now) => {
        const { record: out, changes } = repairRecord(table, record, now);
        expect(changes.length === 0).toBe(JSON.stringify(out) === JSON.stringify(record));
      }),
      RUNS,
    );
  });

  it('keeps every visible character of every text (NFC aside; a phone that cannot dial moves into the note)', () => {
    fc.assert(
      fc.property(anyOld, anyClock, ({ table, record }, now) => {
        const { record: out } = repairRecord(table, record, now);
        expect(droppedVisible(allText(table, record), allText(table, out as Row))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keeps the record itself: same id, same fields, instants only moved into range', () => {
    fc.assert(
      fc.property(anyOld, anyClock, ({ table, record }, now) => {
        const { record: out } = repairRecord(table, record, now);
        const o = out as Row;
        expect(Object.keys(o).sort()).toEqual(Object.keys(record).sort());
        expect(o.id).toBe(record.id);
        if (typeof record.at === 'number' && record.at >= TIME_MIN && record.at <= TIME_MAX) expect(o.at).toBe(record.at);
        if (record.deletedAt === null) expect(o.deletedAt).toBeNull();
        else expect(o.deletedAt).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('handles the known cases', () => {
    const now = Date.UTC(2026, 11, 1);
    const phone = repairRecord(
      'contacts',
      { id: 'c', role: 'helpline', name: 'Crisis line', phone: '988 or text 741741', note: 'Any time', order: 0, createdAt: now, updatedAt: now, deletedAt: null },
      now,
    );
    expect(phone.record).toMatchObject({ phone: '', note: '988 or text 741741\nAny time' });
    expect(phone.changes).toEqual(['phoneMoved']);
    const blank = repairRecord('plan', { id: 'p', trigger: '\u200b', steps: ['Call Sam', '\u2068\u2069'], order: 0, createdAt: now, updatedAt: now, deletedAt: null }, now);
    expect(blank.record).toMatchObject({ trigger: '…', steps: ['Call Sam'] });
    expect(blank.changes.sort()).toEqual(['emptyEntryRemoved', 'textFilled', 'textTidied']);
  });
});

describe('repairRecord: the smallest cases the properties above found', () => {
  const now = Date.UTC(2026, 11, 1);
  const contact = (patch: Row) => ({ id: 'c', role: 'helpline', name: 'Crisis line', phone: '', note: '', order: 0, createdAt: now, updatedAt: now, deletedAt: null, ...patch });

  it('keeps the whole note when a phone that cannot dial moves into a note at its limit', () => {
    const note = 'x'.repeat(2000);
    const { record } = repairRecord('contacts', contact({ phone: '988 or text 741741', note }), now);
    // The phone and every character of the note are still there, somewhere a person can edit.
    expect(droppedVisible(`988 or text 741741\n${note}`, allText('contacts', record))).toEqual([]);
  });

  it('does not leave a note ending in a space when the moved phone makes it too long (idempotent, stored form)', () => {
    const note = `${'x'.repeat(1997)} ab`;
    const once = repairRecord('contacts', contact({ phone: '\u200d', note }), now);
    const parsed = v.safeParse(TABLE_SCHEMAS.contacts, once.record);
    expect(parsed.success && parsed.output).toEqual(once.record);
    expect(repairRecord('contacts', once.record, now)).toEqual({ record: once.record, changes: [] });
  });

  it('reports the change when only the phone is tidied (isolate marks around a dialable number)', () => {
    const { record, changes } = repairRecord('contacts', contact({ phone: '\u2068988\u2069' }), now);
    expect(record).toMatchObject({ phone: '988' });
    expect(changes).not.toEqual([]);
  });
});

describe('repairRecord past the older limits (lists longer than 50, notes at their limit)', () => {
  // Not reachable from the older schema's files, but repairRecord handles them (listJoined):
  // the joined entry must still be idempotent and in the stored form.
  const longList = fc.array(fc.oneof(anyTextUpTo(200, 3), fc.constantFrom('x', 'step ', ' y')), { minLength: 51, maxLength: 60 });
  it('joins the entries past LIST_MAX into a record the schema accepts, idempotently', () => {
    fc.assert(
      fc.property(longList, anyClock, (steps, now) => {
        const record = { id: 'p', trigger: 'Late shift', steps, order: 0, createdAt: TIME_MIN, updatedAt: TIME_MIN, deletedAt: null };
        const once = repairRecord('plan', record, now);
        expect(v.safeParse(TABLE_SCHEMAS.plan, once.record).success).toBe(true);
        expect(repairRecord('plan', once.record, now).record).toEqual(once.record);
      }),
      { numRuns: 200 },
    );
  });
});
