// Its own module: every page reads its address for a transfer link as it loads, without the
// code that opens one (validation, compression, crypto).

/** The payload of a `#transfer=…` fragment, or null when the fragment is something else. */
export function transferFromHash(hash: string): string | null {
  const match = /^#?transfer=([A-Za-z0-9_-]+)$/.exec(hash);
  return match ? match[1]! : null;
}
