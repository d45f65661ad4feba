import { useEffect, useState } from 'preact/hooks';
import { Dashboard } from '../components/app/Dashboard';
import { start } from '../components/app/start';
import { UpdateBanner } from '../components/app/UpdateBanner';
import { systemClock } from '../lib/clock';
import { deferredServices } from '../lib/deferredServices';
import { readChosenLanguage } from '../lib/kv';
import { registerServiceWorker, reloadOnceOnStaleChunks } from './register';
import '../components/ui/styles.css';

reloadOnceOnStaleChunks();
// Ask the browser not to evict this origin's data under storage pressure.
void navigator.storage?.persist?.().catch(() => false);

// The check-in needs no data: the first screen renders once its words are there, while the
// database code (Dexie and the services) loads in parallel (lib/deferredServices.ts, issue 13).
const services = deferredServices(() => import('./services').then((m) => m.createWebAppServices()), { clock: systemClock, reminders: null });

function App() {
  const [applyUpdate, setApplyUpdate] = useState<(() => void) | null>(null);
  useEffect(() => registerServiceWorker((apply) => setApplyUpdate(() => apply)), []);
  return (
    <Dashboard
      services={services}
      focusCheckin={location.hash === '#checkin'}
      banner={<UpdateBanner onReload={applyUpdate} />}
    />
  );
}

start({ language: () => readChosenLanguage() }, () => <App />, { surface: 'app' });
