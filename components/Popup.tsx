import { useState } from 'preact/hooks';
import type { ReflectionKind } from '../lib/db/schema';
import type { AppServices } from '../lib/services';
import { Alert } from './Alert';
import { CheckinPanel } from './CheckinPanel';
import { ConnectionNotice } from './ConnectionNotice';
import { CrisisSheet } from './CrisisSheet';
import { ErrorBoundary } from './ErrorBoundary';
import { TodayList } from './CheckinList';
import { ReflectButtons } from './ReflectionList';
import { ReflectionForm } from './ReflectionForm';
import { ReminderBar } from './ReminderBar';
import { StreakCard } from './StreakCard';
import { r, t } from './strings';
import { useTandemData } from './useTandemData';

/** The toolbar popup: check in with one click or one key, see the streak and today. */
export function Popup({ services }: { services: AppServices }) {
  return (
    <ErrorBoundary>
      <PopupContent services={services} />
    </ErrorBoundary>
  );
}

function PopupContent({ services }: { services: AppServices }) {
  const data = useTandemData(services, 1);
  const [reflecting, setReflecting] = useState<ReflectionKind | null>(null);
  const [crisis, setCrisis] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <main class="popup">
      <div class="popup-head">
        <h1 class="visually-hidden">{t.appName}</h1>
        <button type="button" class="crisis-button" onClick={() => setCrisis(true)}>
          {r.crisisButton}
        </button>
      </div>
      <ConnectionNotice db={services.db} />
      <CheckinPanel services={services} pageWideKeys />
      <ReflectButtons onPick={setReflecting} />
      <Alert message={status} tone="info" />
      <StreakCard streak={data.streak} store={services.store} />
      <TodayList items={data.todayItems} timeZone={services.clock.timeZone()} today={data.today} />
      {services.reminders && <ReminderBar reminders={services.reminders} clock={services.clock} version={data.lastCheckinAt} />}
      {services.openDashboard && (
        <button type="button" class="secondary wide" onClick={() => services.openDashboard?.()}>
          {t.openDashboard}
        </button>
      )}
      {reflecting && (
        <ReflectionForm
          services={services}
          kind={reflecting}
          onClose={() => setReflecting(null)}
          onSaved={(message) => {
            setReflecting(null);
            setStatus(message);
          }}
        />
      )}
      {crisis && (
        <CrisisSheet
          services={services}
          onClose={() => setCrisis(false)}
          onAddContacts={() => services.openDashboard?.('plan')}
          onSaved={(message) => {
            setCrisis(false);
            setStatus(message);
          }}
        />
      )}
    </main>
  );
}
