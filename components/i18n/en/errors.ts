import type { Fmt } from '../fmt';

// Words for errors that are not one feature's: storage, and a fallback. A feature words its own
// problem codes in its section's `problems` map (see errorText.ts).

export const errors = (f: Fmt) => ({
  unknown: 'Something went wrong. Please try again.',
  problems: {
    'crypto.needsHttps': () =>
      'Protected files and links can’t be made or opened on this page: browsers only encrypt on secure (https) pages. Open Tandem from its https address, or use the browser extension.',
  },
  storage: {
    quota: 'Your browser has no room left to save this. Free some disk space, then try again. Nothing else was changed.',
    blocked: 'Tandem was updated in another tab or window. Close the other Tandem tabs or reload this one, then try again.',
    unavailable: 'Tandem can’t open its storage in this browser window (private browsing can cause this). Your saved data is not affected.',
    other: 'Saving didn’t work this time. Please try again; if it keeps happening, reload the page.',
  },
});
