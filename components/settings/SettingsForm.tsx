import { useEffect, useState } from 'preact/hooks';
import { clipText } from '../../lib/rules/text';
import { formatClock, parseClock, type Weekday } from '../../lib/days';
import { errorText } from '../i18n/errorText';
import type { AppServices } from '../../lib/services';
import {
  MAX_NOTIFICATION_TEXT,
  MAX_INTERVAL,
  MIN_INTERVAL,
  validateSettings,
  type Settings,
} from '../../lib/settings';
import { Alert } from '../ui/Alert';
import { words } from '../i18n';

const WEEK: { day: Weekday; name: string }[] = [
  { day: 1, name: 'Monday' },
  { day: 2, name: 'Tuesday' },
  { day: 3, name: 'Wednesday' },
  { day: 4, name: 'Thursday' },
  { day: 5, name: 'Friday' },
  { day: 6, name: 'Saturday' },
  { day: 0, name: 'Sunday' },
];

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

/** The settings the draft describes, or the messages that say what to fix. */
function fromDraft(d: Draft, base: Settings): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const windows = d.windows.map((w) => {
    const start = parseClock(w.start);
    let end = parseClock(w.end);
    if (start === null || end === null) problems.push('Each window needs a start and an end time, like 09:00.');
    // 00:00 as an end means midnight at the end of the day.
    if (end === 0 && !w.overnight) end = 1440;
    return { start: start ?? 0, end: end ?? 0, overnight: w.overnight };
  });
  const interval = Number(d.interval);
  const settings: Settings = {
    ...base,
    workingDays: WEEK.map((w) => w.day).filter((day) => d.workingDays.includes(day)),
    windows,
    intervalMinutes: d.interval.trim() === '' ? NaN : interval,
    notifications: d.notifications,
    notificationText: d.notificationText.trim(),
    dayStartHour: d.dayStartHour,
  };
  if (problems.length === 0) problems.push(...validateSettings(settings).map((p) => p.message));
  return { settings, problems: [...new Set(problems)] };
}

export function SettingsForm({ services, onSaved }: { services: AppServices; onSaved?: () => void }) {
  const [base, setBase] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canNotify = services.requestNotifications !== undefined;

  useEffect(() => {
    services.store
      .settings()
      .then((s) => {
        setBase(s);
        setDraft(toDraft(s));
      })
      .catch((err: unknown) => setError(errorText(err)));
  }, []);

  if (!draft || !base) {
    return (
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{words.main.settingsHeading}</h2>
        <Alert message={error} />
        {!error && <p>{words.main.loading}</p>}
      </section>
    );
  }

  const change = (patch: Partial<Draft>) => {
    setStatus(null);
    setDraft({ ...draft, ...patch });
  };
  const changeWindow = (key: number, patch: Partial<WindowDraft>) =>
    change({ windows: draft.windows.map((w) => (w.key === key ? { ...w, ...patch } : w)) });

  async function toggleNotifications(on: boolean) {
    if (on && services.requestNotifications) {
      const granted = await services.requestNotifications().catch(() => false);
      if (!granted) {
        setError('Your browser did not allow notifications. The dot on the toolbar icon still shows when a check-in is due.');
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
      await services.store.saveSettings(settings);
      setBase(settings);
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
    onSaved?.();
  }

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{words.main.settingsHeading}</h2>
      <form class="settings" onSubmit={(e) => void save(e)} noValidate>
        <fieldset>
          <legend>Days with reminders</legend>
          {WEEK.map(({ day, name }) => (
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
              {name}
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>Times of day</legend>
          {draft.windows.map((w, i) => (
            <div class="window-row" key={w.key} role="group" aria-label={`Window ${i + 1}`}>
              <label>
                Start <input type="time" value={w.start} onInput={(e) => changeWindow(w.key, { start: e.currentTarget.value })} />
              </label>
              <label>
                End <input type="time" value={w.end} onInput={(e) => changeWindow(w.key, { end: e.currentTarget.value })} />
              </label>
              <label class="check">
                <input
                  type="checkbox"
                  checked={w.overnight}
                  onChange={(e) => changeWindow(w.key, { overnight: e.currentTarget.checked })}
                />{' '}
                Ends the next day
              </label>
              <button
                type="button"
                class="secondary"
                aria-label={`Remove window ${i + 1}`}
                onClick={() => change({ windows: draft.windows.filter((x) => x.key !== w.key) })}
              >
                Remove
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
            Add a time window
          </button>
        </fieldset>

        <label for="interval">Remind me every (minutes)</label>
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

        <label for="day-start">A new day starts at</label>
        <select
          id="day-start"
          aria-describedby="day-start-hint"
          value={draft.dayStartHour}
          onChange={(e) => change({ dayStartHour: Number(e.currentTarget.value) })}
        >
          {Array.from({ length: 13 }, (_, h) => (
            <option key={h} value={h}>
              {formatClock(h * 60)}
            </option>
          ))}
        </select>
        <p class="hint" id="day-start-hint">
          Check-ins before this time count for the day before, so a late night still belongs to the day you lived.
        </p>

        {canNotify && (
          <>
            <label class="check">
              <input
                type="checkbox"
                checked={draft.notifications}
                onChange={(e) => void toggleNotifications(e.currentTarget.checked)}
              />{' '}
              Also show a system notification
            </label>
            <label for="notification-text">Notification text</label>
            <input
              id="notification-text"
              type="text"
              value={draft.notificationText}
              onInput={(e) => change({ notificationText: (e.currentTarget.value = clipText(e.currentTarget.value, MAX_NOTIFICATION_TEXT)) })}
            />
            <p class="hint">Others may see this on your screen, so it says nothing personal unless you want it to.</p>
          </>
        )}

        <div role="alert" class="alert alert-error" hidden={problems.length === 0}>
          {problems.length > 0 && (
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
        <Alert message={error} />
        <Alert message={status} tone="info" />
        <button type="submit">Save settings</button>
      </form>
    </section>
  );
}
