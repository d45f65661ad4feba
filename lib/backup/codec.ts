import { DecryptError, deriveKey, fromBase64Url, randomBytes, SALT_BYTES, seal, toBase64Url, unseal, IV_BYTES, PBKDF2_ITERATIONS } from '../crypto';
import { deflateBytes, inflateAtMost, TooLargeError } from '../compress';
import { BackupError } from './problems';

// Compression and passphrase encryption shared by encrypted backup files and transfer links.
// JSON is deflated before sealing (ciphertext does not compress), and inflation is capped so a
// crafted payload cannot expand into gigabytes.

import { MAX_FILE_BYTES } from './limits';

export { MAX_FILE_BYTES };

export function deflate(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return deflateBytes(bytes);
}

export function inflate(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): Uint8Array<ArrayBuffer> {
  try {
    return inflateAtMost(bytes, maxBytes);
  } catch (err) {
    if (err instanceof TooLargeError) throw new BackupError('too-large', undefined, { cause: err });
    throw new BackupError('damaged', undefined, { cause: err });
  }
}

/** Passphrase-sealed, deflated bytes: salt ‖ iv ‖ ciphertext, bound to `label` as associated data. */
export async function sealWithPassphrase(plain: Uint8Array, passphrase: string, label: string): Promise<Uint8Array<ArrayBuffer>> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const { iv, ciphertext } = await seal(key, deflate(plain), new TextEncoder().encode(label));
  const out = new Uint8Array(SALT_BYTES + IV_BYTES + ciphertext.length);
  out.set(salt, 0);
  out.set(iv, SALT_BYTES);
  out.set(ciphertext, SALT_BYTES + IV_BYTES);
  return out;
}

export async function unsealWithPassphrase(sealed: Uint8Array, passphrase: string, label: string): Promise<Uint8Array<ArrayBuffer>> {
  if (sealed.length < SALT_BYTES + IV_BYTES + 16) throw new BackupError('damaged');
  const salt = sealed.slice(0, SALT_BYTES);
  const iv = sealed.slice(SALT_BYTES, SALT_BYTES + IV_BYTES);
  const ciphertext = sealed.slice(SALT_BYTES + IV_BYTES);
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  try {
    return inflate(await unseal(key, iv, ciphertext, new TextEncoder().encode(label)));
  } catch (err) {
    if (err instanceof DecryptError) throw new BackupError('wrong-passphrase', undefined, { cause: err });
    throw err;
  }
}

export { toBase64Url, fromBase64Url };
