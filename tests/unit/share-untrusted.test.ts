import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../lib/errors';
import { decodeFragment, encodeFragment } from '../../lib/share/link';
import { LinkError, type LinkErrorKind } from '../../lib/share/linkErrors';
import { messages as english } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';
import { createFmt } from '../../components/i18n/fmt';
import { LIMITS } from '../../lib/share/limits';
import { createMenteeList, menteeKey } from '../../lib/share/menteeList';
import type { Snapshot } from '../../lib/share/model';
import { parseSnapshot } from '../../lib/share/schema';

// A validly sealed link is still untrusted: anyone can mint one with a key of their own.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-27T15:00:00Z');
const en = english(createFmt('en')).share;
const es = spanish(createFmt('es')).share;

function sample(over: Partial<Snapshot> = {}): Snapshot {
  return {
    name: 'Sam',
    createdAt: NOW,
    expiresAt: NOW + 14 * DAY,
    period: 7,
    lastDay: '2026-11-27',
    streak: { current: 3, best: 9 },
    checkins: [1, 0, 2, 3, 0, 1, 2],
    mood: [30, 0, 25, 40, 0, 50, 35],
    wins: [{ day: 6, text: 'Walked home' }],
    reflections: { nearMisses: 0, setbacks: 0 },
    ...over,
  };
}

/** Seals the snapshot as any Tandem (or anyone with a key of their own) would, and opens it. */
async function open(snapshot: Snapshot, now = NOW): Promise<Snapshot | LinkErrorKind> {
  try {
    return await decodeFragment(await encodeFragment(snapshot), { now });
  } catch (err) {
    if (err instanceof LinkError) return err.kind;
    throw err;
  }
}

let n = 0;
function freshList() {
  const name = `untrusted-list-${n++}`;
  const store = () => createStore(name, 'mentees');
  const list = createMenteeList(store, async () => (await indexedDB.databases()).some((d) => d.name === name));
  return { list, store };
}

describe('a link dated after today', () => {
  it('is refused with a message a mentor can act on when made more than a day ahead of the reader’s clock', async () => {
    const future = sample({ createdAt: NOW + 2 * DAY, expiresAt: NOW + 9 * DAY });
    expect(await open(future)).toBe('from-the-future');
    expect(await open(sample({ createdAt: Date.parse('2200-01-01T00:00:00Z'), expiresAt: Date.parse('2200-01-08T00:00:00Z') }))).toBe(
      'from-the-future',
    );
    expect(await open(sample({ createdAt: NOW + DAY + 1 }))).toBe('from-the-future');
    // A clock a little off, or a time zone set wrong, still opens.
    const soon = sample({ createdAt: NOW + 23 * HOUR, expiresAt: NOW + 8 * DAY });
    expect(await open(soon)).toEqual(soon);
    expect(await open(sample({ createdAt: NOW + DAY, expiresAt: NOW + 8 * DAY }))).toEqual(
      sample({ createdAt: NOW + DAY, expiresAt: NOW + 8 * DAY }),
    );
    // The same link opens once the reader's clock has caught up.
    expect(await open(future, NOW + DAY)).toEqual(future);
  });

  it('says so plainly, without technical words', () => {
    const message = en.linkErrors[new LinkError('from-the-future').kind];
    expect(message).toBe(
      'This link says it was made after today, so the clock on the sender’s device may be wrong. Ask them to check it and send a new link.',
    );
    for (const words of [en.linkErrors, es.linkErrors]) {
      expect(words['from-the-future']).not.toMatch(/GCM|base64|decrypt|JSON|schema|error|createdAt/i);
      expect(new Set(Object.values(words)).size).toBe(Object.keys(words).length);
    }
  });

  it('is never kept in the mentor’s list, so the next real link from that person still shows its changes', async () => {
    const { list } = freshList();
    const poison = sample({ createdAt: Date.parse('2200-01-01T00:00:00Z'), expiresAt: Date.parse('2200-01-08T00:00:00Z') });
    await expect(list.keep(poison, NOW)).rejects.toThrow(ValidationError);
    await expect(list.keep(poison, NOW)).rejects.toMatchObject({ problem: { code: 'share.fromTheFuture' } });
    expect(en.problems['share.fromTheFuture']({ code: 'share.fromTheFuture' })).toBe(en.linkErrors['from-the-future']);
    await expect(list.keep(sample({ createdAt: NOW + 2 * DAY, expiresAt: NOW + 9 * DAY }), NOW)).rejects.toThrow(ValidationError);
    expect(await list.load(NOW)).toEqual({ kept: [], expired: 0 });

    const first = await list.keep(sample(), NOW);
    expect(first.changes).toBeNull();
    const second = await list.keep(sample({ createdAt: NOW + DAY, expiresAt: NOW + 15 * DAY, streak: { current: 4, best: 9 } }), NOW + DAY);
    expect(second.snapshot.createdAt).toBe(NOW + DAY);
    expect(second.changes?.[0]).toEqual({ kind: 'streak', from: 3, to: 4 });
  });

  it('kept by an older version, is dropped when the list is loaded, and real links are kept again', async () => {
    const { list, store } = freshList();
    const poison = sample({ createdAt: Date.parse('2200-01-01T00:00:00Z'), expiresAt: Date.parse('2200-01-08T00:00:00Z') });
    await set(menteeKey('Sam'), { name: 'Sam', snapshot: poison, changes: null, keptAt: NOW - DAY }, store());
    await list.keep(sample({ name: 'Jo' }), NOW);
    const loaded = await list.load(NOW);
    expect(loaded.kept.map((k) => k.name)).toEqual(['Jo']);
    expect(loaded.expired).toBe(0);
    const real = await list.keep(sample(), NOW);
    expect(real.snapshot.createdAt).toBe(NOW);
    expect((await list.load(NOW)).kept.map((k) => [k.name, k.snapshot.createdAt])).toEqual([
      ['Jo', NOW],
      ['Sam', NOW],
    ]);
  });
});

describe('the texts in a link', () => {
  it('refuses a name made only of invisible characters', async () => {
    for (const name of ['\u200b\u2060', ' ', '\u00a0\u3000', '\u3164', '\u200d\ufe0f', '\u0301']) {
      expect(await open(sample({ name })), JSON.stringify(name)).toBe('invalid');
    }
    for (const text of ['\u200b', '  ']) {
      expect(await open(sample({ wins: [{ day: 6, text }] })), JSON.stringify(text)).toBe('invalid');
      expect(await open(sample({ plan: [{ trigger: text, steps: [] }] })), JSON.stringify(text)).toBe('invalid');
    }
    // Optional texts may be empty, as before.
    const empty = sample({ reflections: { nearMisses: 1, setbacks: 0, items: [{ day: 1, kind: 'near-miss', triggers: ['Tired'], helped: '', nextTime: '' }] } });
    expect(await open(empty)).toEqual(empty);
  });

  it('counts characters as a person does: 280 emoji fit in a micro-win of 280', async () => {
    const emoji = '🌱'.repeat(LIMITS.winText);
    expect(emoji.length).toBe(2 * LIMITS.winText);
    const win = sample({ wins: [{ day: 6, text: emoji }], name: '👩🏽'.repeat(LIMITS.name / 2) });
    expect(await open(win)).toEqual(win);
    expect(await open(sample({ wins: [{ day: 6, text: `${emoji}🌱` }] }))).toBe('invalid');
    expect(await open(sample({ name: 'x'.repeat(LIMITS.name + 1) }))).toBe('invalid');
    // A lone half of an emoji is not text.
    expect(parseSnapshot(sample({ name: 'Sam\ud83c' }))).toBeNull();
  });

  it('is no stricter than before: newlines, tabs and names with visible text open as they always have', async () => {
    const older = sample({
      name: 'Ana\tMaría',
      wins: [{ day: 6, text: 'Two lines\nof a win' }, { day: 5, text: ' padded ' }],
      plan: [{ trigger: 'After\nwork', steps: ['Call\tJo'] }],
    });
    expect(await open(older)).toEqual(older);
    expect(await open(sample({ name: '\u200bSam' }))).toEqual(sample({ name: '\u200bSam' }));
    // Still refused, as before: controls and bidirectional characters.
    expect(await open(sample({ name: 'Sam\u202Eevil' }))).toBe('invalid');
    expect(await open(sample({ name: 'Sam\u2066x\u2069' }))).toBe('invalid');
  });
});

describe('one person, however their name is typed', () => {
  it('treats "Ana" and "ANA" as one entry, and "Ána" composed or decomposed as one', async () => {
    const composed = 'Ána';
    const decomposed = 'A\u0301na';
    expect(decomposed).not.toBe(composed);
    expect(menteeKey(decomposed)).toBe(menteeKey(composed));
    expect(menteeKey('ÁNA')).toBe(menteeKey(decomposed));
    expect(menteeKey('Ana')).toBe(menteeKey(' ANA '));

    const { list } = freshList();
    await list.keep(sample({ name: decomposed }), NOW);
    const later = await list.keep(sample({ name: 'ÁNA', createdAt: NOW + HOUR, streak: { current: 4, best: 9 } }), NOW + HOUR);
    expect(later.changes?.[0]).toEqual({ kind: 'streak', from: 3, to: 4 });
    await list.keep(sample({ name: 'Ana' }), NOW + HOUR);
    await list.keep(sample({ name: 'ANA' }), NOW + HOUR);
    const { kept } = await list.load(NOW + HOUR);
    // Two people ("Ana" and "Ána" are different names), each shown as their newest link spells it.
    expect(kept.map((k) => k.name)).toEqual(['ANA', 'ÁNA']);
    await list.remove(composed);
    expect((await list.load(NOW + HOUR)).kept.map((k) => k.name)).toEqual(['ANA']);
  });
});
