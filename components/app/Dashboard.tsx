import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { BackupNudge } from '../data/BackupNudge';
import { UpgradeNotice } from '../data/UpgradeNotice';
import { CheckinPanel } from '../checkin/CheckinPanel';
import { ConnectionNotice } from './ConnectionNotice';
import { DataPanel } from '../data/DataPanel';
import { TransferReceiver } from '../data/TransferReceiver';
import { ContactsEditor } from '../plan/ContactsEditor';
import { ErrorBoundary } from './ErrorBoundary';
import { CheckinList, TodayList } from '../checkin/CheckinList';
import { InsightsView } from '../insights/Insights';
import { MorningCard } from '../reflect/NextSteps';
import { RunWelcomeAgain } from '../welcome/RunWelcomeAgain';
import { WelcomePanel } from '../welcome/WelcomePanel';
import { PlanEditor } from '../plan/PlanEditor';
import { PwaReminderNote } from '../checkin/PwaReminderNote';
import { ReflectButtons, ReflectionList } from '../reflect/ReflectionList';
import { ReminderBar } from '../checkin/ReminderBar';
import { SettingsForm } from '../settings/SettingsForm';
import { SyncReceiver } from '../sync/SyncReceiver';
import { SyncSection } from '../sync/SyncSection';
import { SharePanel } from '../share/SharePanel';
import { StreakCard } from '../checkin/StreakCard';
import { useSheets } from './useSheets';
import { useTandemData } from './useTandemData';
import { ValuesAndWins } from '../checkin/ValuesAndWins';
import { ValuesEditor } from '../plan/ValuesEditor';
import { words } from '../i18n';

interface Props {
  services: AppServices;
  /** Focus the check-in at once (opened from a reminder). */
  focusCheckin?: boolean;
  /** Surface-specific banners, e.g. the PWA's "reload to update". */
  banner?: ComponentChildren;
}

/** The dashboard's views, in order; each is named by words.main.views. */
const VIEWS = ['home', 'reflections', 'plan', 'insights', 'share', 'settings'] as const;
type View = (typeof VIEWS)[number];

function viewFromHash(): View {
  const id = location.hash.slice(1);
  return (VIEWS as readonly string[]).includes(id) ? (id as View) : 'home';
}

/** The full app, rendered both as the extension's dashboard page and as the PWA. */
export function Dashboard(props: Props) {
  return (
    <ErrorBoundary>
      <DashboardContent {...props} />
    </ErrorBoundary>
  );
}

function DashboardContent({ services, focusCheckin = false, banner }: Props) {
  const data = useTandemData(services);
  const timeZone = services.clock.timeZone();
  const [view, setView] = useState<View>(viewFromHash);
  /** A situation an insight asked to add steps for: My plan opens on it. */
  const [planFor, setPlanFor] = useState<string | null>(null);

  // The address follows the view, so a view can be bookmarked or opened from the popup.
  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (next: View) => {
    if (next !== 'plan') setPlanFor(null);
    setView(next);
    history.replaceState(null, '', next === 'home' ? location.pathname + location.search : `#${next}`);
  };
  useEffect(() => {
    document.title = words.main.appName;
  }, []);
  // While the app is open, other devices' changes arrive as they happen (when sync is on).
  useEffect(() => services.sync?.keepLive(), [services]);
  const { status, openReflection, openCrisis, sheets } = useSheets(services, () => {
    go('plan');
    requestAnimationFrame(() => document.getElementById('contact-name')?.focus());
  });
  // Only until the settings are read (the entry points wait for them, so normally never, unless
  // an old page holds the database up): "today" is never worked out from a default day-start hour.
  if (!data) return <ConnectionNotice connection={services.connection} />;

  return (
    <>
      <header class="top">
        <h1>{words.main.appName}</h1>
        <button type="button" class="crisis-button" onClick={openCrisis}>
          {words.reflect.crisisButton}
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
      <SyncReceiver services={services} />
      <div class="status-line">
        <Alert message={status} tone="info" />
      </div>
      <main class={view === 'home' ? 'dashboard' : 'dashboard single'}>
        {view === 'home' && (
          <>
            <WelcomePanel services={services} />
            <div class="column">
              <MorningCard services={services} />
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
            <ReflectionList services={services} today={data.today} />
          </div>
        )}
        {view === 'plan' && (
          <div class="column">
            <PlanEditor key={planFor ?? ''} services={services} planFor={planFor} />
            <ValuesEditor services={services} />
            <ContactsEditor services={services} />
          </div>
        )}
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
            <SharePanel services={services} />
          </div>
        )}
        {view === 'settings' && (
          <div class="column">
            <SettingsForm services={services} />
            <RunWelcomeAgain services={services} onStart={() => go('home')} />
            <SyncSection services={services} appAddress={/^https?:$/.test(location.protocol) ? `${location.origin}${location.pathname}` : null} />
            <DataPanel services={services} />
          </div>
        )}
      </main>
      {sheets}
    </>
  );
}
