import { useState } from 'preact/hooks';
import { formatClock, parseClock, type Weekday } from '../../lib/days';
import { reminderDays, type Settings } from '../../lib/settings';
import { problemText } from '../i18n/errorText';
import { words } from '../i18n';
import { firstWindow, hoursSettings, isAnyTime, uniformPlan, WEEK } from './rules';
import { Loading, StepFrame, useStepRead, type StepProps, type StepRead } from './StepFrame';

export const readHours: StepRead<Settings> = (services) => services.store.settings();

/** Step 1: the days and hours of work, which become the week plan's windows (or "my hours change"). */
export function HoursStep(props: StepProps) {
  const { value: base, error } = useStepRead(readHours, props);
  if (!base) return <Loading error={error} />;
  return <HoursForm {...props} base={base} />;
}

function HoursForm({ services, base, onSaved, ...frame }: StepProps & { base: Settings }) {
  const w = words.welcome.hours;
  const first = firstWindow(base);
  const uniform = uniformPlan(base);
  const initialStart = first ? formatClock(first.start) : '09:00';
  const initialEnd = first ? formatClock(first.end % 1440) : '17:00';
  const [kind, setKind] = useState<'set' | 'change'>(isAnyTime(base) ? 'change' : 'set');
  const [days, setDays] = useState<Weekday[]>(isAnyTime(base) ? [1, 2, 3, 4, 5] : reminderDays(base));
  const [start, setStart] = useState(isAnyTime(base) ? '09:00' : initialStart);
  const [end, setEnd] = useState(isAnyTime(base) ? '17:00' : initialEnd);
  const startMinutes = parseClock(start);
  const endMinutes = parseClock(end);
  const overnight = startMinutes !== null && endMinutes !== null && endMinutes !== 0 && endMinutes < startMinutes;

  async function save(): Promise<string | void> {
    if (kind === 'set' && (startMinutes === null || endMinutes === null)) {
      return problemText({ field: 'weekPlan', code: 'settings.windowIncomplete' });
    }
    // Read afresh: the settings may have changed in another window since the step opened.
    const current = await services.store.settings();
    const next = hoursSettings(
      current,
      kind === 'change'
        ? { kind }
        : {
            kind,
            days,
            start: startMinutes ?? 0,
            end: endMinutes ?? 0,
            timesChanged: start !== initialStart || end !== initialEnd || isAnyTime(base),
          },
    );
    await services.store.saveSettings(next);
    // The reminders follow at once in the extension; the web app reads the settings when it opens.
    await services.reminders?.settingsChanged().catch(() => undefined);
    const shown = firstWindow(next);
    const savedDays = WEEK.filter((d) => reminderDays(next).includes(d)).map((d) => w.weekdays[d]);
    onSaved(uniformPlan(next) && shown ? w.saved(savedDays, shown) : w.savedPlan(savedDays));
  }

  return (
    <StepFrame {...frame} id="hours" title={w.heading} intro={w.intro} submit={w.save} onSubmit={save}>
      <fieldset>
        <legend>{w.kindLegend}</legend>
        <label class="check">
          <input type="radio" name="welcome-hours-kind" checked={kind === 'set'} onChange={() => setKind('set')} /> {w.set}
        </label>
        <label class="check">
          <input type="radio" name="welcome-hours-kind" checked={kind === 'change'} onChange={() => setKind('change')} /> {w.change}
        </label>
      </fieldset>
      {kind === 'set' ? (
        <>
          <fieldset>
            <legend>{w.daysLegend}</legend>
            {WEEK.map((day) => (
              <label key={day} class="check">
                <input
                  type="checkbox"
                  checked={days.includes(day)}
                  onChange={(e) => setDays(e.currentTarget.checked ? [...days, day] : days.filter((d) => d !== day))}
                />{' '}
                {w.weekdays[day]}
              </label>
            ))}
          </fieldset>
          <div class="window-row">
            <label>
              {w.from} <input type="time" value={start} onInput={(e) => setStart(e.currentTarget.value)} />
            </label>
            <label>
              {w.to} <input type="time" value={end} onInput={(e) => setEnd(e.currentTarget.value)} />
            </label>
          </div>
          {overnight && <p class="hint">{w.overnight}</p>}
          {uniform === null ? <p class="hint">{w.variedPlan}</p> : uniform.windows.length > 1 && <p class="hint">{w.moreWindows(uniform.windows.length)}</p>}
        </>
      ) : (
        <p class="hint">{w.changeHint}</p>
      )}
    </StepFrame>
  );
}
