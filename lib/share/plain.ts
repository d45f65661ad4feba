import { deflateBytes } from '../compress';
import type { Snapshot } from './model';

// The plaintext of a link (raw DEFLATE of the snapshot's UTF-8 JSON) and the length of the
// fragment it will make, so that the builder can keep a link within its budget before any
// encryption happens.

/** Header, key and IV of a key-in-link envelope, and the GCM tag: the largest fixed part. */
const FIXED_BYTES = 4 + 32 + 12 + 16;

export function deflateSnapshot(snapshot: Snapshot): Uint8Array<ArrayBuffer> {
  return deflateBytes(new TextEncoder().encode(JSON.stringify(snapshot)));
}

/** Characters of the fragment for this snapshot without a passphrase (with one it is 16 fewer). */
export function fragmentLength(snapshot: Snapshot): number {
  return Math.ceil(((FIXED_BYTES + deflateSnapshot(snapshot).length) * 4) / 3);
}
