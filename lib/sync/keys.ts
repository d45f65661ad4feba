import { fromBase64Url, hkdfAesKey, hkdfHmacKey, hmac, importHkdfKey, KEY_BYTES, randomBytes, toBase64Url } from '../crypto';

// One random 256-bit sync key per sync group, made on the first device and carried to the
// others only inside a sealed pairing link; it never reaches the server. Two keys are derived
// from it with HKDF so that naming documents and sealing them never share a key.

export const MIRROR_FORMAT = 'tandem-sync';
export const MIRROR_VERSION = 1;
export const MIRROR_LABEL = `${MIRROR_FORMAT}/${MIRROR_VERSION}`;

export interface SyncKeys {
  /** Seals and opens document bodies (AES-256-GCM). */
  seal: CryptoKey;
  /** Names documents: a keyed hash of table and bucket, so ids reveal nothing. */
  name: CryptoKey;
}

/** A new sync key, as base64url text (what the settings and a pairing link keep). */
export function newSyncKey(): string {
  return toBase64Url(randomBytes(KEY_BYTES));
}

export function isSyncKey(text: string): boolean {
  return fromBase64Url(text)?.length === KEY_BYTES;
}

export async function deriveSyncKeys(syncKey: string): Promise<SyncKeys> {
  const raw = fromBase64Url(syncKey);
  if (!raw || raw.length !== KEY_BYTES) throw new Error('Not a sync key.');
  const base = await importHkdfKey(raw);
  return {
    seal: await hkdfAesKey(base, `${MIRROR_LABEL} seal`),
    name: await hkdfHmacKey(base, `${MIRROR_LABEL} name`),
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The document id of a bucket: 32 hex digits of HMAC(name key, label, table, bucket). */
export async function documentId(keys: SyncKeys, table: string, bucket: string): Promise<string> {
  const mac = await hmac(keys.name, new TextEncoder().encode(`${MIRROR_LABEL}\n${table}\n${bucket}`));
  let out = '';
  for (let i = 0; i < 16; i++) out += HEX[mac[i] ?? 0];
  return out;
}
