import { encode } from 'uqr';
import { s } from './strings';

/** The QR modules as one SVG path, or null when the text is too long for any QR version. */
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

/** Drawn as elements rather than an SVG string, so nothing is ever parsed as markup. */
export function QrCode({ text }: { text: string }) {
  const qr = qrPath(text);
  if (!qr) return <p class="hint">{s.qrTooLong}</p>;
  return (
    <svg class="qr" viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-label={s.qrLabel} shape-rendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#ffffff" />
      <path d={qr.d} fill="#000000" />
    </svg>
  );
}
