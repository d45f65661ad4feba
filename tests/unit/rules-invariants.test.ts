import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { createStore } from 'idb-keyval';
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { backupJson } from '../../lib/backup/files';
import { readBackup, type ReadResult } from '../../lib/backup/parse';
import { TABLE_SCHEMAS } from '../../lib/backup/schemas';
import { applyImport, exportBackup } from '../../lib/backup/store';
import { decodeTransfer, encodeTransfer, TRANSFER_DAYS } from '../../lib/backup/transfer';
import { cleanReflection } from '../../lib/reflections';
import { cleanWin } from '../../lib/checkins';
import { addDays, dayKey, dayKeyAtOffset } from '../../lib/days';
import { computeDayStat } from '../../lib/db/dayStats';
import { HALT_TAGS, openDatabase, SCHEMA_VERSION, type Checkin, type TandemDatabase } from '../../lib/db/schema';
import { ValidationError } from '../../lib/errors';
import { createKeyValueStore, type KeyValueStore } from '../../lib/kv';
import { cleanContact, cleanPlanEntry, cleanValue } from '../../lib/plan';
import { FIELDS } from '../../lib/rules/fields';
import { STAMPS, TABLE_NAMES, type RecordTable } from '../../lib/rules/records';
import { checkText, FORBIDDEN } from '../../lib/rules/text';
import { clampInstant, isFromTheFuture, TIME_MAX, TIME_MIN } from '../../lib/rules/time';
import { createAppServices, type AppServices } from '../../lib/services';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from '../../lib/settings';
import { decodeFragment } from '../../lib/share/link';
import { createShareService } from '../../lib/shares';
import { anyClock, anyId, anyInstant, anyOffset, anyText, anyZone, visibleChar } from './arbitraries';
import { frozenClock } from './helpers';

// The rules hold end to end: whatever the app writes, under any clock and zone, and whatever it
// accepts from a file, exports to a file that imports identically, makes a mentor link, a
// transfer link and a backup that open; an older store upgrades within the rules.

let n = 0;
type Clock = ReturnType<typeof frozenClock>;
interface Device {
  db: TandemDatabase;
  store: KeyValueStore;
  clock: Clock;
  services: AppServices;
}

async function device(clock: Clock, name = `inv-${n++}`): Promise<Device> {
  const db = openDatabase(name, () => clock.now());
  const store = createKeyValueStore(db, createStore(`${name}-kv`, 'values'), clock);
  await db.open();
  const services = createAppServices({ db, store, clock, reminders: null });
  return { db, store, clock, services };
}

async function withDevices<T>(count: number, clock: Clock, work: (...d: Device[]) => Promise<T>): Promise<T> {
  const devices: Device[] = [];
  for (let i = 0; i < count; i++) devices.push(await device(clock));
  try {
    return await work(...devices);
  } finally {
    for (const d of devices) await d.db.delete();
  }
}

const byKey = (rows: unknown[]) =>
  [...rows].sort((a, b) => {
    const ka = String((a as { id?: string; day?: string }).id ?? (a as { day?: string }).day);
    const kb = String((b as { id?: string; day?: string }).id ?? (b as { day?: string }).day);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

/** What a device holds that a backup carries: records, day totals, settings. */
async function contents({ db, store }: Device) {
  const tables: Record<string, unknown[]> = {};
  for (const name of [...TABLE_NAMES, 'dayStats']) tables[name] = byKey(await db.table(name).toArray());
  return { tables, settings: await store.settingsSnapshot() };
}

const bytesOf = (json: string) => new TextEncoder().encode(json);

/** Exports `from`, reads the file back with the same clock, and checks nothing is refused. */
async function exportAndRead(from: Device): Promise<ReadResult> {
  const now = from.clock.now();
  const backup = await exportBackup(from.db, from.store, { now });
  const read = await readBackup(bytesOf(backupJson(backup)), { now });
  expect(read.refused).toEqual({ count: 0, byTable: {}, first: [], settings: null });
  expect(read.tables).toEqual(backup.tables);
  return read;
}

/** `from` exported and imported into the empty `to`: both hold exactly the same. */
async function expectRoundTrip(from: Device, to: Device): Promise<void> {
  const read = await exportAndRead(from);
  await applyImport(to.db, to.store, read);
  expect(await contents(to)).toEqual(await contents(from));
}

/** Every record on the device passes the current schema as stored, none stamped in the future. */
async function expectWithinRules({ db, clock }: Device): Promise<void> {
  for (const table of TABLE_NAMES) {
    for (const record of await db.table(table).toArray()) {
      const parsed = v.safeParse(TABLE_SCHEMAS[table as RecordTable], record);
      if (!parsed.success) expect.fail(`${table} ${JSON.stringify(record)}: ${parsed.issues[0]?.message}`);
      expect(parsed.output, table).toEqual(record);
      for (const k of STAMPS) {
        const stamp = (record as Record<string, unknown>)[k];
        if (typeof stamp === 'number') expect(isFromTheFuture(stamp, clock.now()), `${table}.${k}`).toBe(false);
      }
    }
  }
}

/** A mentor link of everything the device holds, opened with the device's own clock. */
async function expectMentorLinkOpens({ db, store, clock }: Device, name: string): Promise<void> {
  const shares = createShareService({ db, store, clock });
  const made = await shares.create(
    {
      name,
      mentorName: 'Sam \u2068the mentor\u2069',
      period: 30,
      expiryDays: 14,
      include: { mood: true, wins: true, reflectionTexts: true, plan: true },
      passphrase: '',
    },
    'https://tandem.example/',
  );
  const fragment = new URL(made.link).hash.slice(1);
  const opened = await decodeFragment(fragment, { now: clock.now() });
  expect(opened).toEqual(made.built.snapshot);
  expect(v.safeParse(TABLE_SCHEMAS.shares, made.entry).success).toBe(true);
}

/** A name the share form accepts. */
const shareName = anyText(4)
  .map((s) => `${s}A`)
  .filter((s) => checkText(s, FIELDS.shareName).ok);

// ---------------------------------------------------------------------------------------------
// a. What the app writes

const valid = <T>(clean: () => T): boolean => {
  try {
    clean();
    return true;
  } catch (err) {
    if (err instanceof ValidationError) return false;
    throw err;
  }
};

const triggerText = fc.oneof(fc.constantFrom(...HALT_TAGS, 'Payday \u202eFriday', '\u2068Sam\u2069', 'Tired'), anyText(4));
const PHONES = ['+49 30 1234567', '988', '116 123', '\u2068+34 600 123 456\u2069', '(030) 123-45.67', '024'];

const write = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('checkin' as const), mood: fc.integer({ min: 1, max: 5 }), tags: fc.subarray([...HALT_TAGS]), win: anyText(8) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('reflection' as const),
      input: fc.record({
        kind: fc.constantFrom('near-miss' as const, 'setback' as const),
        triggers: fc.array(triggerText, { minLength: 1, maxLength: 4 }),
        steps: fc.array(anyText(4), { maxLength: 3 }),
        helped: anyText(8),
        nextTime: anyText(8),
        strength: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        moodNow: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('plan' as const), trigger: triggerText, steps: fc.array(anyText(4), { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('value' as const), value: fc.constantFrom('value' as const, 'goal' as const), text: anyText(6) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('contact' as const),
      role: fc.constantFrom('contact' as const, 'mentor' as const, 'helpline' as const),
      name: anyText(4),
      phone: fc.constantFrom(...PHONES),
      note: anyText(6),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('settings' as const),
      dayStartHour: fc.integer({ min: 0, max: 12 }),
      notificationText: fc.oneof(fc.constant(DEFAULT_SETTINGS.notificationText), anyText(6)),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 3_600_000 }) }) },
);

/** Runs one write; a refusal must be the input's fault (the same clean function refuses it). */
async function perform({ services, store, clock }: Device, w: WriteOf): Promise<void> {
  const expectOk = async (ok: boolean, action: () => Promise<unknown>) => {
    if (ok) await action();
    else await expect(action()).rejects.toBeInstanceOf(ValidationError);
  };
  switch (w.kind) {
    case 'checkin': {
      const ok = valid(() => cleanWin(w.win, { allowEmpty: true }));
      await expectOk(ok, async () => {
        const c = await services.checkins.add({ mood: w.mood, tags: w.tags, win: w.win });
        // What is stored: the clock brought within 2000-01-01..2100-01-01, never a refusal.
        expect(c.at).toBe(clampInstant(clock.now()));
        expect(c.createdAt).toBe(c.at);
        expect(c.day).toBe(dayKeyAtOffset(c.at, c.utcOffset, (await store.settings()).dayStartHour));
      });
      return;
    }
    case 'reflection': {
      const ok = valid(() => cleanReflection(w.input));
      await expectOk(ok, async () => {
        const r = await services.reflections.add(w.input);
        expect(r.at).toBe(clampInstant(clock.now()));
      });
      return;
    }
    case 'plan': {
      const ok = valid(() => cleanPlanEntry(w));
      if (!ok) return expectOk(false, () => services.plan.addEntry(w));
      // A second entry for the same situation is refused by design, whatever the clock.
      await services.plan.addEntry(w).catch((err: unknown) => {
        expect(err).toBeInstanceOf(ValidationError);
        expect(String((err as Error).message)).toContain('already in your plan');
      });
      return;
    }
    case 'value':
      return expectOk(valid(() => cleanValue({ kind: w.value, text: w.text })), () => services.plan.addValue({ kind: w.value, text: w.text }));
    case 'contact':
      return expectOk(valid(() => cleanContact(w)), () => services.plan.addContact(w));
    case 'settings': {
      const s: Settings = { ...(await store.settings()), dayStartHour: w.dayStartHour, notificationText: w.notificationText };
      return expectOk(validateSettings(s).length === 0, () => store.saveSettings(s));
    }
    case 'tick':
      clock.set(clock.now() + w.ms);
      return;
  }
}
type WriteOf = typeof write extends fc.Arbitrary<infer W> ? W : never;

describe('a. whatever the app writes, under any clock and zone', () => {
  it('is never refused for the clock, and exports to a file that imports into an empty store identically', async () => {
    await fc.assert(
      fc.asyncProperty(anyClock, anyZone, fc.array(write, { minLength: 1, maxLength: 10 }), async (now, zone, writes) => {
        const clock = frozenClock(now, zone);
        await withDevices(2, clock, async (a, b) => {
          for (const w of writes) await perform(a, w);
          await expectWithinRules(a);
          await expectRoundTrip(a, b);
        });
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  const mentorLinkProperty = (clock: fc.Arbitrary<number>) =>
    fc.asyncProperty(clock, anyZone, fc.array(write, { minLength: 1, maxLength: 8 }), shareName, async (now, zone, writes, name) => {
      const c = frozenClock(now, zone);
      await withDevices(1, c, async (a) => {
        for (const w of writes) await perform(a, w);
        await expectMentorLinkOpens(a, name);
      });
    });

  it('makes a mentor link that opens with the same clock (clocks within 2000–2100)', async () => {
    await fc.assert(mentorLinkProperty(fc.integer({ min: TIME_MIN, max: TIME_MAX })), { numRuns: 30 });
  });

  it('makes a mentor link that opens with the same clock, for any clock 1970–2200', async () => {
    await fc.assert(mentorLinkProperty(anyClock), { numRuns: 30 });
  });

  // The smallest counterexamples of the property above (see the report: lib/share/link.ts
  // compares the reader's raw clock with a createdAt the builder clamped to 2000–2100).
  it.each([
    ['1980', Date.UTC(1980, 5, 1)],
    ['1999-12-30', TIME_MIN - 2 * 86_400_000],
    ['2150', Date.UTC(2150, 5, 1)],
    ['2100-01-15', TIME_MAX + 14 * 86_400_000],
  ])('makes a mentor link that opens on a device whose clock reads %s', async (_, now) => {
    const clock = frozenClock(now, 'UTC');
    await withDevices(1, clock, async (a) => {
      await a.services.checkins.add({ mood: 3, win: 'Took the stairs' });
      await expectMentorLinkOpens(a, 'A');
    });
  });
});

// ---------------------------------------------------------------------------------------------
// b. What the app accepts from a file

/** Any text; most hold something visible, so most records pass and the rest is exercised. */
const text = fc.oneof(
  { weight: 1, arbitrary: anyText(6) },
  { weight: 2, arbitrary: fc.tuple(anyText(3), visibleChar, anyText(3)).map((p) => p.join('')) },
);
const list = fc.array(text, { maxLength: 4 });
/**
 * Clocks for reading files: any; inside 2000–2100 often; and often at or past 2100, where no
 * storable stamp is "from the future", so that every record of the file is judged on its fields.
 */
const readerClock = fc.oneof(anyClock, fc.integer({ min: TIME_MIN, max: TIME_MAX }), fc.integer({ min: TIME_MAX - 86_400_000, max: Date.UTC(2200, 0, 1) }));
const stamps = { id: anyId, createdAt: anyInstant, updatedAt: anyInstant, deletedAt: fc.option(anyInstant, { nil: null }) };
/** `at`, offset and day, with both ends of the range at both ends of the offsets. */
const datedFields = fc
  .oneof(
    { weight: 6, arbitrary: fc.record({ at: anyInstant, utcOffset: anyOffset }) },
    { weight: 1, arbitrary: fc.constantFrom({ at: TIME_MIN, utcOffset: -840 }, { at: Date.UTC(2099, 11, 31, 23), utcOffset: 840 }, { at: TIME_MAX, utcOffset: 840 }, { at: TIME_MIN, utcOffset: 840 }) },
  )
  .chain(({ at, utcOffset }) =>
    fc.record({
      at: fc.constant(at),
      utcOffset: fc.constant(utcOffset),
      day: fc.integer({ min: 0, max: 12 }).map((h) => dayKeyAtOffset(at, utcOffset, h)),
      timeZone: fc.oneof(anyZone, text),
    }),
  );
const fileRecord: { [T in RecordTable]: fc.Arbitrary<Record<string, unknown>> } = {
  checkins: fc
    .tuple(fc.record({ ...stamps, mood: fc.constantFrom(1, 2, 3, 4, 5), win: text, tags: fc.subarray([...HALT_TAGS]) }), datedFields)
    .map(([a, b]) => ({ ...a, ...b })),
  reflections: fc
    .tuple(
      fc.record({
        ...stamps,
        kind: fc.constantFrom('near-miss', 'setback'),
        triggers: list,
        strength: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        strengthAfter: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        steps: list,
        helped: text,
        nextTime: text,
        moodNow: fc.option(fc.constantFrom(1, 2, 3, 4, 5), { nil: null }),
        urgeSurfMinutes: fc.option(fc.integer({ min: 0, max: 1440 }), { nil: null }),
      }),
      datedFields,
    )
    .map(([a, b]) => ({ ...a, ...b })),
  plan: fc.record({ ...stamps, trigger: text, steps: list, order: fc.integer({ min: -1e9, max: 1e9 }) }),
  values: fc.record({ ...stamps, kind: fc.constantFrom('value', 'goal'), text, order: fc.integer({ min: -5, max: 5 }) }),
  contacts: fc.record({ ...stamps, role: fc.constantFrom('contact', 'mentor', 'helpline'), name: text, phone: fc.oneof(fc.constantFrom('', ...PHONES), fc.constantFrom('', ...PHONES), text), note: text, order: fc.integer({ min: -5, max: 5 }) }),
  shares: fc.record({
    ...stamps,
    mentorName: text,
    periodDays: fc.integer({ min: 1, max: 3660 }),
    contents: list,
    expiresAt: anyInstant,
    withPassphrase: fc.boolean(),
    linkLength: fc.integer({ min: 0, max: 10_000_000 }),
  }),
  replies: fc.record({
    ...stamps,
    shareId: anyId,
    linkId: fc.constantFrom('n3Fh8Qm1zKc', 'AAAAAAAAAAA', 'short'),
    from: text,
    note: text,
    sentAt: anyInstant,
    words: fc.subarray(['proud', 'call', 'together', 'shout']),
    readAt: fc.oneof(fc.constant(0), anyInstant),
  }),
  wellbeing: fc
    .tuple(
      fc.record({
        ...stamps,
        answers: fc.option(fc.array(fc.integer({ min: -1, max: 6 }), { minLength: 4, maxLength: 6 }), { nil: null }),
      }),
      datedFields,
    )
    .map(([a, b]) => ({ ...a, ...b })),
};
const fileSettings = fc.option(
  fc.record({
    // Settings of files from before the week plan (one set of windows), and with it.
    value: fc.oneof(
      fc.record({
        workingDays: fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
        windows: fc.constant([{ start: 540, end: 1020, overnight: false }]),
        intervalMinutes: fc.integer({ min: 15, max: 720 }),
        notifications: fc.boolean(),
        notificationText: fc.oneof(fc.constant(DEFAULT_SETTINGS.notificationText), text),
        dayStartHour: fc.integer({ min: 0, max: 12 }),
      }),
      fc.record({
        weekPlan: fc
          .array(fc.subarray([{ start: 420, end: 660, overnight: false }, { start: 1320, end: 360, overnight: true }]), { minLength: 7, maxLength: 7 })
          .filter((plan) => plan.some((day) => day.length > 0)),
        away: fc.array(fc.constantFrom({ from: '2026-08-01', to: '2026-08-14' }, { from: '2026-12-24', to: '2027-01-06' }), { maxLength: 2 }),
        intervalMinutes: fc.integer({ min: 15, max: 720 }),
        notifications: fc.boolean(),
        notificationText: fc.oneof(fc.constant(DEFAULT_SETTINGS.notificationText), text),
        dayStartHour: fc.integer({ min: 0, max: 12 }),
      }),
    ),
    updatedAt: fc.oneof(fc.constant(0), anyInstant),
  }),
  { nil: null },
);
const file = fc.record({
  format: fc.constant('tandem-backup'),
  version: fc.constant(1),
  exportedAt: anyInstant,
  scope: fc.constant({ kind: 'all', fromDay: null }),
  tables: fc.record(
    Object.fromEntries(TABLE_NAMES.map((t) => [t, fc.array(fileRecord[t as RecordTable], { maxLength: 5 })])) as Record<RecordTable, fc.Arbitrary<Record<string, unknown>[]>>,
  ),
  settings: fileSettings,
});

describe('b. whatever the app accepts from a file', () => {
  it('imports once (a second import changes nothing) and exports to a file that imports identically', async () => {
    await fc.assert(
      fc.asyncProperty(file, readerClock, anyZone, async (f, now, zone) => {
        const clock = frozenClock(now, zone);
        const bytes = bytesOf(JSON.stringify(f));
        await withDevices(2, clock, async (a, b) => {
          const read = await readBackup(bytes, { now });
          await applyImport(a.db, a.store, read);
          await expectWithinRules(a);
          const before = await contents(a);
          const again = await applyImport(a.db, a.store, await readBackup(bytes, { now }));
          expect(again).toMatchObject({ new: 0, updated: 0, deleted: 0, settings: read.settings ? 'kept' : 'none' });
          expect(await contents(a)).toEqual(before);
          await expectRoundTrip(a, b);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('makes a backup that opens, and a mentor link that opens (clocks within 2000–2100), whatever it holds', async () => {
    await fc.assert(
      fc.asyncProperty(file, readerClock, anyZone, shareName, async (f, now, zone, name) => {
        const clock = frozenClock(now, zone);
        await withDevices(1, clock, async (a) => {
          await applyImport(a.db, a.store, await readBackup(bytesOf(JSON.stringify(f)), { now }));
          await exportAndRead(a);
          if (now >= TIME_MIN && now <= TIME_MAX) await expectMentorLinkOpens(a, name);
        });
      }),
      { numRuns: 30 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// c. Transfer links (PBKDF2 at 600,000 iterations twice per run: few runs)

describe('c. a transfer link of whatever the app holds', () => {
  /** As components/data/MoveToPhone.tsx makes it: the last TRANSFER_DAYS days up to today. */
  async function transfer(a: Device) {
    // As MoveToPhone does: today under the clock as records are stored.
    const today = dayKey(clampInstant(a.clock.now()), a.clock.timeZone(), (await a.store.settings()).dayStartHour);
    const backup = await exportBackup(a.db, a.store, { now: a.clock.now(), fromDay: addDays(today, -(TRANSFER_DAYS - 1)) });
    const received = await decodeTransfer(await encodeTransfer(backup, 'blue kettle morning'), 'blue kettle morning', a.clock.now());
    expect(received).toEqual({ ...backup, refused: { count: 0, byTable: {}, first: [], settings: null } });
    return received;
  }
  const transferProperty = (clock: fc.Arbitrary<number>) =>
    fc.asyncProperty(clock, anyZone, fc.array(write, { minLength: 1, maxLength: 6 }), file, async (now, zone, writes, f) => {
      const c = frozenClock(now, zone);
      await withDevices(1, c, async (a) => {
        await applyImport(a.db, a.store, await readBackup(bytesOf(JSON.stringify(f)), { now }));
        for (const w of writes) await perform(a, w);
        const received = await transfer(a);
        // What was written just now travels in it.
        const recent = await a.db.checkins.where('at').aboveOrEqual(clampInstant(now)).count();
        if (recent > 0) expect(received.tables.checkins.length).toBeGreaterThan(0);
      });
    });

  it('opens on the other device with the same clock, nothing refused (clocks 2000-04..2100)', async () => {
    await fc.assert(transferProperty(fc.integer({ min: Date.UTC(2000, 3, 1), max: TIME_MAX })), { numRuns: 3 });
  }, 60_000);

  it('opens on the other device with the same clock, for any clock 1970–2200', async () => {
    await fc.assert(transferProperty(anyClock), { numRuns: 3 });
  }, 60_000);

  // The smallest counterexamples (see the report: the link's fromDay is outside DAY_MIN..DAY_MAX,
  // which the envelope schema refuses, so the whole transfer is refused).
  it.each([
    ['1980', Date.UTC(1980, 5, 1)],
    ['2000-01-01T00:00Z', TIME_MIN],
    ['2150', Date.UTC(2150, 5, 1)],
  ])('opens for a device whose clock reads %s, with the check-in just made', async (_, now) => {
    const clock = frozenClock(now, 'UTC');
    await withDevices(1, clock, async (a) => {
      await a.services.checkins.add({ mood: 3, win: 'Took the stairs' });
      expect((await transfer(a)).tables.checkins).toHaveLength(1);
    });
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// e. A file made by the previous release

describe('e. the previous release’s backup (tests/fixtures/backup-2026-12.json)', () => {
  it('imports into an empty store with nothing refused and every record present, texts normalised', async () => {
    const raw = readFileSync('tests/fixtures/backup-2026-12.json');
    const json = JSON.parse(raw.toString('utf8')) as { exportedAt: number; tables: Record<string, { id: string }[]> };
    // The file's settings were saved after its exportedAt; a clock a few weeks later reads it all.
    const now = Date.UTC(2027, 0, 1);
    expect(json.exportedAt).toBeLessThan(now);
    const clock = frozenClock(now, 'Europe/Madrid');
    await withDevices(2, clock, async (a, b) => {
      const read = await readBackup(new Uint8Array(raw), { now });
      expect(read.refused).toEqual({ count: 0, byTable: {}, first: [], settings: null });
      const summary = await applyImport(a.db, a.store, read);
      expect(summary.settings).toBe('replaced');
      for (const table of TABLE_NAMES) {
        const ids = (await a.db.table(table).toArray()).map((r: { id: string }) => r.id).sort();
        expect(ids, table).toEqual((json.tables[table] ?? []).map((r) => r.id).sort());
      }
      const all = JSON.stringify(await contents(a));
      for (const mark of ['\u2068', '\u2069', '\u202e']) expect(all.includes(mark)).toBe(false);
      expect(FORBIDDEN.test(all)).toBe(false);
      const wins = (await a.db.checkins.toArray()).map((c) => c.win);
      expect(wins).toContain('😀'.repeat(140));
      expect(wins).toContain('Called Sam back 📞');
      expect(wins).toContain('Café with Ana');
      const reflection = (await a.db.reflections.toArray()).find((r) => r.triggers.some((t) => t.startsWith('Payday')))!;
      expect(reflection.triggers).toContain('Payday Friday');
      expect(reflection.helped).toBe('Walked\nthen called');
      expect((await a.db.plan.toArray()).flatMap((p) => p.steps)).toContain('Call Sam');
      await expectWithinRules(a);
      await expectRoundTrip(a, b);
      // A second import of the old file changes nothing.
      const before = await contents(a);
      expect(await applyImport(a.db, a.store, await readBackup(new Uint8Array(raw), { now }))).toMatchObject({ new: 0, updated: 0, deleted: 0 });
      expect(await contents(a)).toEqual(before);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// f. A store an older version (schema v2) kept, with records outside today's rules

describe('f. upgrading a v2 store that holds records outside the rules', () => {
  const NOW = Date.UTC(2026, 11, 1, 12);
  const T = Date.UTC(2026, 10, 20, 9);
  const H = 3_600_000;
  const base = (id: string, at: number) => ({ id, createdAt: at, updatedAt: at, deletedAt: null });
  const at1980 = Date.UTC(1980, 4, 1, 9);
  const old = {
    checkins: [
      // Saved by a device whose clock read 1980 (the old app didn't clamp).
      { ...base('c-1980', at1980), at: at1980, day: '1980-05-01', utcOffset: 120, timeZone: 'Europe/Madrid', mood: 2, win: '', tags: ['tired'] },
      { ...base('c-isolate', T), at: T, day: '2026-11-20', utcOffset: 60, timeZone: 'Europe/Madrid', mood: 4, win: 'Called \u2068Sam\u2069 back', tags: [] },
      { ...base('c-plain', T + H), at: T + H, day: '2026-11-20', utcOffset: 60, timeZone: 'Europe/Madrid', mood: 5, win: 'Took the stairs', tags: [] },
      // A micro-win of only invisible characters: it counted as a win, and no longer does.
      { ...base('c-invisible', T + 2 * H), at: T + 2 * H, day: '2026-11-20', utcOffset: 60, timeZone: 'Europe/Madrid', mood: 3, win: '\u200b\u2068', tags: [] },
    ],
    reflections: [
      { ...base('r-1', T), at: T, day: '2026-11-20', utcOffset: 60, timeZone: 'Europe/Madrid', kind: 'near-miss', triggers: ['lonely', 'Payday \u202eFriday', '\u200b'], strength: 8, strengthAfter: 3, steps: [], helped: 'Walked\r\nthen called', nextTime: '', moodNow: 3, urgeSurfMinutes: null },
    ],
    plan: [{ ...base('p-zw', T), trigger: '\u200b', steps: ['Call \u2068Sam\u2069'], order: 0 }],
    values: [{ ...base('v-1', T), kind: 'value', text: 'Honesty', order: 0 }],
    contacts: [
      // Edited on a device whose clock was set to 2100: far ahead of this one.
      { ...base('k-future', TIME_MAX), role: 'mentor', name: 'Sam', phone: '+34 600 123 456', note: '', order: 0 },
      { ...base('k-988', T), role: 'helpline', name: 'Crisis line', phone: '988 or text 741741', note: 'Any time', order: 1 },
    ],
    shares: [{ ...base('s-2150', Date.UTC(2150, 0, 1)), mentorName: 'Sam', periodDays: 30, contents: ['mood chart'], expiresAt: Date.UTC(2150, 0, 15), withPassphrase: false, linkLength: 900 }],
  };

  /** A store as the v2 release's Dexie declaration made it, holding `records`. */
  async function writeV2(name: string, records: Record<string, unknown[]>): Promise<void> {
    const v2 = new Dexie(name);
    v2.version(1).stores({ checkins: 'id, day, at, updatedAt' });
    v2.version(2).stores({
      checkins: 'id, day, at, updatedAt',
      reflections: 'id, day, at, updatedAt',
      plan: 'id, updatedAt',
      values: 'id, updatedAt',
      contacts: 'id, updatedAt',
      shares: 'id, createdAt, updatedAt',
      dayStats: 'day',
    });
    await v2.open();
    for (const [table, rows] of Object.entries(records)) await v2.table(table).bulkPut(rows);
    v2.close();
  }

  it('brings every record within the rules, drops none, reports the changes, and exports to a file that imports', async () => {
    const name = `inv-upgrade-${n++}`;
    await writeV2(name, old);

    const clock = frozenClock(NOW, 'Europe/Madrid');
    const a = await device(clock, name);
    try {
      expect(a.db.verno).toBe(SCHEMA_VERSION);
      for (const [table, rows] of Object.entries(old)) {
        expect((await a.db.table(table).toArray()).map((r: { id: string }) => r.id).sort(), table).toEqual(rows.map((r) => r.id).sort());
      }
      await expectWithinRules(a);

      const c1980 = (await a.db.checkins.get('c-1980'))!;
      expect(c1980).toMatchObject({ at: TIME_MIN, createdAt: TIME_MIN, updatedAt: TIME_MIN, mood: 2, tags: ['tired'] });
      // On its day under the person's day-start hour (the default 4: no settings were saved).
      expect.soft(c1980.day).toBe(dayKeyAtOffset(TIME_MIN, 120, 4));
      expect((await a.db.checkins.get('c-isolate'))!.win).toBe('Called Sam back');
      expect((await a.db.checkins.get('c-invisible'))!.win).not.toContain('\u2068');
      expect((await a.db.plan.get('p-zw'))!).toMatchObject({ trigger: '…', steps: ['Call Sam'] });
      expect((await a.db.reflections.get('r-1'))!).toMatchObject({ triggers: ['lonely', 'Payday Friday'], helped: 'Walked\nthen called' });
      expect((await a.db.contacts.get('k-future'))!).toMatchObject({ updatedAt: NOW, createdAt: NOW, phone: '+34 600 123 456' });
      expect((await a.db.contacts.get('k-988'))!).toMatchObject({ phone: '', note: '988 or text 741741\nAny time' });
      expect((await a.db.shares.get('s-2150'))!).toMatchObject({ expiresAt: TIME_MAX, createdAt: NOW });

      const [report] = await a.db.upgrades.toArray();
      expect(report).toMatchObject({ version: 3, at: NOW, seenAt: null, records: { checkins: 3, reflections: 1, plan: 1, contacts: 2, shares: 1 } });
      expect(Object.keys(report!.changes).sort()).toEqual(['emptyEntryRemoved', 'futureStamp', 'instantMoved', 'phoneMoved', 'textFilled', 'textTidied'].sort());

      // Day totals agree with the check-ins as they are now.
      const checkins = (await a.db.checkins.toArray()) as Checkin[];
      const days = [...new Set(checkins.map((c) => c.day))];
      const expected = days.map((d) => computeDayStat(d, checkins)).filter((s) => s !== null);
      expect(byKey(await a.db.dayStats.toArray())).toEqual(byKey(expected));
      expect((await a.db.dayStats.get('2026-11-20'))!).toMatchObject({ count: 3 });

      await withDevices(1, clock, async (b) => expectRoundTrip(a, b));
      await expectMentorLinkOpens(a, 'Alex');
    } finally {
      await a.db.delete();
    }
  });

  it('stores a dialable phone without the chat-app marks around it (the only change in its record)', async () => {
    const name = `inv-upgrade-${n++}`;
    await writeV2(name, { contacts: [{ ...base('k-marks', T), role: 'mentor', name: 'Sam', phone: '\u2068+34 600 123 456\u2069', note: '', order: 0 }] });
    const clock = frozenClock(NOW, 'Europe/Madrid');
    const a = await device(clock, name);
    try {
      expect((await a.db.contacts.get('k-marks'))!.phone).toBe('+34 600 123 456');
      expect(await a.db.upgrades.toArray()).toMatchObject([{ version: 3, records: { contacts: 1 } }]);
      await expectWithinRules(a);
    } finally {
      await a.db.delete();
    }
  });
});
