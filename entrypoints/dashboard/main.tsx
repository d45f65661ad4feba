import { browser } from 'wxt/browser';
import { Dashboard } from '../../components/app/Dashboard';
import { start } from '../../components/app/start';
import { createExtensionPageServices } from '../../lib/platform/extensionPages';
import { storeForStart } from '../../lib/services';
import '../../components/ui/styles.css';

const services = createExtensionPageServices(browser);
start(storeForStart(services), () => <Dashboard services={services} focusCheckin={location.hash === '#checkin'} />, { surface: 'app' });
