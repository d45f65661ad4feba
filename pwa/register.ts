// Registers the service worker and reports a waiting new version. The page decides when to
// switch: a new version never takes over (and reloads) without the person asking.

export function registerServiceWorker(onUpdateReady: (apply: () => void) => void): void {
  if (!('serviceWorker' in navigator)) return;
  // workbox-window loads after the first screen (the page registers once it has rendered).
  import('workbox-window')
    .then(({ Workbox }) => {
      const wb = new Workbox('./sw.js');
      wb.addEventListener('waiting', () => {
        onUpdateReady(() => {
          wb.addEventListener('controlling', () => window.location.reload());
          wb.messageSkipWaiting();
        });
      });
      return wb.register();
    })
    .catch((err: unknown) => console.error('Service worker registration failed', err));
}

/** A second stale chunk this soon after reloading for one is not staleness (offline, a file gone). */
const RELOAD_AGAIN_AFTER_MS = 5 * 60_000;

/**
 * After a deploy, an open page may ask for a chunk the server no longer has. Reload once to
 * pick up the new files; a failure again soon after that reload (or offline, where a reload
 * brings nothing new) is left to the page, which shows it or does without that part, rather
 * than reloading in a loop.
 */
export function reloadOnceOnStaleChunks(): void {
  window.addEventListener('vite:preloadError', (event) => {
    if (!navigator.onLine) return;
    const last = Number(sessionStorage.getItem('tandem-chunk-reload'));
    if (Number.isFinite(last) && Date.now() - last < RELOAD_AGAIN_AFTER_MS) return;
    sessionStorage.setItem('tandem-chunk-reload', String(Date.now()));
    event.preventDefault();
    window.location.reload();
  });
}
