import { browser } from 'wxt/browser';
import { Dashboard } from '../../components/app/Dashboard';
import { start } from '../../components/app/start';
import { systemClock } from '../../lib/clock';
import { deferredServices } from '../../lib/deferredServices';
import { readChosenLanguage } from '../../lib/kv';
import { extensionPageActions } from '../../lib/platform/extensionActions';
import '../../components/ui/styles.css';

// As the popup: the check-in renders while the database code loads (lib/deferredServices.ts).
const actions = extensionPageActions(browser);
const services = deferredServices(
  () => import('../../lib/platform/extensionPages').then((m) => m.createExtensionPageServices(browser, undefined, actions)),
  { clock: systemClock, ...actions },
);
start({ language: () => readChosenLanguage() }, () => <Dashboard services={services} focusCheckin={location.hash === '#checkin'} />, { surface: 'app' });
