import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { CheckinPanel } from '../checkin/CheckinPanel';
import { ConnectionNotice } from './ConnectionNotice';
import { TransferReceiver } from '../data/TransferReceiver';
import { ErrorBoundary } from './ErrorBoundary';
import { TodayList } from '../checkin/TodayList';
import { PwaReminderNote } from '../checkin/PwaReminderNote';
import { ReflectButtons } from '../reflect/ReflectButtons';
import { PAIRING_PREFIX } from '../../lib/sync/prefix';
import { StreakCard } from '../checkin/StreakCard';
import { prefetchSheets, useSheets } from './useSheets';
import { useTandemData } from './useTandemData';
import { MorningCard, useHomeNotices, WelcomePanel, WellbeingCheck, type HomeNotices } from './useHomeNotices';
import { lazyComponent, whenIdle } from '../ui/lazy';
import { words } from '../i18n';
import { REPLY_PREFIX, replyPayload } from '../../lib/share/replyFormat';

// The home view (the check-in) is in the first download; every other view loads when it is
// opened, and all of them are fetched once the browser is idle (the web app's service worker
// caches them once the first screen is up, pwa/sw.ts, so each view opens offline). Views whose
// services load their code on first use wait for it (components/ui/lazy.tsx), so their live
// queries observe from the start.
const ReflectionsView = lazyComponent(() => import('../reflect/ReflectionList').then((m) => m.ReflectionList));
const PlanView = lazyComponent(() =>
  Promise.all([import('../plan/PlanEditor'), import('../plan/ValuesEditor'), import('../plan/ContactsEditor')]).then(
    ([{ PlanEditor }, { ValuesEditor }, { ContactsEditor }]) =>
      function Plan({ services, planFor }: { services: AppServices; planFor: string | null }) {
        return (
          <div class="column">
            <PlanEditor key={planFor ?? ''} services={services} planFor={planFor} />
            <ValuesEditor services={services} />
            <ContactsEditor services={services} />
          </div>
        );
      },
  ),
);
const InsightsView = lazyComponent(() => import('../insights/Insights').then((m) => m.InsightsView));
// The mentor links' log is a live query over the share service: its code is there first.
const SharePanel = lazyComponent(() => import('../share/SharePanel').then((m) => m.SharePanel), {
  before: ({ services }) => services.loadAll(),
});
const SettingsView = lazyComponent<{ services: AppServices; onWelcome: () => void }>(
  () =>
    Promise.all([
      import('../settings/SettingsForm'),
      import('../welcome/RunWelcomeAgain'),
      import('../sync/SyncSection'),
      import('../data/DataPanel'),
    ]).then(
      ([{ SettingsForm }, { RunWelcomeAgain }, { SyncSection }, { DataPanel }]) =>
        function Settings({ services, onWelcome }: { services: AppServices; onWelcome: () => void }) {
          return (
            <div class="column">
              <SettingsForm services={services} />
              <RunWelcomeAgain services={services} onStart={onWelcome} />
              <SyncSection services={services} appAddress={/^https?:$/.test(location.protocol) ? `${location.origin}${location.pathname}` : null} />
              <DataPanel services={services} />
            </div>
          );
        },
    ),
);
// A pairing link the page was opened with (#sync=…): its code (the codec, validation) loads only then.
const pairingAtStart = typeof location !== 'undefined' && location.hash.startsWith(PAIRING_PREFIX);
const SyncReceiver = lazyComponent(() => import('../sync/SyncReceiver').then((m) => m.SyncReceiver));
// Notices of the home view, worded from the data section (loaded after the first screen).
// The check-in view's parts around the check-in are optional (components/ui/lazy.tsx): offline,
// before their code was ever cached, they are left out and the check-in still works.
const UpgradeNotice = lazyComponent(() => import('../data/UpgradeNotice').then((m) => m.UpgradeNotice), { optional: true });
const BackupNudge = lazyComponent(() => import('../data/BackupNudge').then((m) => m.BackupNudge), { optional: true });
// The recent list with its editor, beside the check-in (below it on a phone).
const CheckinList = lazyComponent(() => import('../checkin/CheckinList').then((m) => m.CheckinList), { optional: true });
// The extension's reminder controls need the background: not in the web app's first download.
const ReminderBar = lazyComponent(() => import('../checkin/ReminderBar').then((m) => m.ReminderBar));
// The wellbeing check's trend belongs to Insights (the check itself is a notice: useHomeNotices).
const WellbeingTrend = lazyComponent(() => import('../insights/WellbeingTrend').then((m) => m.WellbeingTrend));
const ValuesAndWins = lazyComponent(() => import('../checkin/ValuesAndWins').then((m) => m.ValuesAndWins), { optional: true });
const VIEW_PARTS = [ReflectionsView, PlanView, InsightsView, SharePanel, SettingsView];
// The check-in view's parts beside and below the check-in, fetched as the page mounts so they
// come close together. The notices above it that show are there before it is drawn
// (useHomeNotices); the morning card, mounted always, comes with these when it is not due.
const HOME_PARTS = [MorningCard, UpgradeNotice, BackupNudge, ValuesAndWins, CheckinList];

interface Props {
  services: AppServices;
  /** Focus the check-in at once (opened from a reminder). */
  focusCheckin?: boolean;
  /** Surface-specific banners, e.g. the PWA's "reload to update". */
  banner?: ComponentChildren;
  /** The check-in view's notices, read before the first render (the web app: readHomeNotices). */
  notices?: HomeNotices;
}

/** The dashboard's views, in order; each is named by words.main.views. */
const VIEWS = ['home', 'reflections', 'plan', 'insights', 'share', 'settings'] as const;
type View = (typeof VIEWS)[number];

function viewFromHash(): View {
  const id = location.hash.slice(1);
  if (replyPayload(id) !== null) return 'share';
  return (VIEWS as readonly string[]).includes(id) ? (id as View) : 'home';
}

/** The full app, rendered both as the extension's dashboard page and as the PWA. */
export function Dashboard(props: Props) {
  return (
    <ErrorBoundary connection={props.services.connection}>
      <DashboardContent {...props} />
    </ErrorBoundary>
  );
}

function DashboardContent({ services, focusCheckin = false, banner, notices: opened }: Props) {
  const data = useTandemData(services);
  const timeZone = services.clock.timeZone();
  const [view, setView] = useState<View>(viewFromHash);
  const { notices, hideWelcome } = useHomeNotices(services, view === 'home', opened);
  /** A mentor's reply link the page was opened with (<app>#reply=…): opened under Mentor links. */
  const [replyLink, setReplyLink] = useState<string | null>(() => (location.hash.startsWith(`#${REPLY_PREFIX}`) ? location.hash : null));
  /** A situation an insight asked to add steps for: My plan opens on it. */
  const [planFor, setPlanFor] = useState<string | null>(null);

  // The address follows the view, so a view can be bookmarked or opened from the popup.
  useEffect(() => {
    const onHash = () => {
      if (location.hash.startsWith(`#${REPLY_PREFIX}`)) setReplyLink(location.hash);
      setView(viewFromHash());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: View) => {
    if (next !== 'plan') setPlanFor(null);
    setView(next);
    history.replaceState(null, '', next === 'home' ? location.pathname + location.search : `#${next}`);
  };
  useEffect(() => {
    if (view === 'home') {
      for (const part of HOME_PARTS) void part.prefetch().catch(() => undefined);
      void services.loadLater().catch(() => undefined);
    }
  }, []);
  useEffect(() => {
    document.title = words.main.appName;
    // The sheets first (the crisis sheet must open at once); the other views well after the first
    // screen settled: running their code is long work a first tap should not wait behind, and
    // opening one later loads it from the worker's cache anyway.
    whenIdle(() => void prefetchSheets().catch(() => undefined));
    whenIdle(() => void Promise.all([...VIEW_PARTS.map((v) => v.prefetch()), services.loadAll()]).catch(() => undefined), { delay: 6000 });
  }, []);
  // The reply is read from the address once; it leaves the address bar and history at once.
  useEffect(() => {
    if (replyLink) history.replaceState(null, '', '#share');
  }, [replyLink]);
  // While the app is open, other devices' changes arrive as they happen (when sync is on).
  useEffect(() => services.sync?.keepLive(), [services]);
  const { status, openReflection, openCrisis, sheets } = useSheets(services, () => {
    go('plan');
    requestAnimationFrame(() => document.getElementById('contact-name')?.focus());
  });
  // Until the settings are read (the entry points wait for them, so normally never, unless an
  // old page holds the database up), only the header and the views' names show; the views come
  // with the data, below them. "Today" is never worked out from a default day-start hour.

  return (
    <>
      <header class="top">
        <h1>{words.main.appName}</h1>
        <button type="button" class="crisis-button" onClick={openCrisis}>
          {words.main.crisisButton}
        </button>
      </header>
      <nav aria-label={words.main.sections} class="tabs">
        {VIEWS.map((v) => (
          <button type="button" key={v} class="tab" aria-current={view === v ? 'page' : undefined} onClick={() => go(v)}>
            {words.main.views[v]}
          </button>
        ))}
      </nav>
      {banner}
      <ConnectionNotice connection={services.connection} />
      <TransferReceiver services={services} />
      {pairingAtStart && <SyncReceiver services={services} />}
      <div class="status-line">
        <Alert message={status} tone="info" />
      </div>
      {data && (view !== 'home' || notices) && (
      <main class={view === 'home' ? 'dashboard' : 'dashboard single'}>
        {view === 'home' && notices && (
          <>
            {notices.welcome && <WelcomePanel services={services} opened={notices.welcome} onHide={hideWelcome} />}
            <div class="column">
              <MorningCard services={services} opened={notices.morning} />
              <WellbeingCheck services={services} onCrisis={openCrisis} due={notices.wellbeingDue} />
              <CheckinPanel services={services} autoFocus={focusCheckin} />
              <ReflectButtons onPick={openReflection} />
              <section aria-labelledby="streak-heading">
                <h2 id="streak-heading">{words.main.streakHeading}</h2>
                <StreakCard streak={data.streak} store={services.store} />
              </section>
              {services.reminders ? (
                <ReminderBar reminders={services.reminders} clock={services.clock} />
              ) : (
                <PwaReminderNote now={data.now} timeZone={timeZone} settings={data.settings} lastCheckinAt={data.lastCheckinAt} />
              )}
              <TodayList items={data.todayItems} timeZone={timeZone} today={data.today} />
            </div>
            <div class="column">
              <UpgradeNotice services={services} />
              <BackupNudge services={services} onOpen={() => go('settings')} />
              <ValuesAndWins services={services} today={data.today} onEditValues={() => go('plan')} />
              <CheckinList items={data.recent} services={services} today={data.today} />
            </div>
          </>
        )}
        {view === 'reflections' && (
          <div class="column">
            <ReflectButtons onPick={openReflection} />
            <ReflectionsView services={services} today={data.today} />
          </div>
        )}
        {view === 'plan' && <PlanView services={services} planFor={planFor} />}
        {view === 'insights' && <WellbeingTrend services={services} onCrisis={openCrisis} />}
        {view === 'insights' && (
          <InsightsView
            services={services}
            today={data.today}
            onPlanFor={(trigger) => {
              setPlanFor(trigger);
              go('plan');
            }}
          />
        )}
        {view === 'share' && (
          <div class="column">
            <SharePanel key={replyLink ?? ''} services={services} replyLink={replyLink} />
          </div>
        )}
        {view === 'settings' && <SettingsView services={services} onWelcome={() => go('home')} />}
      </main>
      )}
      {sheets}
    </>
  );
}
