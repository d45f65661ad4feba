import { useEffect, useState } from 'preact/hooks';
import { Dashboard } from '../components/app/Dashboard';
import { start } from '../components/app/start';
import { UpdateBanner } from '../components/app/UpdateBanner';
import { fmt } from '../components/i18n';
import { systemClock } from '../lib/clock';
import { openDatabase } from '../lib/db/schema';
import { createKeyValueStore } from '../lib/kv';
import { readConfig } from '../lib/sync/state';
import { createAppServices, storeForStart } from '../lib/services';
import { cacheViewsOnceIdle } from './cacheViews';
import { registerServiceWorker, reloadOnceOnStaleChunks } from './register';
import { webAppSync } from './sync';
import '../components/ui/styles.css';

reloadOnceOnStaleChunks();
// Ask the browser not to evict this origin's data under storage pressure.
void navigator.storage?.persist?.().catch(() => false);

const db = openDatabase();
const services = createAppServices({
  db,
  store: createKeyValueStore(db),
  clock: systemClock,
  reminders: null,
  sync: webAppSync(db, systemClock),
});

function App() {
  const [applyUpdate, setApplyUpdate] = useState<(() => void) | null>(null);
  useEffect(() => {
    registerServiceWorker((apply) => setApplyUpdate(() => apply));
    cacheViewsOnceIdle(fmt.locale, readConfig(db).then((config) => config !== null));
  }, []);
  return (
    <Dashboard
      services={services}
      focusCheckin={location.hash === '#checkin'}
      banner={<UpdateBanner onReload={applyUpdate} />}
    />
  );
}

start(storeForStart(services), () => <App />, { surface: 'app' });
