import { useEffect } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { CheckinPanel } from '../checkin/CheckinPanel';
import { ConnectionNotice } from './ConnectionNotice';
import { ErrorBoundary } from './ErrorBoundary';
import { TodayList } from '../checkin/TodayList';
import { ReflectButtons } from '../reflect/ReflectButtons';
import { StreakCard } from '../checkin/StreakCard';
import { lazyComponent } from '../ui/lazy';
import { prefetchSheets, useSheets } from './useSheets';
import { useTandemData } from './useTandemData';
import { words } from '../i18n';
import { WroteBack } from '../share/WroteBack';

// The popup opens many times a day: its first screen loads only the check-in, the streak and
// today. Everything else (the sheets, the reminder controls, the urge timer's window) is a lazy
// part (components/ui/lazy.tsx); a new part of the popup should be one too, unless it is tiny.
const UrgeWindow = lazyComponent(() => import('../reflect/UrgeSurfTimer').then((m) => m.UrgeWindow));
const ReminderBar = lazyComponent(() => import('../checkin/ReminderBar').then((m) => m.ReminderBar));

/** The toolbar popup: check in with one click or one key, see the streak and today. */
export function Popup({ services }: { services: AppServices }) {
  return (
    <ErrorBoundary connection={services.connection}>
      {/* The urge timer moved to a small window of its own (Open in a window). */}
      {location.hash === '#urge' ? <UrgeWindow services={services} /> : <PopupContent services={services} />}
    </ErrorBoundary>
  );
}

function PopupContent({ services }: { services: AppServices }) {
  const data = useTandemData(services, 1, { recent: false });
  const { status, openReflection, openCrisis, sheets } = useSheets(services, () => services.openDashboard?.('plan'));
  useEffect(() => {
    document.title = words.main.popupTitle;
    // The mood buttons are up: the crisis sheet must be one instant click away.
    void prefetchSheets().catch(() => undefined);
  }, []);
  return (
    <main class="popup">
      <div class="popup-head">
        <h1 class="visually-hidden">{words.main.appName}</h1>
        <button type="button" class="crisis-button" onClick={openCrisis}>
          {words.main.crisisButton}
        </button>
      </div>
      <ConnectionNotice connection={services.connection} />
      <CheckinPanel services={services} pageWideKeys resumeRecent />
      {/* The check-in above works at once; what depends on the settings waits for them. The
          streak follows the check-in at once, so the whole path fits the popup's 600px. */}
      {data && <StreakCard streak={data.streak} store={services.store} />}
      <ReflectButtons onPick={openReflection} />
      <Alert message={status} tone="info" />
      {data && (
        <>
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
