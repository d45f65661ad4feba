import { deflateSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importRawKey, randomBytes, seal, toBase64Url } from '../../lib/crypto';
import { decodeFragment, encodeFragment, LINK_VERSION, MAX_FRAGMENT_CHARS, MAX_ITERATIONS, MAX_PLAIN_BYTES } from '../../lib/share/link';
import { LinkError, type LinkErrorKind } from '../../lib/share/linkErrors';
import { messages } from '../../components/i18n/en';
import { createFmt } from '../../components/i18n/fmt';
import type { Snapshot } from '../../lib/share/model';

// Pins docs/share-link.md section 6 (the table a second reader follows) to the code: for every
// row, the input the row describes, and the kind the doc says it gets. The messages table of
// the doc must be the English catalogue's words for each kind, word for word.

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-27T15:00:00Z');
const DOC = readFileSync('docs/share-link.md', 'utf8');
const LINK_WORDS = messages(createFmt('en')).share.linkErrors;

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

const utf8 = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => utf8(JSON.stringify(value));

/** A mode-0 link sealing any plaintext bytes, as anyone with a key of their own could. */
async function mintKeyLink(plain: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const key = randomBytes(32);
  const len = plain.length + 16;
  const header = new Uint8Array([LINK_VERSION, 0, len >> 8, len & 0xff]);
  const { iv, ciphertext } = await seal(await importRawKey(key), plain, header);
  return new Uint8Array([...header, ...key, ...iv, ...ciphertext]);
}
const keyLink = async (plain: Uint8Array<ArrayBuffer>) => toBase64Url(await mintKeyLink(plain));
const deflated = (bytes: Uint8Array) => deflateSync(bytes, { level: 9 }) as Uint8Array<ArrayBuffer>;

/** A mode-1 envelope with random ciphertext: rows 10, 14 and 16 need no real sealing. */
function passphraseEnvelope(iterations = 600_000, ciphertextBytes = 40): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(36 + ciphertextBytes);
  bytes.set([LINK_VERSION, 1, ciphertextBytes >> 8, ciphertextBytes & 0xff]);
  bytes.set(randomBytes(16), 4);
  new DataView(bytes.buffer).setUint32(20, iterations);
  bytes.set(randomBytes(12 + ciphertextBytes), 24);
  return bytes;
}

/** A fragment whose byte count leaves a 2-byte tail, so its last character has spare bits. */
async function keyLinkWithSpareBits(): Promise<string> {
  for (let pad = 0; ; pad++) {
    const fragment = await keyLink(deflated(json({ ...sample(), pad: 'x'.repeat(pad) })));
    if (fragment.length % 4 === 3) return fragment;
  }
}

async function kindOf(fragment: string | Promise<string>, options: { now?: number; passphrase?: string } = {}) {
  try {
    await decodeFragment(await fragment, { now: options.now ?? NOW, passphrase: options.passphrase });
    return 'opened';
  } catch (err) {
    if (!(err instanceof LinkError)) throw err;
    expect(Object.keys(LINK_WORDS)).toContain(err.kind);
    return err.kind;
  }
}

/** The doc's decision table, row number → kind. */
function documentedRows(): Map<number, string> {
  const table = /<!-- checks:start -->\n([\s\S]*?)<!-- checks:end -->/.exec(DOC)?.[1] ?? '';
  const rows = new Map<number, string>();
  for (const line of table.split('\n')) {
    const m = /^\| (\d+) \|.*\| `([a-z-]+)` \|$/.exec(line);
    if (m) rows.set(Number(m[1]), m[2]!);
  }
  return rows;
}

const SPLICE = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Each row of the doc's table: inputs that meet that check and none before it. */
const ROWS: Record<number, { kind: LinkErrorKind; cases: () => Promise<(string | [string, { now?: number; passphrase?: string }])[]> }> = {
  1: { kind: 'missing', cases: async () => ['', '#'] },
  2: {
    kind: 'tampered',
    cases: async () => {
      const good = await encodeFragment(sample());
      return [`${good}=`, SPLICE(good, 10, '%'), SPLICE(good, 10, '+'), SPLICE(good, 10, '/'), `${good} `, `##${good}`, `#${good.slice(0, 20)}#${good.slice(20)}`, SPLICE(good, 10, 'é'),
        // However long: the alphabet is checked first.
        'é'.repeat(MAX_FRAGMENT_CHARS + 1)];
    },
  },
  3: { kind: 'oversized', cases: async () => ['A'.repeat(MAX_FRAGMENT_CHARS + 1), 'A'.repeat(MAX_FRAGMENT_CHARS + 4)] },
  4: {
    kind: 'truncated',
    cases: async () => {
      const good = await encodeFragment(sample());
      const cuts = [1, 5, 9, 41, 49].concat(good.length - ((good.length - 1) % 4));
      return [...cuts.map((n) => good.slice(0, n)), 'AAAAA', `${'A'.repeat(4 * 100)}B`];
    },
  },
  5: { kind: 'truncated', cases: async () => ['AQ', 'AQA', 'AQAA'] },
  6: {
    kind: 'version',
    cases: async () => {
      const bytes = await mintKeyLink(deflated(json(sample())));
      const out: string[] = [];
      for (const v of [0, 2, 255]) {
        bytes[0] = v;
        out.push(toBase64Url(bytes));
      }
      return [...out, toBase64Url(new Uint8Array([2, 0, 0, 0]))];
    },
  },
  7: {
    kind: 'tampered',
    cases: async () => [toBase64Url(new Uint8Array([1, 0, 0, 15])), toBase64Url(new Uint8Array([1, 7, 0, 0]))],
  },
  8: {
    kind: 'tampered',
    cases: async () => {
      const bytes = await mintKeyLink(deflated(json(sample())));
      bytes[1] = 2;
      return [toBase64Url(bytes), toBase64Url(new Uint8Array([1, 255, 0, 16]))];
    },
  },
  9: {
    kind: 'truncated',
    cases: async () => {
      const key = await mintKeyLink(deflated(json(sample())));
      const pass = passphraseEnvelope();
      return [toBase64Url(key.slice(0, 4)), toBase64Url(key.slice(0, 47)), toBase64Url(pass.slice(0, 35)), toBase64Url(pass.slice(0, 24))];
    },
  },
  10: {
    kind: 'tampered',
    cases: async () => [0, 599_999, MAX_ITERATIONS + 1, 0xffffffff].map((n) => toBase64Url(passphraseEnvelope(n))),
  },
  11: {
    kind: 'truncated',
    cases: async () => {
      const key = await mintKeyLink(deflated(json(sample())));
      return [toBase64Url(key.slice(0, key.length - 1)), toBase64Url(key.slice(0, 48)), toBase64Url(passphraseEnvelope().slice(0, 36 + 39))];
    },
  },
  12: {
    kind: 'tampered',
    cases: async () => {
      const key = await mintKeyLink(deflated(json(sample())));
      return [toBase64Url(new Uint8Array([...key, 0])), toBase64Url(new Uint8Array([...passphraseEnvelope(), 0, 0, 0]))];
    },
  },
  13: {
    kind: 'tampered',
    cases: async () => {
      const fragment = await keyLinkWithSpareBits();
      const last = fragment.length - 1;
      const index = ALPHABET.indexOf(fragment[last]!);
      // Three characters for two bytes: the last one carries 2 unused bits.
      return [1, 2, 3].map((bits) => SPLICE(fragment, last, ALPHABET[index ^ bits]!));
    },
  },
  14: {
    kind: 'needs-passphrase',
    cases: async () => {
      const fragment = toBase64Url(passphraseEnvelope());
      const blank = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
      return [fragment, [fragment, { passphrase: '' }], [fragment, { passphrase: blank }]];
    },
  },
  15: {
    kind: 'tampered',
    cases: async () => {
      const bytes = await mintKeyLink(deflated(json(sample())));
      bytes[bytes.length - 1]! ^= 1;
      const key = await mintKeyLink(deflated(json(sample())));
      key[10]! ^= 0x80;
      return [toBase64Url(bytes), toBase64Url(key)];
    },
  },
  16: {
    kind: 'wrong-passphrase',
    // A passphrase that is not blank: \u200b and \u0085 are not trimmed.
    cases: async () => [[toBase64Url(passphraseEnvelope()), { passphrase: ' \u200b\u0085 ' }]],
  },
  17: {
    kind: 'oversized',
    cases: async () => {
      const snapshot = JSON.stringify(sample());
      const over = utf8(snapshot + ' '.repeat(MAX_PLAIN_BYTES + 1 - snapshot.length));
      return Promise.all([keyLink(deflated(new Uint8Array(4 * 1024 * 1024))), keyLink(deflated(over))]);
    },
  },
  18: {
    kind: 'invalid',
    cases: async () => {
      const good = deflated(json(sample()));
      return Promise.all([
        keyLink(new Uint8Array([0xff, 0xff, 0xff, 0xff])),
        keyLink(good.slice(0, good.length - 3)),
        keyLink(new Uint8Array(0)),
      ]);
    },
  },
  19: {
    kind: 'invalid',
    cases: async () => {
      const text = JSON.stringify(sample());
      const encodedSurrogate = new Uint8Array([...utf8(text.slice(0, 10)), 0xed, 0xa0, 0x80, ...utf8(text.slice(10))]);
      const overlong = new Uint8Array([...utf8('{"name":"'), 0xc1, 0x81, ...utf8(text.slice(12))]);
      return Promise.all([keyLink(deflated(encodedSurrogate)), keyLink(deflated(overlong)), keyLink(deflated(new Uint8Array([0xff, ...json(sample())])))]);
    },
  },
  20: {
    kind: 'invalid',
    cases: async () => {
      const text = JSON.stringify(sample());
      const bad: Uint8Array<ArrayBuffer>[] = [
        utf8(text.slice(0, -1)),
        utf8(`${text}x`),
        new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...utf8(text)]),
        json('just a string'),
        json({ ...sample(), name: 'Sam\ud83c' }),
        json({ ...sample(), name: 'Sam\r' }),
        json({ ...sample(), name: 'Sam\u0085' }),
        json({ ...sample(), name: 'Sam\u202a' }),
        json({ ...sample(), name: 'Sam\u2069' }),
        json({ ...sample(), name: '\u200b\u2060' }),
        json({ ...sample(), name: '\u2800' }),
        json({ ...sample(), name: '\ufeff\u0301' }),
        json({ ...sample(), name: '🌱'.repeat(61) }),
        json({ ...sample(), wins: [{ day: 6, text: ' ' }] }),
        json({ ...sample(), mood: null }),
        json({ ...sample(), period: '7' }),
        json({ ...sample(), createdAt: -1 }),
        json({ ...sample(), createdAt: NOW + 0.5 }),
        json({ ...sample(), createdAt: 8.64e15 + 1, expiresAt: 8.64e15 + 2 }),
        json({ ...sample(), expiresAt: NOW }),
        json({ ...sample(), expiresAt: NOW + 90 * DAY + 60_001 }),
      ];
      return Promise.all(bad.map((b) => keyLink(deflated(b))));
    },
  },
  21: {
    kind: 'from-the-future',
    cases: async () => [await keyLink(deflated(json(sample({ createdAt: NOW + DAY + 1, expiresAt: NOW + 3 * DAY }))))],
  },
  22: {
    kind: 'expired',
    cases: async () => {
      const fragment = await keyLink(deflated(json(sample({ expiresAt: NOW + DAY }))));
      return [[fragment, { now: NOW + DAY }], [fragment, { now: NOW + 30 * DAY }]];
    },
  },
};

describe('docs/share-link.md section 6, the decision table', () => {
  it('has the rows this test builds, each with the kind the code gives', () => {
    const rows = documentedRows();
    expect([...rows.keys()]).toEqual(Object.keys(ROWS).map(Number));
    for (const [n, row] of Object.entries(ROWS)) expect(rows.get(Number(n)), `row ${n}`).toBe(row.kind);
  });

  for (const [n, row] of Object.entries(ROWS)) {
    it(`row ${n}: ${row.kind}`, async () => {
      const cases = await row.cases();
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        const [fragment, options] = Array.isArray(c) ? c : [c, {}];
        expect(await kindOf(fragment, options), `row ${n}: ${String(fragment).slice(0, 60)}`).toBe(row.kind);
      }
    }, 30_000);
  }

  it('gives the messages the doc lists, word for word', () => {
    const table = /<!-- messages:start -->\n([\s\S]*?)<!-- messages:end -->/.exec(DOC)?.[1] ?? '';
    const documented = Object.fromEntries(
      table
        .split('\n')
        .map((line) => /^\| `([a-z-]+)` \| (.+) \|$/.exec(line))
        .filter((m) => m !== null)
        .map((m) => [m[1], m[2]]),
    );
    expect(documented).toEqual(LINK_WORDS);
  });
});

describe('what the doc says opens', () => {
  const opens = async (plain: Uint8Array<ArrayBuffer>, now = NOW) => decodeFragment(await keyLink(deflated(plain)), { now });

  it('one BOM before the JSON, JSON white space around it, bytes after the final DEFLATE block', async () => {
    const text = JSON.stringify(sample());
    expect(await opens(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual(sample());
    expect(await opens(utf8(` \t\r\n${text}\n`))).toEqual(sample());
    expect(await decodeFragment(await keyLink(new Uint8Array([...deflated(utf8(text)), 1, 2, 3])), { now: NOW })).toEqual(sample());
    // Exactly MAX_PLAIN_BYTES inflated is allowed.
    const full = utf8(text + ' '.repeat(MAX_PLAIN_BYTES - text.length));
    expect(full.length).toBe(MAX_PLAIN_BYTES);
    expect(await opens(full)).toEqual(sample());
  });

  it('texts as the doc defines them: code points, tab and newline, something visible', async () => {
    for (const over of [
      { name: '🌱'.repeat(60) },
      { name: 'Ana\tMaría\nB' },
      { name: '\u200bSam' },
      { reflections: { nearMisses: 1, setbacks: 0, items: [{ day: 1, kind: 'near-miss' as const, triggers: ['x'], helped: '\u200b', nextTime: '' }] } },
    ]) {
      expect(await opens(json(sample(over)))).toEqual(sample(over));
    }
    // Repeated keys: the last counts. Whole-number floats are integers.
    expect(await opens(utf8(JSON.stringify(sample()).replace('{"name":"Sam"', '{"name":"x\\u0007","name":"Sam"')))).toEqual(sample());
    expect(await opens(utf8(JSON.stringify(sample()).replace('"period":7', '"period":7.0')))).toEqual(sample());
  });

  it('instants: 90 days and a minute of validity, a day of clock slack, open until expiresAt', async () => {
    const longest = sample({ expiresAt: NOW + 90 * DAY + 60_000 });
    expect(await opens(json(longest))).toEqual(longest);
    const ahead = sample({ createdAt: NOW + DAY, expiresAt: NOW + 2 * DAY });
    expect(await opens(json(ahead))).toEqual(ahead);
    expect(await opens(json(sample()), NOW + 14 * DAY - 1)).toEqual(sample());
  });

  it('a passphrase is trimmed of exactly ECMAScript white space and line terminators', () => {
    let trimmed = '';
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (String.fromCodePoint(c).trim() === '') trimmed += `${c.toString(16).toUpperCase().padStart(4, '0')} `;
    }
    expect(trimmed.trim()).toBe(
      '0009 000A 000B 000C 000D 0020 00A0 1680 2000 2001 2002 2003 2004 2005 2006 2007 2008 2009 200A 2028 2029 202F 205F 3000 FEFF',
    );
  });
});
