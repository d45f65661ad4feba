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
