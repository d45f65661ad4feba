import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/app/Popup';
import { createExtensionPageServices } from '../../lib/platform/extensionPages';
import '../../components/ui/styles.css';

const services = createExtensionPageServices(browser, () => window.close());
render(<Popup services={services} />, document.getElementById('app')!);
