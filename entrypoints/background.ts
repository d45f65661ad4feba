import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { backgroundWords } from '../components/i18n/backgroundWords';
import { urgeBackgroundWords } from '../components/reflect/urgeWords';
import { systemClock } from '../lib/clock';
import { createCheckinService } from '../lib/checkins';
import { openDatabase } from '../lib/db/schema';
import { createKeyValueStore } from '../lib/kv';
import { createMessageHandler } from '../lib/messages';
import {
  extensionAlarms,
  extensionBadge,
  extensionIdle,
  extensionNotifier,
  extensionTimerAlarms,
  PROMPT_ALARM,
  PROMPT_NOTIFICATION,
  TOMORROW_ALARM,
  URGE_END_ALARM,
  URGE_NOTIFICATION,
  URGE_TICK_ALARM,
} from '../lib/platform/extension';
import { DASHBOARD_PATH, POPUP_PATH, URGE_WINDOW } from '../lib/platform/extensionPages';
import { openWelcomeOnInstall } from '../lib/platform/welcomeTab';
import { createPrompter, IDLE_SECONDS } from '../lib/prompter';
import { keepSyncAlarm, SYNC_ALARM } from '../lib/platform/extension';
import { createBrowserSyncRunner } from '../lib/sync/browserRunner';
import { createSyncMessageHandler, SYNC_LIVE_PORT, SYNC_LOCAL_CHANGED } from '../lib/sync/messages';
import { readConfig } from '../lib/sync/state';

// Wires the reminder service to the extension's events. Every listener is registered
// synchronously on each worker start; no state is kept in memory between events.
export default defineBackground(() => {
  const db = openDatabase();
  const store = createKeyValueStore(db);
  const checkins = createCheckinService({
    db,
    clock: systemClock,
    dayStartHour: async () => (await store.settings()).dayStartHour,
  });
  // The words in the person's language, read when they are needed: a language chosen in a
  // page later applies at the next badge or notification, without restarting the worker.
  const chosenLanguage = () => store.language().catch(() => undefined);
  const words = async () => backgroundWords(await chosenLanguage(), globalThis.navigator?.languages);
  const urgeWords = async () => urgeBackgroundWords(await chosenLanguage(), globalThis.navigator?.languages);
  // Firefox's MV2 build names the toolbar button browserAction.
  const action = browser.action ?? browser.browserAction;
  const prompter = createPrompter({
    store,
    lastCheckinAt: () => checkins.lastCheckinAt(),
    clock: systemClock,
    badge: extensionBadge(action, async () => {
      const [{ badge }, urge] = await Promise.all([words(), urgeWords()]);
      return { ...badge, urgeMinutes: urge.urgeMinutes, urgeEnded: urge.urgeEnded };
    }),
    alarms: extensionAlarms(browser.alarms),
    timerAlarms: extensionTimerAlarms(browser.alarms),
    notifier: extensionNotifier(
      () => browser.notifications,
      browser.permissions,
      browser.runtime.getURL('/icon/128.png'),
      async () => {
        const [{ badge, notificationDefault }, urge] = await Promise.all([words(), urgeWords()]);
        return { title: badge.notificationTitle, defaultText: notificationDefault, urgeEnd: urge.urgeEnd };
      },
    ),
    idle: extensionIdle(browser.idle, IDLE_SECONDS),
  });
  const handleMessage = createMessageHandler(prompter);
  const report = (err: unknown) => console.error('Tandem background:', err);
  // Sync runs here, so pages never wait for the network: after each write (debounced), on its
  // alarm, on each worker start, and live while an extension page holds a port open.
  const sync = createBrowserSyncRunner(db, systemClock);
  const syncAlarm = async () => keepSyncAlarm(browser.alarms, (await readConfig(db)) !== null);
  const handleSync = createSyncMessageHandler(sync, () => void syncAlarm().catch(report));
  let livePages = 0;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SYNC_LIVE_PORT) return;
    if (livePages++ === 0) sync.startLive().catch(report);
    port.onDisconnect.addListener(() => {
      if (--livePages === 0) sync.stopLive();
    });
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    // Each alarm by its own name; the prompt alarm is only ever the one named PROMPT_ALARM.
    if (alarm.name === PROMPT_ALARM) prompter.onAlarm().catch(report);
    else if (alarm.name === URGE_END_ALARM) prompter.onUrgeEnd().catch(report);
    else if (alarm.name === URGE_TICK_ALARM || alarm.name === TOMORROW_ALARM) prompter.onTimerAlarm().catch(report);
    else if (alarm.name === SYNC_ALARM) sync.syncNow().catch(report);
  });
  browser.runtime.onStartup.addListener(() => {
    prompter.refresh().catch(report);
  });
  browser.runtime.onInstalled.addListener(() => {
    prompter.onSettingsChanged().catch(report);
  });
  // A new install opens Welcome to Tandem in a tab (an update does not).
  openWelcomeOnInstall(browser.runtime, browser.tabs);
  browser.idle.setDetectionInterval(IDLE_SECONDS);
  browser.idle.onStateChanged.addListener((state) => {
    if (state === 'active') prompter.refresh().catch(report);
  });
  // sendResponse rather than a returned promise: older Chrome releases ignore the promise.
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === SYNC_LOCAL_CHANGED || type === 'data-changed') sync.localChanged();
    if (type === SYNC_LOCAL_CHANGED) return false;
    const reply = handleSync(message) ?? handleMessage(message);
    if (!reply) return false;
    reply.then(sendResponse, (err: unknown) => {
      report(err);
      sendResponse({ error: err instanceof Error ? err.message : String(err) });
    });
    return true;
  });
  const onNotificationClick = (id: string) => {
    if (id !== PROMPT_NOTIFICATION && id !== URGE_NOTIFICATION) return;
    void browser.notifications.clear(id);
    // The urge timer's end opens the timer in its own small window, where the person says how
    // strong the urge is now.
    if (id === URGE_NOTIFICATION) {
      browser.windows
        .create({ url: browser.runtime.getURL(`${POPUP_PATH}#urge`), type: 'popup', ...URGE_WINDOW })
        .catch(report);
      return;
    }
    // The popup is the check-in; where it cannot be opened programmatically, the
    // dashboard opens with the check-in focused.
    const openDashboard = () => browser.tabs.create({ url: browser.runtime.getURL(`${DASHBOARD_PATH}#checkin`) });
    const opening = action.openPopup
      ? Promise.resolve()
          .then(() => action.openPopup!())
          .catch(openDashboard)
      : openDashboard();
    opening.catch(report);
  };
  // Notifications are optional: the API exists only once granted, which may happen while
  // this worker is alive, so listen for the grant too.
  let listeningToClicks = false;
  const listenToClicks = () => {
    if (listeningToClicks || !browser.notifications) return;
    browser.notifications.onClicked.addListener(onNotificationClick);
    listeningToClicks = true;
  };
  listenToClicks();
  browser.permissions.onAdded.addListener(listenToClicks);

  // Each worker start: recompute the badge from the database and create the alarm only if
  // it is missing.
  prompter.refresh().catch(report);
  // A worker that was asleep catches up at once (and keeps the alarm if sync is on).
  syncAlarm().then(() => sync.syncNow()).catch(report);
});
