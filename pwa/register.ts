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

/**
 * After a deploy, an open page may ask for a chunk the server no longer has. Reload once to
 * pick up the new files; a second failure is left to show as an error rather than loop.
 */
export function reloadOnceOnStaleChunks(): void {
  window.addEventListener('vite:preloadError', (event) => {
    if (sessionStorage.getItem('tandem-chunk-reload')) return;
    sessionStorage.setItem('tandem-chunk-reload', String(Date.now()));
    event.preventDefault();
    window.location.reload();
  });
  window.addEventListener('load', () => sessionStorage.removeItem('tandem-chunk-reload'));
}
