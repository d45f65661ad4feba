import { useEffect, useMemo, useState } from 'preact/hooks';
import { clipText } from '../../lib/rules/text';
import { dayKey, formatClock, parseClock, type Weekday } from '../../lib/days';
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
import { AwayEditor } from './AwayEditor';
import { LanguageChoice } from './LanguageChoice';
import { WeekPlanEditor } from './WeekPlanEditor';
import { fromAwayDraft, fromWeekDraft, toAwayDraft, toWeekDraft, type AwayDraft, type WeekDraft } from './weekPlanDraft';

interface Draft {
  week: WeekDraft;
  away: AwayDraft[];
  interval: string;
  notifications: boolean;
  notificationText: string;
  dayStartHour: number;
}

function toDraft(s: Settings): Draft {
  return {
    week: toWeekDraft(s.weekPlan),
    away: toAwayDraft(s.away),
    interval: String(s.intervalMinutes),
    notifications: s.notifications,
    notificationText: s.notificationText,
    dayStartHour: s.dayStartHour,
  };
}

/** The settings the draft describes, or the problems that say what to fix. */
function fromDraft(d: Draft, base: Settings): { settings: Settings; problems: SettingsProblem[] } {
  const { weekPlan, problems } = fromWeekDraft(d.week);
  const interval = Number(d.interval);
  const settings: Settings = {
    ...base,
    weekPlan,
    away: fromAwayDraft(d.away),
    intervalMinutes: d.interval.trim() === '' ? NaN : interval,
    notifications: d.notifications,
    notificationText: d.notificationText.trim(),
    dayStartHour: d.dayStartHour,
  };
  // Unfilled times are reported by the draft; everything else by the rules.
  problems.push(...validateSettings(settings).filter((p) => problems.length === 0 || p.field !== 'weekPlan'));
  return { settings, problems };
}

/** The windows and ranges a problem is about, to mark their inputs as invalid. */
function invalidPlaces(problems: readonly SettingsProblem[]) {
  const windows = new Map<Weekday, Set<number>>();
  const away = new Set<number>();
  for (const p of problems) {
    if (p.field === 'away' && 'index' in p) away.add(p.index);
    if (p.field === 'weekPlan' && 'day' in p && p.day !== undefined && 'index' in p && p.index !== undefined) {
      windows.set(p.day, (windows.get(p.day) ?? new Set()).add(p.index));
    }
  }
  return { windows, away };
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
  const [note, setNote] = useState<string | null>(null);
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

  const change = (patch: Partial<Draft>, changeNote: string | null = null) => {
    setStatus(null);
    setNote(changeNote);
    setSavedOver(null);
    setEdited({ ...draft, ...patch });
  };
  const invalid = invalidPlaces(problems);
  const today = dayKey(services.clock.now(), services.clock.timeZone(), base.dayStartHour);

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
    setNote(null);
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
        <WeekPlanEditor week={draft.week} invalid={invalid.windows} onChange={(week, changeNote) => change({ week }, changeNote ?? null)} />
        <Alert message={note} tone="info" />
        <AwayEditor away={draft.away} today={today} invalid={invalid.away} onChange={(away) => change({ away })} />

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
