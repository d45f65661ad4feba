import { qrPath } from '../../lib/share/qr';
import { s } from './strings';

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
