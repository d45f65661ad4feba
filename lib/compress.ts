import { deflateSync, Inflate } from 'fflate';

// Raw DEFLATE for everything Tandem seals (mentor links, encrypted backups, transfers), with
// one bounded inflater: untrusted payloads must never expand without limit.

/** The output passed the caller's limit: a hostile payload (a "zip bomb"), or simply too big. */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
}

export function deflateBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return deflateSync(bytes, { level: 9 }) as Uint8Array<ArrayBuffer>;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Inflates raw DEFLATE, stopping with a TooLargeError as soon as the output passes `maxBytes`.
 * Input goes in small pieces so that the work done on a bomb stays bounded. Damaged or cut-off
 * data throws fflate's own error (or a plain Error when the stream never ends).
 */
export function inflateAtMost(data: Uint8Array, maxBytes: number): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw new TooLargeError(`Inflates to more than ${maxBytes} bytes.`);
    chunks.push(chunk);
    if (final) done = true;
  });
  if (data.length === 0) inflate.push(data, true);
  for (let i = 0; i < data.length; i += 512) inflate.push(data.subarray(i, i + 512), i + 512 >= data.length);
  if (!done) throw new Error('The compressed data ends early.');
  return concatBytes(chunks);
}
