import { useEffect } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { CheckinPanel } from '../checkin/CheckinPanel';
import { ConnectionNotice } from './ConnectionNotice';
import { ErrorBoundary } from './ErrorBoundary';
import { TodayList } from '../checkin/CheckinList';
import { ReflectButtons } from '../reflect/ReflectionList';
import { ReminderBar } from '../checkin/ReminderBar';
import { StreakCard } from '../checkin/StreakCard';
import { useSheets } from './useSheets';
import { useTandemData } from './useTandemData';
import { words } from '../i18n';
import { UrgeWindow } from '../reflect/UrgeSurfTimer';
import { WroteBack } from '../share/WroteBack';

/** The toolbar popup: check in with one click or one key, see the streak and today. */
export function Popup({ services }: { services: AppServices }) {
  return (
    <ErrorBoundary>
      {/* The urge timer moved to a small window of its own (Open in a window). */}
      {location.hash === '#urge' ? <UrgeWindow services={services} /> : <PopupContent services={services} />}
    </ErrorBoundary>
  );
}

function PopupContent({ services }: { services: AppServices }) {
  const data = useTandemData(services, 1);
  const { status, openReflection, openCrisis, sheets } = useSheets(services, () => services.openDashboard?.('plan'));
  useEffect(() => {
    document.title = words.main.popupTitle;
  }, []);
  return (
    <main class="popup">
      <div class="popup-head">
        <h1 class="visually-hidden">{words.main.appName}</h1>
        <button type="button" class="crisis-button" onClick={openCrisis}>
          {words.reflect.crisisButton}
        </button>
      </div>
      <ConnectionNotice connection={services.connection} />
      <CheckinPanel services={services} pageWideKeys resumeRecent />
      <ReflectButtons onPick={openReflection} />
      <Alert message={status} tone="info" />
      {/* The check-in above works at once; what depends on the settings waits for them. */}
      {data && (
        <>
          <StreakCard streak={data.streak} store={services.store} />
          <TodayList items={data.todayItems} timeZone={services.clock.timeZone()} today={data.today} />
          {services.reminders && <ReminderBar reminders={services.reminders} clock={services.clock} />}
        </>
      )}
      <WroteBack services={services} />
      {services.openDashboard && (
        <button type="button" class="secondary wide" onClick={() => services.openDashboard?.()}>
          {words.main.openDashboard}
        </button>
      )}
      {sheets}
    </main>
  );
}
