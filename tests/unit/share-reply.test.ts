import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, randomBytes, toBase64Url } from '../../lib/crypto';
import { FIELDS } from '../../lib/rules/fields';
import { isInvisible, textLength } from '../../lib/rules/text';
import { decodeFragment, openEnvelopeWithKey, parseEnvelope, refuseReply, sealFragment } from '../../lib/share/link';
import { LinkError } from '../../lib/share/linkErrors';
import type { Snapshot } from '../../lib/share/model';
import {
  checkReply,
  linkIdOf,
  openReply,
  parseReply,
  replyLink,
  REPLY_GRACE_MS,
  ReplyError,
  sealReply,
  type Reply,
  type ReplyErrorKind,
} from '../../lib/share/reply';
import { QUICK_WORDS, REPLY_PREFIX, replyPayload } from '../../lib/share/replyFormat';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-27T15:00:00Z');
const APP = 'https://tandem.example/app/';

const snapshot: Snapshot = {
  name: 'Ana',
  createdAt: NOW,
  expiresAt: NOW + 14 * DAY,
  period: 7,
  lastDay: '2026-11-27',
  streak: { current: 5, best: 12 },
  checkins: [0, 2, 3, 1, 5, 2, 4],
  reflections: { nearMisses: 1, setbacks: 0 },
};

const reply = (overrides: Partial<Reply> = {}): Reply => ({
  from: 'Sam',
  sentAt: NOW + DAY,
  note: 'Good to see you showing up every day this week.',
  words: ['proud'],
  ...overrides,
});

async function kindOf(promise: Promise<unknown>): Promise<ReplyErrorKind | 'opened'> {
  try {
    await promise;
    return 'opened';
  } catch (err) {
    if (err instanceof ReplyError) return err.kind;
    throw err;
  }
}

const open = async (fragment: string, linkKey: Uint8Array<ArrayBuffer>, now = NOW + 2 * DAY, expiresAt = snapshot.expiresAt) =>
  openReply(parseReply(fragment), { linkKey, expiresAt }, now);

const visibleText = (max: number) =>
  fc.string({ maxLength: max, unit: 'grapheme' }).filter((s) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s));

const replyArb = fc.record({
  from: visibleText(FIELDS.shareName.max).filter((s) => !isInvisible(s) && textLength(s) <= FIELDS.shareName.max),
  sentAt: fc.integer({ min: NOW, max: NOW + 13 * DAY }),
  note: visibleText(300).filter((s) => textLength(s) <= FIELDS.replyNote.max),
  words: fc.subarray([...QUICK_WORDS]),
}).filter((r) => r.note !== '' || r.words.length > 0);

describe('mentor reply codec', () => {
  it('round-trips random replies under the link’s own key', async () => {
    await fc.assert(
      fc.asyncProperty(replyArb, async (r) => {
        const key = randomBytes(32);
        const fragment = await sealReply(r, key);
        expect(fragment.startsWith(REPLY_PREFIX)).toBe(true);
        expect(await open(fragment, key, r.sentAt)).toEqual(r);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a reply with any single byte changed', async () => {
    const key = randomBytes(32);
    const fragment = await sealReply(reply(), key);
    const bytes = fromBase64Url(fragment.slice(REPLY_PREFIX.length))!;
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const changed = bytes.slice();
        changed[at] = changed[at]! ^ flip;
        const kind = await kindOf(open(REPLY_PREFIX + toBase64Url(changed), key));
        // The id names the link: changed, it names no link this key opens.
        expect(['tampered', 'unknown-link', 'version', 'not-reply']).toContain(kind);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a reply cut short or with a character changed', async () => {
    const key = randomBytes(32);
    const fragment = await sealReply(reply(), key);
    expect(await kindOf(open(fragment.slice(0, -1), key))).not.toBe('opened');
    expect(await kindOf(open(fragment.slice(0, 20), key))).toBe('truncated');
    const last = fragment.at(-1) === 'A' ? 'B' : 'A';
    expect(await kindOf(open(fragment.slice(0, -1) + last, key))).toBe('tampered');
    expect(await kindOf(open(`${fragment}!`, key))).toBe('tampered');
    expect(await kindOf(open('reply=', key))).toBe('truncated');
    expect(await kindOf(open('', key))).toBe('missing');
  });

  it('never opens under another link’s key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), async (a, b) => {
        fc.pre(toBase64Url(a) !== toBase64Url(b));
        const keyA = new Uint8Array(a);
        const keyB = new Uint8Array(b);
        const fragment = await sealReply(reply(), keyA);
        expect(await kindOf(open(fragment, keyB))).toBe('unknown-link');
        // Even with the id rewritten to the other link's, the seal holds.
        const bytes = fromBase64Url(fragment.slice(REPLY_PREFIX.length))!;
        bytes.set(fromBase64Url(await linkIdOf(keyB))!, 2);
        expect(await kindOf(open(REPLY_PREFIX + toBase64Url(bytes), keyB))).toBe('tampered');
      }),
      { numRuns: 40 },
    );
  });

  it('never confuses a reply with a snapshot, either way', async () => {
    const { fragment: snapFragment, linkKey } = await sealFragment(snapshot);
    const replyFragment = await sealReply(reply(), linkKey);
    // A snapshot given to the reply reader, with or without the prefix.
    expect(await kindOf(open(snapFragment, linkKey))).toBe('not-reply');
    expect(await kindOf(open(`https://tandem.example/app/viewer.html#${snapFragment}`, linkKey))).toBe('not-reply');
    expect(await kindOf(open(REPLY_PREFIX + snapFragment, linkKey))).toBe('not-reply');
    // A reply given to the viewer, with or without the prefix.
    expect(() => refuseReply(`#${replyFragment}`)).toThrow(expect.objectContaining({ kind: 'reply' }));
    expect(() => refuseReply(snapFragment)).not.toThrow();
    expect(() => parseEnvelope(replyFragment)).toThrow(expect.objectContaining({ kind: 'tampered' }));
    await expect(decodeFragment(replyFragment.slice(REPLY_PREFIX.length), { now: NOW })).rejects.toBeInstanceOf(LinkError);
    // The same key in both: sealed under the reply label, the snapshot key cannot open it.
    const bytes = fromBase64Url(replyFragment.slice(REPLY_PREFIX.length))!;
    const asSnapshot = new Uint8Array([1, 0, 0, 0, ...linkKey, ...bytes.slice(10)]);
    new DataView(asSnapshot.buffer).setUint16(2, bytes.length - 22);
    await expect(decodeFragment(toBase64Url(asSnapshot), { now: NOW })).rejects.toMatchObject({ kind: 'tampered' });
  });

  it('the link’s key is the one the mentor gets from opening it, with or without a passphrase', async () => {
    const plain = await sealFragment(snapshot);
    expect(toBase64Url((await openEnvelopeWithKey(parseEnvelope(plain.fragment), { now: NOW })).linkKey)).toBe(toBase64Url(plain.linkKey));
    const locked = await sealFragment(snapshot, { passphrase: 'blue kettle morning' });
    const opened = await openEnvelopeWithKey(parseEnvelope(locked.fragment), { now: NOW, passphrase: 'blue kettle morning' });
    expect(toBase64Url(opened.linkKey)).toBe(toBase64Url(locked.linkKey));
    // The mentor seals with what the passphrase gave; the mentee opens with what the log kept.
    const fragment = await sealReply(reply(), opened.linkKey);
    expect(await open(fragment, locked.linkKey)).toEqual(reply());
    expect(await kindOf(open(fragment, plain.linkKey))).toBe('unknown-link');
  });

  it('refuses a reply whose link has long ended, or that was written after it ended', async () => {
    const key = randomBytes(32);
    const fragment = await sealReply(reply(), key);
    expect(await kindOf(open(fragment, key, snapshot.expiresAt + REPLY_GRACE_MS - 1))).toBe('opened');
    expect(await kindOf(open(fragment, key, snapshot.expiresAt + REPLY_GRACE_MS))).toBe('expired');
    const late = await sealReply(reply({ sentAt: snapshot.expiresAt + 2 * DAY }), key);
    expect(await kindOf(open(late, key, snapshot.expiresAt + 3 * DAY))).toBe('expired');
    const ahead = await sealReply(reply({ sentAt: NOW + 5 * DAY }), key);
    expect(await kindOf(open(ahead, key, NOW + 2 * DAY))).toBe('from-the-future');
  });

  it('checks a draft by the one text rule: 1,000 characters counted as code points', () => {
    const emoji = '🌱'.repeat(1000);
    const ok = checkReply({ from: ' Sam ', note: emoji, words: [] }, NOW);
    expect(ok).toEqual({ ok: true, reply: { from: 'Sam', sentAt: NOW, note: emoji, words: [] } });
    expect(checkReply({ from: 'Sam', note: `${emoji}!`, words: [] }, NOW)).toEqual({
      ok: false,
      problems: [{ code: 'reply.noteTooLong', max: 1000, length: 1001 }],
    });
    expect(checkReply({ from: '\u2066\u2069', note: '  ', words: [] }, NOW)).toEqual({
      ok: false,
      problems: [{ code: 'reply.fromMissing' }, { code: 'reply.empty' }],
    });
    // Quick words alone are a reply, in the catalogue's order, each once.
    const words = checkReply({ from: 'Sam', note: '', words: ['together', 'proud', 'proud'] }, NOW);
    expect(words.ok && words.reply.words).toEqual(['proud', 'together']);
  });

  it('a reply link goes to the app beside the viewer, and pasted links are read', async () => {
    const fragment = await sealReply(reply(), randomBytes(32));
    const link = replyLink('https://tandem.example/app/viewer.html', fragment);
    expect(link.startsWith('https://tandem.example/app/#reply=')).toBe(true);
    expect(replyLink(APP, fragment)).toBe(link);
    expect(replyPayload(` ${link} `)).toBe(fragment.slice(REPLY_PREFIX.length));
    expect(replyPayload(fragment)).toBe(fragment.slice(REPLY_PREFIX.length));
    expect(replyPayload('https://tandem.example/app/viewer.html#AQAB')).toBeNull();
    expect(await open(link, fromBase64Url(toBase64Url(randomBytes(32)))!).catch((e: ReplyError) => e.kind)).toBe('unknown-link');
  });

  it('reply links for a 1,000-character note stay well within what apps carry (figures printed)', async () => {
    const figures: Record<string, number> = {};
    // Drawn from a fixed pseudo-random sequence, so repetition does not flatter the compression.
    let seed = 20261202;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const vocabulary = (
      'you did well today this week call me when the meeting felt hard proud of how showed up ' +
      'again small steps count sleep walk talk lunch sister plan next time kind yourself really glad ' +
      'noticed pattern tired evenings shift work together look at it on thursday morning coffee'
    ).split(' ');
    const fill = (pick: () => string) => {
      let text = '';
      while (textLength(text) < 1000) text += pick();
      return [...text].slice(0, 1000).join('');
    };
    // Real prose: the first 1,000 characters of the README's opening.
    const prose = [...readFileSync('README.md', 'utf8').split('\n\n').slice(1, 3).join(' ').replace(/\s+/g, ' ')].slice(0, 1000).join('');
    const notes = {
      'English prose': prose,
      'English words': fill(() => `${vocabulary[next(vocabulary.length)]} `),
      'Spanish with accents': fill(() => `${['ánimo', 'qué', 'orgullo', 'reunión', 'miércoles', 'día', 'también', 'mañana', 'aquí', 'llámame'][next(10)]} `),
      'random letters': fill(() => 'abcdefghijklmnopqrstuvwxyz ,.'[next(29)]!),
      'random emoji': fill(() => String.fromCodePoint(0x1f300 + next(0x2ff))),
    };
    const plain = await sealFragment(snapshot);
    const locked = await sealFragment(snapshot, { passphrase: 'blue kettle morning' });
    for (const [label, note] of Object.entries(notes)) {
      expect(textLength(note)).toBe(1000);
      const r = reply({ note, words: [...QUICK_WORDS], from: 'Samuel Ortega' });
      for (const [mode, key] of [['key', plain.linkKey], ['passphrase', locked.linkKey]] as const) {
        const link = replyLink(APP, await sealReply(r, key));
        expect(await open(link, key)).toEqual(r);
        figures[`${label}, ${mode}`] = link.length;
      }
    }
    console.log(`reply link lengths (app ${APP}, ${APP.length} chars):`, figures);
    expect(Math.max(...Object.values(figures))).toBeLessThan(7000);
  });
});
