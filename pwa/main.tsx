import { useEffect, useState } from 'preact/hooks';
import { Dashboard } from '../components/app/Dashboard';
import { start } from '../components/app/start';
import { UpdateBanner } from '../components/app/UpdateBanner';
import { readHomeNotices, type HomeNotices } from '../components/app/useHomeNotices';
import { fmt } from '../components/i18n';
import { systemClock } from '../lib/clock';
import { deferredServices } from '../lib/deferredServices';
import { readChosenLanguage } from '../lib/kv';
import { resolvedLive } from '../lib/liveService';
import { readOpening } from '../lib/opening';
import type { AppServices } from '../lib/services';
import { cacheViewsOnceIdle } from './cacheViews';
import { registerServiceWorker, reloadOnceOnStaleChunks } from './register';
import '../components/ui/styles.css';

reloadOnceOnStaleChunks();
// Ask the browser not to evict this origin's data under storage pressure.
void navigator.storage?.persist?.().catch(() => false);

// The check-in view is drawn from one small read of its own (lib/opening.ts); the records' code
// (Dexie and the services) loads just after it, and what is done meanwhile waits for it.
const read = readOpening(indexedDB, { home: true }).catch(() => null);
const services = deferredServices(() => import('./services').then((m) => m.createWebAppServices()), {
  clock: systemClock,
  reminders: null,
  opening: resolvedLive(read),
  sync: true,
});

/** Whether sync is on here, as its service first says (false if it can't tell). */
function syncOn({ sync }: AppServices): Promise<boolean> {
  return new Promise((done) => {
    if (!sync) return done(false);
    let stop: (() => void) | null = null;
    let answered = false;
    stop = sync.subscribe((view) => {
      answered = true;
      done(view.on);
      stop?.();
    });
    if (answered) stop();
  });
}

function App({ notices }: { notices: HomeNotices | undefined }) {
  const [applyUpdate, setApplyUpdate] = useState<(() => void) | null>(null);
  useEffect(() => {
    registerServiceWorker((apply) => setApplyUpdate(() => apply));
    cacheViewsOnceIdle(fmt.locale, syncOn(services));
  }, []);
  return (
    <Dashboard
      services={services}
      focusCheckin={location.hash === '#checkin'}
      banner={<UpdateBanner onReload={applyUpdate} />}
      notices={notices}
    />
  );
}

// The first render waits for that read, and for which notices the check-in view opens with
// (their code loaded), so it is drawn whole: the settings ("today" from the person's own
// day-start hour), the streak, and nothing that appears a moment later above the moods.
let notices: HomeNotices | undefined;
start({ language: () => Promise.all([read, readChosenLanguage()]).then(([, code]) => code) }, () => <App notices={notices} />, {
  surface: 'app',
  // Once the words are there: the notices' code loads its words with it (components/ui/lazy.tsx).
  before: () => readHomeNotices(services).then((read) => void (notices = read), () => undefined),
});
