import { useState } from 'preact/hooks';
import { formatClock, parseClock } from '../../lib/days';
import { DAY_START_MAX, DAY_START_MIN } from '../../lib/settings';
import { words } from '../i18n';
import { readHours } from './HoursStep';
import { Loading, StepFrame, useStepRead, type StepProps } from './StepFrame';

const HOURS = Array.from({ length: DAY_START_MAX - DAY_START_MIN + 1 }, (_, i) => DAY_START_MIN + i);

/** Step 2: when the day ends (the settings' day-start hour). */
export function DayEndStep(props: StepProps) {
  const { value: settings, error } = useStepRead(readHours, props);
  if (!settings) return <Loading error={error} />;
  return <DayEndForm {...props} initial={settings.dayStartHour} />;
}

function DayEndForm({ services, initial, onSaved, ...frame }: StepProps & { initial: number }) {
  const w = words.welcome.dayEnd;
  const [hour, setHour] = useState(initial);

  async function save() {
    const current = await services.store.settings();
    // A new hour puts every record on its day again, in the same transaction.
    await services.store.saveSettings({ ...current, dayStartHour: hour });
    await services.reminders?.settingsChanged().catch(() => undefined);
    onSaved(w.saved(hour));
  }

  return (
    <StepFrame {...frame} id="dayEnd" title={w.heading} intro={w.intro} submit={w.save} onSubmit={save}>
      <label for="welcome-day-end">{w.label}</label>
      <select
        id="welcome-day-end"
        aria-describedby="welcome-day-end-hint"
        value={formatClock(hour * 60)}
        onChange={(e) => setHour(Math.floor((parseClock(e.currentTarget.value) ?? 0) / 60))}
      >
        {HOURS.map((h) => (
          <option key={h} value={formatClock(h * 60)}>
            {w.option(h)}
          </option>
        ))}
      </select>
      <p class="hint" id="welcome-day-end-hint">
        {w.hint}
      </p>
    </StepFrame>
  );
}
