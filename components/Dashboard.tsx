import type { ComponentChildren } from 'preact';
import type { AppServices } from '../lib/services';
import { CheckinPanel } from './CheckinPanel';
import { ErrorBoundary } from './ErrorBoundary';
import { CheckinList, TodayList } from './CheckinList';
import { PwaReminderNote } from './PwaReminderNote';
import { ReminderBar } from './ReminderBar';
import { SettingsForm } from './SettingsForm';
import { SharePanel } from './share/SharePanel';
import { StreakCard } from './StreakCard';
import { t } from './strings';
import { useTandemData } from './useTandemData';

interface Props {
  services: AppServices;
  /** Focus the check-in at once (opened from a reminder). */
  focusCheckin?: boolean;
  /** Surface-specific banners, e.g. the PWA's "reload to update". */
  banner?: ComponentChildren;
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
  return (
    <>
      <header class="top">
        <h1>{t.appName}</h1>
      </header>
      {banner}
      <main class="dashboard">
        <div class="column">
          <CheckinPanel services={services} autoFocus={focusCheckin} />
          <section aria-labelledby="streak-heading">
            <h2 id="streak-heading">Streak</h2>
            <StreakCard streak={data.streak} store={services.store} />
          </section>
          {services.reminders ? (
            <ReminderBar
              reminders={services.reminders}
              clock={services.clock}
              version={`${data.lastCheckinAt}/${data.settingsVersion}`}
            />
          ) : (
            <PwaReminderNote
              now={data.now}
              timeZone={timeZone}
              settings={data.settings}
              lastCheckinAt={data.lastCheckinAt}
            />
          )}
          <TodayList items={data.todayItems} timeZone={timeZone} today={data.today} />
        </div>
        <div class="column">
          <CheckinList items={data.recent} services={services} today={data.today} />
          <SettingsForm services={services} onSaved={data.reloadSettings} />
          <SharePanel services={services} />
        </div>
      </main>
    </>
  );
}
