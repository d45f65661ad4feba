import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Dashboard } from '../../components/app/Dashboard';
import { createExtensionPageServices } from '../../lib/platform/extensionPages';
import '../../components/ui/styles.css';

const services = createExtensionPageServices(browser);
render(
  <Dashboard services={services} focusCheckin={location.hash === '#checkin'} />,
  document.getElementById('app')!,
);
