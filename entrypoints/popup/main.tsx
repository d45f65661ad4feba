import { browser } from 'wxt/browser';
import { Popup } from '../../components/app/Popup';
import { start } from '../../components/app/start';
import { createExtensionPageServices } from '../../lib/platform/extensionPages';
import { storeForStart } from '../../lib/services';
import '../../components/ui/styles.css';

const services = createExtensionPageServices(browser, () => window.close());
start(storeForStart(services), () => <Popup services={services} />, { surface: 'popup' });
