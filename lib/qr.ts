import { encode } from 'uqr';

/**
 * The dark modules of a QR code as one SVG path (1 unit per module, 2-module quiet zone), or
 * null when the text is too long for any QR version. Low error correction keeps long links
 * scannable from a screen, where nothing smudges the code.
 */
export function qrPath(text: string): { size: number; d: string } | null {
  let qr;
  try {
    qr = encode(text, { ecc: 'L', border: 2 });
  } catch {
    return null;
  }
  let d = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size: qr.size, d };
}
