import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCheckinService } from '../../lib/checkins';
import type { Clock } from '../../lib/clock';
import { addDays, instantAt } from '../../lib/days';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { ValidationError } from '../../lib/errors';
import { createKeyValueStore } from '../../lib/kv';
import { createShareService, shareProblems, type ShareRequest } from '../../lib/shares';
import { messages } from '../../components/i18n/en';
import { createFmt } from '../../components/i18n/fmt';
import { decodeFragment, encodeLink } from '../../lib/share/link';
import { parseSnapshot } from '../../lib/share/schema';
import { fragmentLength } from '../../lib/share/plain';
import { buildSnapshot, DEFAULT_CHOICES, FRAGMENT_BUDGET, type ShareChoices } from '../../lib/share/snapshot';
import { createStore } from 'idb-keyval';
import { busyHistory, reflection, rng } from '../fixtures/shareHistory';

const APP_URL = 'http://127.0.0.1:4173/';
const en = messages(createFmt('en')).share;
const choices = (over: Partial<ShareChoices> = {}): ShareChoices => ({ ...DEFAULT_CHOICES, name: 'Sam', ...over });

describe('snapshot builder', () => {
  it('keeps per-day counts and average moods of the period only, oldest first', () => {
    const source = busyHistory(1, { days: 40, perDay: 3, wins: 0 });
    const { snapshot } = buildSnapshot(source, choices({ period: 7 }));
    expect(snapshot.checkins).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(snapshot.mood).toHaveLength(7);
    const last = source.dayStats.find((s) => s.day === '2026-11-27')!;
    expect(snapshot.mood![6]).toBe(Math.round((last.moodSum / last.count) * 10));
    expect(snapshot.lastDay).toBe('2026-11-27');
    expect(snapshot.streak.best).toBeGreaterThanOrEqual(40);
    expect(parseSnapshot(snapshot)).toEqual(snapshot);
  });

  it('shares only what was ticked: no mood, no wins, reflection counts without their words, no plan', () => {
    const source = {
      ...busyHistory(2, { days: 10, wins: 3 }),
      reflections: [reflection('2026-11-26', 'near-miss', 'Walked it off'), reflection('2026-11-20', 'setback', 'Told my sponsor')],
      plan: [{ id: 'p', trigger: 'Payday', steps: ['Call Jo'], order: 0, createdAt: 0, updatedAt: 0, deletedAt: null }],
    };
    const { snapshot } = buildSnapshot(source, choices({ include: { mood: false, wins: false, reflectionTexts: false, plan: false } }));
    expect(snapshot).not.toHaveProperty('mood');
    expect(snapshot).not.toHaveProperty('wins');
    expect(snapshot).not.toHaveProperty('plan');
    expect(snapshot.reflections).toEqual({ nearMisses: 1, setbacks: 1 });
    expect(JSON.stringify(snapshot)).not.toMatch(/Walked it off|Told my sponsor|Payday|Call Jo/);

    const all = buildSnapshot(source, choices({ include: { mood: true, wins: true, reflectionTexts: true, plan: true } })).snapshot;
    expect(all.reflections.items!.map((r) => r.helped)).toEqual(['Walked it off', 'Told my sponsor']);
    expect(all.plan).toEqual([{ trigger: 'Payday', steps: ['Call Jo'] }]);
    expect(all.wins).toHaveLength(3);
  });

  it('leaves out deleted reflections and ones outside the period', () => {
    const gone = { ...reflection('2026-11-25', 'setback', 'deleted'), deletedAt: 1 };
    const old = reflection('2026-09-01', 'near-miss', 'too old');
    const source = { ...busyHistory(3, { days: 5, wins: 0 }), reflections: [gone, old] };
    expect(buildSnapshot(source, choices()).snapshot.reflections).toEqual({ nearMisses: 0, setbacks: 0 });
  });

  it('puts in the newest micro-wins that fit, and says how many were left out', () => {
    const source = busyHistory(4, { days: 30, wins: 60, winLength: 200 });
    const { snapshot, omitted } = buildSnapshot(source, choices());
    expect(snapshot.wins!.length).toBeGreaterThan(0);
    expect(snapshot.wins!.length + omitted.wins).toBe(60);
    expect(snapshot.wins![0]!.day).toBe(29);
    const days = snapshot.wins!.map((w) => w.day);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
  });

  it('skips a text too long for what is left, so one long text does not keep out shorter ones', () => {
    const source = {
      ...busyHistory(5, { days: 30, wins: 0 }),
      reflections: [
        reflection('2026-11-27', 'setback', 'x'.repeat(1000)),
        reflection('2026-11-26', 'near-miss', 'Went for a run'),
        { ...reflection('2026-11-25', 'near-miss', 'Texted Jo'), triggers: Array.from({ length: 13 }, (_, i) => `t${i}`) },
      ],
    };
    const include = { ...DEFAULT_CHOICES.include, reflectionTexts: true };
    const { snapshot, omitted } = buildSnapshot(source, choices({ include }));
    expect(snapshot.reflections.items!.map((r) => r.helped)).toEqual(['Went for a run']);
    // Too long for the budget, and more triggers than a link may carry: both said to be left out.
    expect(omitted.reflections).toBe(2);
    expect(snapshot.reflections).toMatchObject({ nearMisses: 2, setbacks: 1 });
  });

  it('never builds a snapshot its own viewer would refuse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom(7 as const, 30 as const, 90 as const),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 400 }),
        (seed, period, wins, winLength) => {
          const source = {
            ...busyHistory(seed, { days: 100, perDay: 1 + (seed % 7), wins, winLength }),
            reflections: [reflection('2026-11-27', 'setback', 'x'.repeat(winLength * 2))],
          };
          const include = { mood: true, wins: true, reflectionTexts: true, plan: true };
          const { snapshot } = buildSnapshot(source, { name: 'Sam', period, expiryDays: 90, include });
          expect(parseSnapshot(snapshot)).toEqual(snapshot);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('link size budgets', () => {
  it('keeps any link within 2,000 (7 and 30 days) or 4,000 characters (90), whatever is ticked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1e9 }), fc.constantFrom(7 as const, 30 as const, 90 as const), async (seed, period) => {
        // The worst case: every text at its longest, in characters that do not compress.
        const next = rng(seed);
        const noise = (n: number) => Array.from({ length: n }, () => String.fromCharCode(33 + Math.floor(next() * 90))).join('');
        const source = busyHistory(seed, { days: 120, perDay: 12, wins: 0 });
        const wins = Array.from({ length: 120 }, (_, i) => ({ day: addDays(source.today, -(i % period)), at: -i, text: noise(280) }));
        const reflections = Array.from({ length: 60 }, (_, i) => reflection(addDays(source.today, -(i % period)), 'setback', noise(i % 2 ? 1000 : 300), -i));
        const plan = Array.from({ length: 50 }, (_, i) => ({
          id: `${i}`, trigger: noise(200), steps: [noise(200), noise(200)], order: i, createdAt: 0, updatedAt: 0, deletedAt: null,
        }));
        const include = { mood: true, wins: true, reflectionTexts: true, plan: true };
        const { snapshot, omitted } = buildSnapshot({ ...source, wins, reflections, plan }, { name: noise(60), period, expiryDays: 90, include });
        expect(fragmentLength(snapshot)).toBeLessThanOrEqual(FRAGMENT_BUDGET[period]);
        expect(snapshot.wins!.length + omitted.wins).toBe(120);
        expect(snapshot.reflections.items!.length + omitted.reflections).toBe(60);
        expect(snapshot.plan!.length + omitted.plan).toBe(50);
        const link = await encodeLink(snapshot, { appUrl: APP_URL });
        expect(link.length).toBeLessThanOrEqual(period === 90 ? 4000 : 2000);
        expect(new URL(link).hash.length - 1).toBe(fragmentLength(snapshot));
      }),
      { numRuns: 12 },
    );
  });

  // The busy person: five check-ins a day, ten micro-wins of 60 characters a month.
  async function length(period: 7 | 30 | 90, seed: number, passphrase = ''): Promise<number> {
    const wins = Math.round((10 * period) / 30);
    const { snapshot } = buildSnapshot(busyHistory(seed, { days: 120, wins, winLength: 60, winSpan: period }), choices({ period }));
    expect(snapshot.wins).toHaveLength(wins);
    const link = await encodeLink(snapshot, { appUrl: APP_URL, passphrase });
    expect(await decodeFragment(new URL(link).hash, { now: snapshot.createdAt, passphrase })).toEqual(snapshot);
    return link.length;
  }

  it('a busy 30-day snapshot makes a link of at most 2,000 characters', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 1e9 }), async (seed) => {
      expect(await length(30, seed)).toBeLessThanOrEqual(2000);
    }), { numRuns: 25 });
  });

  it('a busy 90-day snapshot makes a link of at most 4,000 characters', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 1e9 }), async (seed) => {
      expect(await length(90, seed)).toBeLessThanOrEqual(4000);
    }), { numRuns: 25 });
  });

  it('a passphrase link carries salt and iterations (20 bytes) instead of the key (32 bytes)', async () => {
    const lengths: Record<string, number> = {};
    for (const period of [7, 30, 90] as const) {
      lengths[`${period} days`] = await length(period, 42);
      lengths[`${period} days, passphrase`] = await length(period, 42, 'river lamp orange');
      expect(lengths[`${period} days, passphrase`]! - lengths[`${period} days`]!).toBe(-16);
    }
    expect(lengths['30 days, passphrase']).toBeLessThanOrEqual(2000);
    expect(lengths['90 days, passphrase']).toBeLessThanOrEqual(4000);
    // Measured lengths, for the record (docs/share-link.md quotes them).
    console.info('mentor link lengths', lengths);
  }, 30_000);
});

describe('share service', () => {
  let db: TandemDatabase;
  let n = 0;
  const at = instantAt('2026-11-27', 15 * 60, 'Europe/Berlin');
  const clock: Clock = { now: () => at, timeZone: () => 'Europe/Berlin' };
  const request = (over: Partial<ShareRequest> = {}): ShareRequest => ({
    ...choices(),
    mentorName: 'Alex',
    passphrase: '',
    ...over,
  });

  beforeEach(() => {
    db = openDatabase(`share-${n++}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  function services() {
    const store = createKeyValueStore(db, createStore(`share-kv-${n}`, 'values'));
    return {
      checkins: createCheckinService({ db, clock, dayStartHour: async () => 4 }),
      shares: createShareService({ db, store, clock }),
    };
  }

  it('explains every problem with a request at once', async () => {
    expect(shareProblems(request())).toEqual([]);
    const problems = shareProblems(request({ name: ' ', mentorName: '', passphrase: 'short', period: 14 as 7, expiryDays: 3 as 1 }));
    expect(problems).toEqual([
      { code: 'share.nameMissing' },
      { code: 'share.mentorMissing' },
      { code: 'share.period', periods: [7, 30, 90] },
      { code: 'share.expiry', days: [1, 7, 14, 30, 90] },
      { code: 'share.passphraseShort', min: 8 },
    ]);
    expect(shareProblems(request({ name: 'x'.repeat(61), passphrase: 'p'.repeat(201) }))).toEqual([
      { code: 'share.nameTooLong', max: 60 },
      { code: 'share.passphraseLong', max: 200 },
    ]);
    const { shares } = services();
    const err = await shares.create(request({ mentorName: '', passphrase: 'short' }), APP_URL).catch((e: unknown) => e);
    expect(err).toMatchObject({ problem: { code: 'share.request', problems: [{ code: 'share.mentorMissing' }, { code: 'share.passphraseShort', min: 8 }] } });
    // The English catalogue says all of them at once.
    expect(en.problems['share.request']((err as ValidationError).problem as never)).toBe(
      'Write your mentor’s name, so you know later who has this link. A passphrase needs at least 8 characters; three short words work well.',
    );
    expect(en.problems['share.period']({ code: 'share.period', periods: [7, 30, 90] })).toBe('Pick a period of 7, 30, or 90 days.');
    expect(en.problems['share.expiry']({ code: 'share.expiry', days: [1, 7, 14, 30, 90] })).toBe('Pick how long the link works: 1, 7, 14, 30, or 90 days.');
  });

  it('makes the link from what the preview showed, or refuses when the records changed since', async () => {
    const { checkins, shares } = services();
    await checkins.add({ mood: 4 });
    const preview = await shares.draft(request());
    const created = await shares.create({ ...request(), previewed: preview.snapshot }, APP_URL);
    const opened = await decodeFragment(new URL(created.link).hash, { now: at });
    expect({ ...opened, createdAt: 0, expiresAt: 0 }).toEqual({ ...preview.snapshot, createdAt: 0, expiresAt: 0 });

    const stale = await shares.draft(request());
    await checkins.add({ mood: 2 });
    const before = await db.shares.count();
    await expect(shares.create({ ...request(), previewed: stale.snapshot }, APP_URL)).rejects.toMatchObject({ problem: { code: 'share.previewChanged' } });
    expect(en.problems['share.previewChanged']({ code: 'share.previewChanged' })).toMatch(/changed since the preview/);
    expect(await db.shares.count()).toBe(before);
  });

  it('creates a link from the records, logs what went out, and refuses a bad request with a message', async () => {
    const { checkins, shares } = services();
    const c = await checkins.add({ mood: 4 });
    await checkins.setWin(c.id, 'Took the long way home');
    await db.checkins.add({ ...c, id: 'yesterday', day: addDays(c.day, -1), at: c.at - 86_400_000, win: '' });
    await db.dayStats.put({ day: addDays(c.day, -1), count: 1, moodSum: 2, moodMin: 2, moodMax: 2, wins: 0, tags: {}, hourSum: [], hourCount: [] });

    const created = await shares.create(request({ expiryDays: 7 }), APP_URL);
    expect(created.link.startsWith(`${APP_URL}viewer.html#`)).toBe(true);
    const snapshot = await decodeFragment(new URL(created.link).hash, { now: at });
    expect(snapshot).toMatchObject({ name: 'Sam', period: 30, streak: { current: 2, best: 2 }, wins: [{ day: 29, text: 'Took the long way home' }] });
    expect(snapshot.checkins.slice(-2)).toEqual([1, 1]);
    expect(snapshot.expiresAt).toBe(at + 7 * 86_400_000);

    const log = await shares.log();
    expect(log).toEqual([created.entry]);
    expect(created.entry).toMatchObject({
      mentorName: 'Alex',
      periodDays: 30,
      expiresAt: at + 7 * 86_400_000,
      withPassphrase: false,
      linkLength: created.link.length,
      contents: [{ kind: 'checkinDays' }, { kind: 'mood' }, { kind: 'wins', count: 1 }, { kind: 'reflectionCounts' }],
    });
    // Facts in the log, worded by the catalogue as the log always read in English.
    expect(en.logContents(created.entry.contents)).toBe('Contains: check-in days and streak, mood chart, micro-win texts (1), number of near misses and setbacks.');
    expect(JSON.stringify(log)).not.toContain(new URL(created.link).hash.slice(1, 20));

    await expect(shares.create(request({ mentorName: '  ' }), APP_URL)).rejects.toBeInstanceOf(ValidationError);
    expect(await shares.log()).toHaveLength(1);
    await shares.forget(created.entry.id);
    expect(await shares.log()).toEqual([]);
  });

  it('says plainly that links need https where the browser cannot encrypt, and logs nothing', async () => {
    const { shares } = services();
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real), randomUUID: real.randomUUID.bind(real) });
    try {
      const err = await shares.create(request(), APP_URL).then(() => null, (e: unknown) => e);
      expect(err).toMatchObject({ problem: { code: 'share.needsHttps' } });
      expect(en.problems['share.needsHttps']({ code: 'share.needsHttps' })).toMatch(/^Links can’t be made on this page: browsers only encrypt on secure \(https\) pages\./);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(await shares.log()).toEqual([]);
  });
});
