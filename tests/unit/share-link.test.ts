import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveKey, fromBase64Url, importRawKey, randomBytes, seal, toBase64Url } from '../../lib/crypto';
import {
  decodeFragment,
  encodeFragment,
  encodeLink,
  LINK_VERSION,
  MAX_FRAGMENT_CHARS,
  parseEnvelope,
  viewerUrl,
} from '../../lib/share/link';
import { isInvisible } from '../../lib/rules/text';
import { LinkError, type LinkErrorKind } from '../../lib/share/linkErrors';
import { messages as english } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';
import { createFmt } from '../../components/i18n/fmt';
import { LIMITS } from '../../lib/share/limits';
import { parseSnapshot } from '../../lib/share/schema';
import type { Snapshot } from '../../lib/share/model';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-27T15:00:00Z');

function sample(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    name: 'Sam',
    createdAt: NOW,
    expiresAt: NOW + 14 * DAY,
    period: 7,
    lastDay: '2026-11-27',
    streak: { current: 5, best: 12 },
    checkins: [0, 2, 3, 1, 5, 2, 4],
    mood: [0, 35, 30, 40, 28, 45, 33],
    wins: [{ day: 6, text: 'Called my sister instead of going to the bar' }],
    reflections: { nearMisses: 1, setbacks: 0 },
    ...overrides,
  };
}

async function kindOf(promise: Promise<unknown>): Promise<LinkErrorKind | 'opened'> {
  try {
    await promise;
    return 'opened';
  } catch (err) {
    if (err instanceof LinkError) return err.kind;
    throw err;
  }
}

const safeText = (max: number) =>
  fc
    .string({ minLength: 1, maxLength: max, unit: 'grapheme' })
    // A link's texts hold something visible (lib/rules/text.ts): " " alone is refused as empty.
    .filter((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s) && !isInvisible(s));

const snapshotArb: fc.Arbitrary<Snapshot> = fc
  .record({
    name: safeText(LIMITS.name),
    period: fc.constantFrom(7 as const, 30 as const, 90 as const),
    // Instants as Tandem keeps them (2000–2100): the reader's clock is taken within that range too.
    createdAt: fc.integer({ min: 946_684_800_000, max: 4_000_000_000_000 }),
    validFor: fc.constantFrom(1, 7, 14, 30, 90),
    best: fc.integer({ min: 0, max: 5000 }),
    withMood: fc.boolean(),
    seedCounts: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 90, maxLength: 90 }),
    wins: fc.option(fc.array(fc.record({ day: fc.nat(6), text: safeText(LIMITS.winText) }), { maxLength: 8 })),
    items: fc.option(
      fc.array(
        fc.record({
          day: fc.nat(6),
          kind: fc.constantFrom('near-miss' as const, 'setback' as const),
          triggers: fc.array(safeText(LIMITS.trigger), { maxLength: 3 }),
          helped: safeText(100),
          nextTime: safeText(100),
        }),
        { maxLength: 3 },
      ),
    ),
    plan: fc.option(fc.array(fc.record({ trigger: safeText(50), steps: fc.array(safeText(50), { maxLength: 3 }) }), { maxLength: 3 })),
  })
  .map((r) => {
    const checkins = r.seedCounts.slice(0, r.period);
    const snapshot: Snapshot = {
      name: r.name,
      createdAt: r.createdAt,
      expiresAt: r.createdAt + r.validFor * DAY,
      period: r.period,
      lastDay: '2026-11-27',
      streak: { current: Math.floor(r.best / 2), best: r.best },
      checkins,
      reflections: { nearMisses: r.items?.length ?? 2, setbacks: 1 },
    };
    if (r.withMood) snapshot.mood = checkins.map((c, i) => (c === 0 ? 0 : 10 + ((i * 7) % 41)));
    if (r.wins) snapshot.wins = r.wins;
    if (r.items) snapshot.reflections.items = r.items;
    if (r.plan) snapshot.plan = r.plan;
    return snapshot;
  });

describe('mentor link codec', () => {
  it('points at viewer.html beside the app and carries everything in the fragment', async () => {
    const link = await encodeLink(sample(), { appUrl: 'https://tandem.example/app/' });
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('https://tandem.example/app/viewer.html');
    expect(url.search).toBe('');
    expect(url.hash.length).toBeGreaterThan(80);
    expect(viewerUrl('http://127.0.0.1:4173')).toBe('http://127.0.0.1:4173/viewer.html');
  });

  it('round-trips random snapshots exactly', async () => {
    await fc.assert(
      fc.asyncProperty(snapshotArb, async (snapshot) => {
        expect(parseSnapshot(snapshot)).toEqual(snapshot);
        const fragment = await encodeFragment(snapshot);
        expect(fragment).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(await decodeFragment(fragment, { now: snapshot.createdAt })).toEqual(snapshot);
      }),
      { numRuns: 150 },
    );
  });

  it('uses a fresh key and IV for every link, so the same snapshot never gives the same link', async () => {
    const a = fromBase64Url(await encodeFragment(sample()))!;
    const b = fromBase64Url(await encodeFragment(sample()))!;
    expect(a.slice(0, 4)).toEqual(b.slice(0, 4));
    expect(toBase64Url(a.slice(4, 36))).not.toBe(toBase64Url(b.slice(4, 36)));
    expect(toBase64Url(a.slice(36, 48))).not.toBe(toBase64Url(b.slice(36, 48)));
  });

  it('detects a change to any single byte of the link, and never shows part of it', async () => {
    const snapshot = sample();
    const bytes = fromBase64Url(await encodeFragment(snapshot))!;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 255 }), async (mask) => {
        for (let i = 0; i < bytes.length; i++) {
          const changed = bytes.slice();
          changed[i]! ^= mask;
          const kind = await kindOf(decodeFragment(toBase64Url(changed), { now: NOW, passphrase: 'irrelevant words' }));
          expect(kind, `byte ${i} ^ ${mask}`).not.toBe('opened');
        }
      }),
      { numRuns: 8 },
    );
    // The bytes that only exist for decryption are reported as tampering, not as something else.
    const flipped = bytes.slice();
    flipped[bytes.length - 1]! ^= 1;
    expect(await kindOf(decodeFragment(toBase64Url(flipped), { now: NOW }))).toBe('tampered');
    flipped.set(bytes);
    flipped[10]! ^= 0x80; // inside the key
    expect(await kindOf(decodeFragment(toBase64Url(flipped), { now: NOW }))).toBe('tampered');
  });

  it('refuses a changed character, including the spare bits of the last one', async () => {
    const fragment = await encodeFragment(sample());
    const swap = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);
    const middle = Math.floor(fragment.length / 2);
    const other = fragment[middle] === 'A' ? 'B' : 'A';
    expect(await kindOf(decodeFragment(swap(fragment, middle, other), { now: NOW }))).toBe('tampered');
    expect(await kindOf(decodeFragment(swap(fragment, middle, '%'), { now: NOW }))).toBe('tampered');
    // A 2- or 3-byte tail leaves unused low bits in the last character; setting them must not pass.
    const last = fragment.length - 1;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const index = alphabet.indexOf(fragment[last]!);
    const neighbour = alphabet[index ^ 1]!;
    expect(await kindOf(decodeFragment(swap(fragment, last, neighbour), { now: NOW }))).not.toBe('opened');
  });

  it('says a link is cut short when it is, wherever it was cut', async () => {
    const fragment = await encodeFragment(sample());
    for (const keep of [1, 3, 10, 40, 60, fragment.length - 30, fragment.length - 1]) {
      expect(await kindOf(decodeFragment(fragment.slice(0, keep), { now: NOW })), `kept ${keep}`).toBe('truncated');
    }
    expect(await kindOf(decodeFragment('', { now: NOW }))).toBe('missing');
    expect(await kindOf(decodeFragment(`${fragment}AAAA`, { now: NOW }))).toBe('tampered');
  });

  it('names a link from another format version', async () => {
    const bytes = fromBase64Url(await encodeFragment(sample()))!;
    bytes[0] = LINK_VERSION + 1;
    expect(await kindOf(decodeFragment(toBase64Url(bytes), { now: NOW }))).toBe('version');
  });

  it('refuses an oversized link before decoding, and a snapshot that inflates too far', async () => {
    expect(await kindOf(decodeFragment('A'.repeat(MAX_FRAGMENT_CHARS + 4), { now: NOW }))).toBe('oversized');
    // A well-formed link minted by someone else, holding a deflate bomb of zeros.
    const bomb = deflateSync(new Uint8Array(4 * 1024 * 1024), { level: 9 });
    const key = randomBytes(32);
    const header = new Uint8Array([LINK_VERSION, 0, (bomb.length + 16) >> 8, (bomb.length + 16) & 0xff]);
    const { iv, ciphertext } = await seal(await importRawKey(key), bomb, header);
    const fragment = toBase64Url(new Uint8Array([...header, ...key, ...iv, ...ciphertext]));
    expect(await kindOf(decodeFragment(fragment, { now: NOW }))).toBe('oversized');
  });

  it('treats what decrypts as untrusted: a validly sealed link with bad content is refused', async () => {
    async function mint(value: unknown): Promise<string> {
      const plain = deflateSync(new TextEncoder().encode(JSON.stringify(value)));
      const key = randomBytes(32);
      const len = plain.length + 16;
      const header = new Uint8Array([LINK_VERSION, 0, len >> 8, len & 0xff]);
      const { iv, ciphertext } = await seal(await importRawKey(key), plain, header);
      return toBase64Url(new Uint8Array([...header, ...key, ...iv, ...ciphertext]));
    }
    const bad: unknown[] = [
      'just a string',
      { ...sample(), name: '' },
      { ...sample(), name: 'x'.repeat(LIMITS.name + 1) },
      { ...sample(), name: 'Sam\u0007' },
      { ...sample(), name: 'Sam\u202Eevil' },
      { ...sample(), name: 'Sam\u2066x\u2069' },
      { ...sample(), wins: [{ day: 1, text: 'win\u0085' }] },
      { ...sample(), checkins: [1, 2, 3] },
      { ...sample(), mood: [0, 35, 30, 40, 28, 45, 99] },
      { ...sample(), wins: [{ day: 7, text: 'outside the period' }] },
      { ...sample(), wins: Array.from({ length: LIMITS.wins + 1 }, () => ({ day: 0, text: 'x' })) },
      { ...sample(), wins: [{ day: 1, text: 'x'.repeat(LIMITS.winText + 1) }] },
      { ...sample(), expiresAt: NOW + 365 * DAY },
      { ...sample(), lastDay: '2026-02-30' },
      { ...sample(), streak: { current: 9, best: 3 } },
      { ...sample(), period: 14 },
    ];
    for (const value of bad) {
      expect(await kindOf(decodeFragment(await mint(value), { now: NOW })), JSON.stringify(value).slice(0, 80)).toBe(
        'invalid',
      );
    }
    // Extra fields are dropped rather than carried into the page.
    const opened = await decodeFragment(await mint({ ...sample(), html: '<script>' }), { now: NOW });
    expect(opened).not.toHaveProperty('html');
  });

  it('opens until the expiry inside the link, and refuses it from then on', async () => {
    const snapshot = sample({ expiresAt: NOW + DAY });
    const fragment = await encodeFragment(snapshot);
    expect(await decodeFragment(fragment, { now: NOW + DAY - 1 })).toEqual(snapshot);
    expect(await kindOf(decodeFragment(fragment, { now: NOW + DAY }))).toBe('expired');
  });

  it('with a passphrase: asks for it, refuses a wrong one, opens with the right one', async () => {
    const snapshot = sample();
    const fragment = await encodeFragment(snapshot, { passphrase: '  river lamp orange ' });
    const envelope = parseEnvelope(fragment);
    expect(envelope.mode).toBe('passphrase');
    if (envelope.mode !== 'passphrase') return;
    expect(envelope.iterations).toBeGreaterThanOrEqual(600_000);
    expect(await kindOf(decodeFragment(fragment, { now: NOW }))).toBe('needs-passphrase');
    expect(await kindOf(decodeFragment(fragment, { now: NOW, passphrase: 'river lamp Orange' }))).toBe('wrong-passphrase');
    expect(await decodeFragment(fragment, { now: NOW, passphrase: 'river lamp orange' })).toEqual(snapshot);
  }, 30_000);

  it('refuses a passphrase link whose iteration count is out of range before deriving anything', async () => {
    const salt = randomBytes(16);
    const plain = deflateSync(new TextEncoder().encode(JSON.stringify(sample())));
    const len = plain.length + 16;
    const header = new Uint8Array(24);
    header.set([LINK_VERSION, 1, len >> 8, len & 0xff]);
    header.set(salt, 4);
    new DataView(header.buffer).setUint32(20, 1000);
    const { iv, ciphertext } = await seal(await deriveKey('weak', salt, 1000), plain, header);
    const fragment = toBase64Url(new Uint8Array([...header, ...iv, ...ciphertext]));
    expect(await kindOf(decodeFragment(fragment, { now: NOW, passphrase: 'weak' }))).toBe('tampered');
  });

  it('gives every error kind a plain message without technical words, in English and Spanish', async () => {
    const kinds: LinkErrorKind[] = ['missing', 'truncated', 'tampered', 'version', 'oversized', 'invalid', 'expired', 'needs-passphrase', 'wrong-passphrase'];
    for (const make of [english, spanish]) {
      const words = make(createFmt(make === english ? 'en' : 'es')).share.linkErrors;
      const messages = new Set(kinds.map((k) => words[new LinkError(k).kind]));
      expect(messages.size).toBe(kinds.length);
      for (const m of messages) expect(m).not.toMatch(/GCM|base64|decrypt|JSON|schema|error/i);
    }
  });

  it('opens the worked examples in docs/share-link.md exactly as documented', async () => {
    const doc = readFileSync('docs/share-link.md', 'utf8');
    const example = (name: string) => new RegExp(`<!-- example:${name} -->\\n\`\`\`\\n([A-Za-z0-9_-]+)\\n`).exec(doc)?.[1];
    const json = /```json\n(.+)\n```/.exec(doc)?.[1];
    const documented = JSON.parse(json!) as Snapshot;
    const key = example('key')!;
    const bytes = fromBase64Url(key)!;
    expect([...bytes.slice(0, 4)]).toEqual([1, 0, 0, 0xe2]);
    expect(bytes.length).toBe(274);
    expect(await decodeFragment(key, { now: documented.createdAt })).toEqual(documented);
    expect(await kindOf(decodeFragment(key, { now: documented.expiresAt }))).toBe('expired');
    const withPassphrase = example('passphrase')!;
    expect(await decodeFragment(withPassphrase, { now: documented.createdAt, passphrase: 'river lamp orange' })).toEqual(documented);
  }, 30_000);
});
