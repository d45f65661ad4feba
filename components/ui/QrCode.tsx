import { qrPath } from '../../lib/qr';

/**
 * A QR code drawn as SVG elements by Preact, so no generated markup is ever parsed as HTML.
 * Dark modules on a white square with a quiet zone: scanners need that contrast even in dark
 * mode. Says so plainly when the text is too long for any QR code.
 */
export function QrCode({ text, label, tooLong }: { text: string; label: string; tooLong: string }) {
  const qr = qrPath(text);
  if (!qr) return <p class="hint">{tooLong}</p>;
  return (
    <svg class="qr" role="img" aria-label={label} viewBox={`0 0 ${qr.size} ${qr.size}`} shape-rendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#ffffff" />
      <path d={qr.d} fill="#000000" />
    </svg>
  );
}
