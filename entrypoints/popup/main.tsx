import { browser } from 'wxt/browser';
import { Popup } from '../../components/app/Popup';
import { start } from '../../components/app/start';
import { systemClock } from '../../lib/clock';
import { deferredServices } from '../../lib/deferredServices';
import { readChosenLanguage } from '../../lib/kv';
import { resolvedLive } from '../../lib/liveService';
import { readOpening } from '../../lib/opening';
import { extensionPageActions } from '../../lib/platform/extensionActions';
import '../../components/ui/styles.css';

// The mood buttons need no data: the popup renders them once its words are there, while the
// records' database code loads just after (lib/deferredServices.ts, issue 13).
const close = () => window.close();
const actions = extensionPageActions(browser, close);
// The streak's inputs in one small read of its own, so the streak shows before Dexie is there.
const opening = resolvedLive(readOpening(indexedDB).catch(() => null));
const services = deferredServices(
  () => import('../../lib/platform/extensionPages').then((m) => m.createExtensionPageServices(browser, close, actions)),
  { clock: systemClock, ...actions, opening },
);
start({ language: () => readChosenLanguage() }, () => <Popup services={services} />, { surface: 'popup' });
