import { browser } from 'wxt/browser';
import { ErrorBoundary } from '../../components/app/ErrorBoundary';
import { start } from '../../components/app/start';
import { Welcome } from '../../components/welcome/Welcome';
import { createExtensionPageServices, DASHBOARD_PATH } from '../../lib/platform/extensionPages';
import '../../components/ui/styles.css';

// The welcome, full page: opened in a tab on install (lib/platform/welcomeTab.ts). It ends on
// the dashboard with the check-in focused.
const services = createExtensionPageServices(browser);
start(services.store, () => (
  <ErrorBoundary>
    <Welcome services={services} onDone={() => location.assign(`${browser.runtime.getURL(DASHBOARD_PATH)}#checkin`)} />
  </ErrorBoundary>
));
