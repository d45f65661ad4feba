// Where mentor links point. The PWA uses its own address, so a link made on a deployed copy
// opens on that copy; the extension has no web address of its own and uses the build-time
// setting (TANDEM_APP_URL, see vite.pwa.config.ts and wxt.config.ts).

declare const __TANDEM_APP_URL__: string | undefined;

/** The local address `npm start` serves the PWA on. */
export const DEFAULT_APP_URL = 'http://127.0.0.1:4173/';

export function configuredAppUrl(): string {
  return typeof __TANDEM_APP_URL__ === 'string' && __TANDEM_APP_URL__ !== '' ? __TANDEM_APP_URL__ : DEFAULT_APP_URL;
}

/** The app URL (ending in '/') for a page at `href`: its own folder on the web, else the setting. */
export function appUrlFor(href: string | undefined, configured: string = configuredAppUrl()): string {
  if (href && /^https?:$/.test(new URL(href).protocol)) return new URL('./', href).href;
  const url = new URL(configured);
  // "…/app/index.html" names a page: its folder is the app. "…/app" names the folder itself.
  const last = url.pathname.split('/').pop() ?? '';
  if (last.includes('.')) return new URL('./', url).href;
  return new URL(url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`, url.origin).href;
}

/**
 * A web app address as "Move to my phone" accepts it (components/data/MoveToPhone.tsx): https,
 * or http on this computer only; normalised, or null when it is none.
 */
export function validAppAddress(text: string): string | null {
  try {
    const url = new URL(text.trim());
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return url.toString();
  } catch {
    // Not a URL at all.
  }
  return null;
}

/** An IPv4 address as its four numbers, or null. URL has already turned "2130706433" and "0x7f.1" into dotted form. */
function ipv4(host: string): [number, number, number, number] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? (parts as [number, number, number, number]) : null;
}

function privateIpv4([a, b]: [number, number, number, number]): boolean {
  return (
    a === 127 || // loopback
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) || // link-local
    a === 0 // "this network"
  );
}

/** The 16-bit groups of an IPv6 address as URL writes it (lower case, `::` for zeros), or null. */
function ipv6Groups(host: string): number[] | null {
  if (!host.startsWith('[') || !host.endsWith(']')) return null;
  let text = host.slice(1, -1);
  // An embedded IPv4 tail (URL writes ::ffff:127.0.0.1 as ::ffff:7f00:1, but be safe).
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v4 = ipv4(tail[1]!);
    if (!v4) return null;
    text = `${text.slice(0, -tail[1]!.length)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const read = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const left = read(head);
  const right = rest === undefined ? [] : read(rest);
  const groups = rest === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * Whether a link to `url` can only be opened on this computer or its local network, never on a
 * mentor's phone elsewhere: loopback (127.0.0.0/8, ::1, localhost), private ranges (10/8,
 * 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10), `.local` names.
 * An address that is not a URL at all is not called private (it is refused elsewhere).
 */
export function isPrivateAddress(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  if (host === '') return false;
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  const v4 = ipv4(host);
  if (v4) return privateIpv4(v4);
  const v6 = ipv6Groups(host);
  if (v6) {
    const [g0, , , , , g5, g6, g7] = v6 as [number, number, number, number, number, number, number, number];
    if (v6.every((g) => g === 0)) return true; // ::
    if (v6.slice(0, 7).every((g) => g === 0) && g7 === 1) return true; // ::1
    if ((g0 & 0xfe00) === 0xfc00) return true; // fc00::/7
    if ((g0 & 0xffc0) === 0xfe80) return true; // fe80::/10
    // ::ffff:a.b.c.d, an IPv4 address written as IPv6.
    if (v6.slice(0, 5).every((g) => g === 0) && g5 === 0xffff) return privateIpv4([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]);
  }
  return false;
}

/**
 * The app URL a mentor link made at `href` points to. The page's own folder on the web wins,
 * unless that is a private address and the person saved a web app address ("Move to my phone",
 * or the share dialog's offer): then the saved one, since only it can open on a mentor's phone.
 * In the extension: the saved address, else the build setting.
 */
export function shareAppUrl(href: string | undefined, saved: string | undefined): string {
  const own = href && /^https?:$/.test(new URL(href).protocol) ? appUrlFor(href) : null;
  const valid = saved ? validAppAddress(saved) : null;
  if (own && (!valid || !isPrivateAddress(own) || isPrivateAddress(valid))) return own;
  if (valid) return appUrlFor(undefined, valid);
  return appUrlFor(href);
}
