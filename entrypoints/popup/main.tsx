import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { createExtensionPageServices } from '../../lib/platform/extensionPages';
import '../../components/styles.css';

const services = createExtensionPageServices(browser, () => window.close());
render(<Popup services={services} />, document.getElementById('app')!);
