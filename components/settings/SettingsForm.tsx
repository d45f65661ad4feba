import { useEffect, useMemo, useState } from 'preact/hooks';
import { clipText } from '../../lib/rules/text';
import { formatClock, parseClock, type Weekday } from '../../lib/days';
import { errorText, problemText } from '../i18n/errorText';
import type { AppServices } from '../../lib/services';
import {
  MAX_NOTIFICATION_TEXT,
  MAX_INTERVAL,
  MIN_INTERVAL,
  DAY_START_MAX,
  DAY_START_MIN,
  validateSettings,
  type Settings,
  type SettingsProblem,
} from '../../lib/settings';
import { Alert } from '../ui/Alert';
import { useSettings } from '../ui/hooks';
import { words } from '../i18n';
import { LanguageChoice } from './LanguageChoice';

/** The week as the form lists it, Monday first. */
const WEEK: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

interface WindowDraft {
  key: number;
  start: string;
  end: string;
  overnight: boolean;
}

interface Draft {
  workingDays: Weekday[];
  windows: WindowDraft[];
  interval: string;
  notifications: boolean;
  notificationText: string;
  dayStartHour: number;
}

let nextKey = 1;

function toDraft(s: Settings): Draft {
  return {
    workingDays: [...s.workingDays],
    windows: s.windows.map((w) => ({
      key: nextKey++,
      start: formatClock(w.start),
      end: formatClock(w.end % 1440),
      overnight: w.overnight,
    })),
    interval: String(s.intervalMinutes),
    notifications: s.notifications,
    notificationText: s.notificationText,
    dayStartHour: s.dayStartHour,
  };
}

/** The settings the draft describes, or the problems that say what to fix. */
function fromDraft(d: Draft, base: Settings): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const windows = d.windows.map((w) => {
    const start = parseClock(w.start);
    let end = parseClock(w.end);
    if ((start === null || end === null) && problems.length === 0) problems.push({ field: 'windows', code: 'settings.windowIncomplete' });
    // 00:00 as an end means midnight at the end of the day.
    if (end === 0 && !w.overnight) end = 1440;
    return { start: start ?? 0, end: end ?? 0, overnight: w.overnight };
  });
  const interval = Number(d.interval);
  const settings: Settings = {
    ...base,
    workingDays: WEEK.filter((day) => d.workingDays.includes(day)),
    windows,
    intervalMinutes: d.interval.trim() === '' ? NaN : interval,
    notifications: d.notifications,
    notificationText: d.notificationText.trim(),
    dayStartHour: d.dayStartHour,
  };
  if (problems.length === 0) problems.push(...validateSettings(settings));
  return { settings, problems };
}

export function SettingsForm({ services }: { services: AppServices }) {
  // The stored settings, live: saved here, in another tab or the popup, or by an import.
  const base = useSettings(services);
  // The form shows them as they are until the person changes something; their edits are then
  // kept (a change made elsewhere meanwhile doesn't undo what they typed) until saved.
  const fresh = useMemo(() => (base ? toDraft(base) : null), [base]);
  const [edited, setEdited] = useState<Draft | null>(null);
  // After a save, the edits stay on screen until the saved settings come back from the store.
  const [savedOver, setSavedOver] = useState<Settings | null>(null);
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canNotify = services.requestNotifications !== undefined;

  useEffect(() => {
    if (savedOver && base !== savedOver) {
      setSavedOver(null);
      setEdited(null);
    }
  }, [base, savedOver]);

  const draft = edited ?? fresh;
  if (!draft || !base) {
    return (
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{words.main.settingsHeading}</h2>
        <p>{words.main.loading}</p>
      </section>
    );
  }

  const change = (patch: Partial<Draft>) => {
    setStatus(null);
    setSavedOver(null);
    setEdited({ ...draft, ...patch });
  };
  const changeWindow = (key: number, patch: Partial<WindowDraft>) =>
    change({ windows: draft.windows.map((w) => (w.key === key ? { ...w, ...patch } : w)) });

  async function toggleNotifications(on: boolean) {
    if (on && services.requestNotifications) {
      const granted = await services.requestNotifications().catch(() => false);
      if (!granted) {
        setError(words.settings.notificationsDenied);
        return;
      }
    }
    setError(null);
    change({ notifications: on });
  }

  async function save(e: Event) {
    e.preventDefault();
    if (!draft || !base) return;
    setStatus(null);
    setError(null);
    const { settings, problems } = fromDraft(draft, base);
    setProblems(problems);
    if (problems.length > 0) return;
    try {
      // A new day-start hour re-buckets the records in the same transaction.
      await services.settings.save(settings);
      setSavedOver(base);
    } catch (err) {
      setError(errorText(err));
      return;
    }
    setStatus(words.main.settingsSaved);
    try {
      await services.reminders?.settingsChanged();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{words.main.settingsHeading}</h2>
      <form class="settings" onSubmit={(e) => void save(e)} noValidate>
        <fieldset>
          <legend>{words.settings.daysLegend}</legend>
          {WEEK.map((day) => (
            <label key={day} class="check">
              <input
                type="checkbox"
                checked={draft.workingDays.includes(day)}
                onChange={(e) =>
                  change({
                    workingDays: e.currentTarget.checked
                      ? [...draft.workingDays, day]
                      : draft.workingDays.filter((x) => x !== day),
                  })
                }
              />{' '}
              {words.settings.weekdays[day]}
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>{words.settings.timesLegend}</legend>
          {draft.windows.map((w, i) => (
            <div class="window-row" key={w.key} role="group" aria-label={words.settings.windowLabel(i + 1)}>
              <label>
                {words.settings.start} <input type="time" value={w.start} onInput={(e) => changeWindow(w.key, { start: e.currentTarget.value })} />
              </label>
              <label>
                {words.settings.end} <input type="time" value={w.end} onInput={(e) => changeWindow(w.key, { end: e.currentTarget.value })} />
              </label>
              <label class="check">
                <input
                  type="checkbox"
                  checked={w.overnight}
                  onChange={(e) => changeWindow(w.key, { overnight: e.currentTarget.checked })}
                />{' '}
                {words.settings.overnight}
              </label>
              <button
                type="button"
                class="secondary"
                aria-label={words.settings.removeWindow(i + 1)}
                onClick={() => change({ windows: draft.windows.filter((x) => x.key !== w.key) })}
              >
                {words.settings.remove}
              </button>
            </div>
          ))}
          <button
            type="button"
            class="secondary"
            onClick={() =>
              change({ windows: [...draft.windows, { key: nextKey++, start: '13:00', end: '17:00', overnight: false }] })
            }
          >
            {words.settings.addWindow}
          </button>
        </fieldset>

        <label for="interval">{words.settings.interval}</label>
        <input
          id="interval"
          type="number"
          inputMode="numeric"
          min={MIN_INTERVAL}
          max={MAX_INTERVAL}
          step={5}
          value={draft.interval}
          onInput={(e) => change({ interval: e.currentTarget.value })}
        />

        <label for="day-start">{words.settings.dayStart}</label>
        <select
          id="day-start"
          aria-describedby="day-start-hint"
          value={formatClock(draft.dayStartHour * 60)}
          onChange={(e) => change({ dayStartHour: Math.floor((parseClock(e.currentTarget.value) ?? 0) / 60) })}
        >
          {/* The value is the hour as HH:MM (machine-readable); the label is the language's own. */}
          {Array.from({ length: DAY_START_MAX - DAY_START_MIN + 1 }, (_, i) => DAY_START_MIN + i).map((h) => (
            <option key={h} value={formatClock(h * 60)}>
              {words.settings.dayStartOption(h)}
            </option>
          ))}
        </select>
        <p class="hint" id="day-start-hint">
          {words.settings.dayStartHint}
        </p>

        {canNotify && (
          <>
            <label class="check">
              <input
                type="checkbox"
                checked={draft.notifications}
                onChange={(e) => void toggleNotifications(e.currentTarget.checked)}
              />{' '}
              {words.settings.notificationsToggle}
            </label>
            <label for="notification-text">{words.settings.notificationTextLabel}</label>
            <input
              id="notification-text"
              type="text"
              aria-describedby="notification-text-hint"
              placeholder={words.main.notificationDefault}
              value={draft.notificationText}
              onInput={(e) => change({ notificationText: (e.currentTarget.value = clipText(e.currentTarget.value, MAX_NOTIFICATION_TEXT)) })}
            />
            <p class="hint" id="notification-text-hint">
              {words.settings.notificationHint} {words.settings.notificationDefaultHint}
            </p>
          </>
        )}

        <div role="alert" class="alert alert-error" hidden={problems.length === 0}>
          {problems.length > 0 && (
            <ul>
              {[...new Set(problems.map(problemText))].map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </div>
        <Alert message={error} />
        <Alert message={status} tone="info" />
        <button type="submit">{words.settings.save}</button>
      </form>
      <LanguageChoice services={services} />
    </section>
  );
}
