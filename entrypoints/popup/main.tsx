import { browser } from 'wxt/browser';
import { Popup } from '../../components/app/Popup';
import { pageShell } from '../../components/app/shell';
import { start } from '../../components/app/start';
import { systemClock } from '../../lib/clock';
import { deferredServices } from '../../lib/deferredServices';
import { readChosenLanguage } from '../../lib/kv';
import { resolvedLive } from '../../lib/liveService';
import { readOpening } from '../../lib/opening';
import { extensionPageActions } from '../../lib/platform/extensionActions';
import '../../components/ui/styles.css';

// The mood buttons need no data: the shell of the last open draws them before the modules run
// (components/app/shell.ts). The first render comes with the streak, from one small read of its
// own (lib/opening.ts), and the records' database code loads just after (lib/deferredServices.ts).
const close = () => window.close();
const actions = extensionPageActions(browser, close);
const read = readOpening(indexedDB).catch(() => null);
const services = deferredServices(
  () => import('../../lib/platform/extensionPages').then((m) => m.createExtensionPageServices(browser, close, actions)),
  { clock: systemClock, ...actions, opening: resolvedLive(read) },
);
start({ language: () => Promise.all([read, readChosenLanguage()]).then(([, code]) => code) }, () => <Popup services={services} />, {
  surface: 'popup',
  shell: pageShell,
});
