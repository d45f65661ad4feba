import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANGE_WINDOW_MS, changesCheckin, createCheckinService, MAX_WIN_LENGTH } from '../../lib/checkins';
import type { Clock } from '../../lib/clock';
import { frozenClock } from './helpers';
import { instantAt } from '../../lib/days';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { ServiceError, StorageError, userMessage, ValidationError, type Problem } from '../../lib/errors';
import { createFmt } from '../../components/i18n/fmt';
import { createReminderClient } from '../../lib/messages';
import { messages as english } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';

/** How a page words a check-in problem, in English and in Spanish. */
function worded(problem: Problem, say = english(createFmt('en')).main.problems): string {
  const fn = (say as unknown as Record<string, ((p: Problem) => string) | undefined>)[problem.code];
  if (!fn) throw new Error(`no words for ${problem.code}`);
  return fn(problem);
}

let db: TandemDatabase;
let n = 0;

beforeEach(() => {
  db = openDatabase(`test-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

function service(clock: Clock, dayStartHour = 4, onWrite?: () => void) {
  return createCheckinService({ db, clock, dayStartHour: async () => dayStartHour, onWrite });
}

describe('check-in records', () => {
  it('stores a check-in with a random id, its local day and the UTC offset of the moment', async () => {
    const at = instantAt('2026-03-10', 10 * 60 + 30, 'Europe/Berlin');
    const checkins = service(frozenClock(at, 'Europe/Berlin'));
    const a = await checkins.add({ mood: 4, tags: ['tired'] });
    const b = await checkins.add({ mood: 2 });
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).toMatchObject({
      at,
      day: '2026-03-10',
      utcOffset: 60,
      timeZone: 'Europe/Berlin',
      mood: 4,
      win: '',
      tags: ['tired'],
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    });
    expect(await db.checkins.get(a.id)).toEqual(a);
  });

  it('puts a late-night check-in on the day that is still going on', async () => {
    const at = instantAt('2026-03-11', 90, 'Europe/Berlin'); // 01:30 Wednesday
    const c = await service(frozenClock(at, 'Europe/Berlin'), 4).add({ mood: 3 });
    expect(c.day).toBe('2026-03-10');
  });

  it('keeps the day a record was written on after the person travels', async () => {
    const at = instantAt('2026-06-01', 20 * 60, 'America/Los_Angeles');
    const clock = frozenClock(at, 'America/Los_Angeles');
    const checkins = service(clock);
    const c = await checkins.add({ mood: 3 });
    clock.set(at + 3_600_000, 'Pacific/Auckland');
    await checkins.update(c.id, { win: 'Called my sister' });
    const stored = await db.checkins.get(c.id);
    expect(stored?.day).toBe('2026-06-01');
    expect(stored?.utcOffset).toBe(-420);
    expect(await checkins.onDay('2026-06-01')).toHaveLength(1);
  });

  it('refuses moods outside 1–5 and unknown tags without writing anything', async () => {
    const checkins = service(frozenClock(Date.UTC(2026, 0, 5, 12), 'UTC'));
    await expect(checkins.add({ mood: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(checkins.add({ mood: 6 })).rejects.toMatchObject({ problem: { code: 'checkin.mood' } });
    await expect(checkins.add({ mood: 2.5 })).rejects.toMatchObject({ problem: { code: 'checkin.mood' } });
    await expect(checkins.add({ mood: 3, tags: ['bored', 'tired'] })).rejects.toMatchObject({
      problem: { code: 'checkin.unknownTag', tags: ['bored'] },
    });
    expect(await db.checkins.count()).toBe(0);
    expect(worded({ code: 'checkin.mood' })).toBe('Pick a mood from 1 to 5.');
    expect(worded({ code: 'checkin.unknownTag', tags: ['bored'] })).toBe('This tag isn’t one Tandem knows: bored.');
    expect(worded({ code: 'checkin.unknownTag', tags: ['bored', 'sad'] }, spanish(createFmt('es')).main.problems)).toBe(
      'Tandem no conoce estas etiquetas: bored y sad.',
    );
  });

  it('saves a micro-win onto its check-in, trimmed', async () => {
    const checkins = service(frozenClock(Date.UTC(2026, 0, 5, 12), 'UTC'));
    const c = await checkins.add({ mood: 4 });
    const updated = await checkins.setWin(c.id, '  Went for a walk at lunch  ');
    expect(updated.win).toBe('Went for a walk at lunch');
    expect((await db.checkins.get(c.id))?.win).toBe('Went for a walk at lunch');
  });

  it('refuses an empty or over-long micro-win with a message and keeps the stored one', async () => {
    const checkins = service(frozenClock(Date.UTC(2026, 0, 5, 12), 'UTC'));
    const c = await checkins.add({ mood: 4 });
    await checkins.setWin(c.id, 'Drank water');
    await expect(checkins.setWin(c.id, '   ')).rejects.toMatchObject({ problem: { code: 'checkin.winEmpty' } });
    const tooLong = { code: 'checkin.winTooLong', max: MAX_WIN_LENGTH, length: MAX_WIN_LENGTH + 1 };
    await expect(checkins.setWin(c.id, 'x'.repeat(MAX_WIN_LENGTH + 1))).rejects.toMatchObject({ problem: tooLong });
    // An emoji is one character, as the rule counts: 281 of them are 281, not 562.
    await expect(checkins.setWin(c.id, '🙂'.repeat(MAX_WIN_LENGTH + 1))).rejects.toMatchObject({ problem: tooLong });
    expect(worded({ code: 'checkin.winEmpty' })).toMatch(/^Write a few words/);
    expect(worded(tooLong)).toBe('A micro-win can be up to 280 characters; this one has 281. Please shorten it.');
    expect(worded(tooLong, spanish(createFmt('es')).main.problems)).toContain('hasta 280 caracteres; este tiene 281');
    expect((await db.checkins.get(c.id))?.win).toBe('Drank water');
    await expect(checkins.setWin(c.id, 'y'.repeat(MAX_WIN_LENGTH))).resolves.toMatchObject({
      win: 'y'.repeat(MAX_WIN_LENGTH),
    });
  });

  it('edits mood, win and tags and moves updatedAt forward', async () => {
    const clock = frozenClock(Date.UTC(2026, 0, 5, 12), 'UTC');
    const checkins = service(clock);
    const c = await checkins.add({ mood: 2 });
    clock.set(c.at + 60_000);
    const edited = await checkins.update(c.id, { mood: 3, win: 'Asked for help', tags: ['lonely', 'hungry'] });
    expect(edited).toMatchObject({ mood: 3, win: 'Asked for help', tags: ['hungry', 'lonely'] });
    expect(edited.updatedAt).toBe(c.at + 60_000);
    expect(edited.createdAt).toBe(c.createdAt);
  });

  it('moves updatedAt forward even when the clock has gone back', async () => {
    const clock = frozenClock(Date.UTC(2026, 0, 5, 12), 'UTC');
    const checkins = service(clock);
    const c = await checkins.add({ mood: 2 });
    clock.set(c.at - 3_600_000);
    const edited = await checkins.update(c.id, { mood: 5 });
    expect(edited.updatedAt).toBeGreaterThan(c.updatedAt);
  });

  it('soft-deletes: the record stays, marked, and leaves every list; undo brings it back', async () => {
    const clock = frozenClock(Date.UTC(2026, 0, 5, 12), 'UTC');
    const checkins = service(clock);
    const keep = await checkins.add({ mood: 3 });
    clock.set(keep.at + 1000);
    const gone = await checkins.add({ mood: 1 });
    clock.set(keep.at + 2000);
    await checkins.remove(gone.id);

    const stored = await db.checkins.get(gone.id);
    expect(stored?.deletedAt).toBe(keep.at + 2000);
    expect(stored?.updatedAt).toBe(keep.at + 2000);
    expect((await checkins.recent()).map((c) => c.id)).toEqual([keep.id]);
    expect((await checkins.onDay('2026-01-05')).map((c) => c.id)).toEqual([keep.id]);
    expect(await checkins.lastCheckinAt()).toBe(keep.at);
    await expect(checkins.update(gone.id, { mood: 2 })).rejects.toMatchObject({ problem: { code: 'checkin.gone' } });
    await expect(checkins.restore('no-such-id')).rejects.toMatchObject({ problem: { code: 'checkin.gone' } });

    await checkins.restore(gone.id);
    expect((await checkins.recent()).map((c) => c.id)).toEqual([gone.id, keep.id]);
  });

  it('reads one live check-in by id, and nothing for a deleted or unknown one', async () => {
    const clock = frozenClock(Date.UTC(2026, 0, 5, 12), 'UTC');
    const checkins = service(clock);
    const c = await checkins.add({ mood: 3, tags: ['tired'] });
    expect(await checkins.get(c.id)).toEqual(c);
    expect(await checkins.get('no-such-id')).toBeUndefined();
    await checkins.remove(c.id);
    expect(await checkins.get(c.id)).toBeUndefined();
    await checkins.restore(c.id);
    expect(await checkins.get(c.id)).toMatchObject({ id: c.id, mood: 3, deletedAt: null });
  });

  it('a second mood within two minutes changes the check-in; later, or after a delete, it is a new one', async () => {
    const clock = frozenClock(Date.UTC(2026, 0, 5, 12), 'UTC');
    const checkins = service(clock);
    const first = await checkins.add({ mood: 4 });
    expect(changesCheckin(first, first.at)).toBe(true);
    expect(changesCheckin(first, first.at + CHANGE_WINDOW_MS - 1)).toBe(true);
    expect(changesCheckin(first, first.at + CHANGE_WINDOW_MS)).toBe(false);
    // A clock that went back is no reason to overwrite an old check-in.
    expect(changesCheckin(first, first.at - 1)).toBe(false);
    expect(changesCheckin(null, first.at)).toBe(false);
    expect(changesCheckin({ ...first, deletedAt: first.at }, first.at)).toBe(false);
    expect(CHANGE_WINDOW_MS).toBe(2 * 60 * 1000);

    // The panel's 4 then 2, then Undo: one record, mood 2, then 4 again.
    clock.set(first.at + 30_000);
    const changed = await checkins.update(first.id, { mood: 2 });
    expect(await checkins.recent()).toEqual([changed]);
    expect(changed).toMatchObject({ id: first.id, mood: 2, at: first.at, createdAt: first.at });
    const undone = await checkins.update(first.id, { mood: 4 });
    expect(undone.mood).toBe(4);
    expect(await db.checkins.count()).toBe(1);
    // Undo right after the first tap removes the check-in (softly: it can come back).
    await checkins.remove(first.id);
    expect(await checkins.recent()).toEqual([]);
    expect(await checkins.checkinDays()).toEqual([]);
  });

  it('lists days with check-ins once each, without deleted ones', async () => {
    const clock = frozenClock(instantAt('2026-02-02', 600, 'UTC'), 'UTC');
    const checkins = service(clock, 0);
    await checkins.add({ mood: 3 });
    await checkins.add({ mood: 4 });
    clock.set(instantAt('2026-02-03', 600, 'UTC'));
    const only = await checkins.add({ mood: 2 });
    expect((await checkins.checkinDays()).sort()).toEqual(['2026-02-02', '2026-02-03']);
    await checkins.remove(only.id);
    expect(await checkins.checkinDays()).toEqual(['2026-02-02']);
  });

  it('returns recent check-ins newest first, up to the limit', async () => {
    const clock = frozenClock(Date.UTC(2026, 0, 5, 9), 'UTC');
    const checkins = service(clock);
    for (let i = 0; i < 5; i++) {
      clock.set(Date.UTC(2026, 0, 5, 9 + i));
      await checkins.add({ mood: ((i % 5) + 1) as 1 });
    }
    const recent = await checkins.recent(3);
    expect(recent.map((c) => c.at)).toEqual([Date.UTC(2026, 0, 5, 13), Date.UTC(2026, 0, 5, 12), Date.UTC(2026, 0, 5, 11)]);
  });

  it('calls onWrite after each successful write and not after a refused one', async () => {
    let writes = 0;
    const checkins = service(frozenClock(Date.UTC(2026, 0, 5, 12), 'UTC'), 4, () => writes++);
    const c = await checkins.add({ mood: 3 });
    await checkins.setWin(c.id, 'Ate lunch');
    await checkins.remove(c.id);
    await expect(checkins.add({ mood: 9 })).rejects.toThrow();
    expect(writes).toBe(3);
  });
});

describe('storage failures', () => {
  it('reports a full disk as a StorageError with what to do, and stores nothing', async () => {
    const checkins = service(frozenClock(Date.UTC(2026, 0, 5, 12), 'UTC'));
    const original = db.checkins.add.bind(db.checkins);
    db.checkins.add = (() =>
      Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof original;
    const failure = checkins.add({ mood: 3 });
    await expect(failure).rejects.toBeInstanceOf(StorageError);
    await expect(failure).rejects.toThrow(/no room left/);
    db.checkins.add = original;
    expect(await db.checkins.count()).toBe(0);
  });

  it('reports a database held open by an old version as blocked', async () => {
    const checkins = service(frozenClock(Date.UTC(2026, 0, 5, 12), 'UTC'));
    db.close();
    const failure = checkins.add({ mood: 3 });
    await expect(failure).rejects.toMatchObject({ kind: 'blocked' });
  });
});

describe('a new day-start hour', () => {
  it('re-buckets every record from the offset it was written with, without editing it', async () => {
    const clock = frozenClock(instantAt('2026-06-02', 2 * 60 + 30, 'America/Los_Angeles'), 'America/Los_Angeles');
    const checkins = service(clock, 4);
    const late = await checkins.add({ mood: 3 }); // 02:30 Tuesday in LA
    clock.set(instantAt('2026-06-03', 10 * 60, 'Asia/Tokyo'), 'Asia/Tokyo');
    const morning = await checkins.add({ mood: 4 }); // 10:00 Wednesday in Tokyo
    expect(late.day).toBe('2026-06-01');

    await checkins.rebucket(0);
    const afterLate = await db.checkins.get(late.id);
    expect(afterLate).toEqual({ ...late, day: '2026-06-02' });
    expect((await db.checkins.get(morning.id))?.day).toBe('2026-06-03');

    // And back: the same records land where they were.
    await checkins.rebucket(4);
    expect(await db.checkins.get(late.id)).toEqual(late);
    expect(await db.checkins.get(morning.id)).toEqual(morning);
  });
});

describe('messages for people', () => {
  it('passes on messages already written for people, and rewrites raw storage errors', () => {
    expect(userMessage(new ServiceError('Tandem’s reminders did not answer.'))).toBe('Tandem’s reminders did not answer.');
    expect(userMessage(new ValidationError('Pick a mood from 1 to 5.'))).toBe('Pick a mood from 1 to 5.');
    expect(userMessage(new DOMException('x', 'QuotaExceededError'))).toMatch(/no room left/);
    expect(userMessage({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toMatch(/no room left/);
    expect(userMessage(new Error('TypeError at line 3'))).not.toContain('line 3');
  });

  it('says the reminders did not answer as a problem the page words, keeping the detail for the console', async () => {
    const silent = createReminderClient(async () => undefined);
    await expect(silent.status()).rejects.toMatchObject({ problem: { code: 'reminders.noAnswer', detail: 'no answer' } });
    const failing = createReminderClient(async () => ({ error: 'alarms unavailable' }));
    const err = await failing.snooze(30).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toContain('alarms unavailable');
    const text = worded((err as ValidationError).problem);
    expect(text).toMatch(/^Tandem’s reminders did not answer\./);
    expect(text).not.toContain('alarms unavailable');
  });
});
