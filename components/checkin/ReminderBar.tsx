import { useEffect, useState } from 'preact/hooks';
import { calendarDay } from '../../lib/days';
import { errorText } from '../i18n/errorText';
import type { ReminderStatus } from '../../lib/prompter';
import type { ReminderService } from '../../lib/reminderService';
import { Alert } from '../ui/Alert';
import { fmt, words } from '../i18n';

function describe(status: ReminderStatus, now: number, timeZone: string): string {
  const { decision, state } = status;
  if (decision.reason === 'due') return words.main.due;
  if (decision.reason === 'snoozed' && state.snoozedUntil !== null) {
    return words.main.snoozedUntil(fmt.time(state.snoozedUntil, timeZone));
  }
  if (decision.reason === 'paused') return words.main.pausedToday;
  if (decision.reason === 'away' && decision.away) return words.main.awayUntil(fmt.day(decision.away.to));
  if (decision.nextAt === null) return words.main.noNext;
  // Calendar days compared as days: today, tomorrow, or the weekday and date.
  const day = fmt.relativeDay(calendarDay(decision.nextAt, timeZone), calendarDay(now, timeZone), words.main.inSentence);
  return words.main.nextAt(day, fmt.time(decision.nextAt, timeZone));
}

interface Props {
  /** services.reminders: the status follows the check-ins and the settings by itself. */
  reminders: ReminderService;
  clock: { now(): number; timeZone(): string };
}

/** The extension's reminder status with snooze and pause, answered by the background. */
export function ReminderBar({ reminders, clock }: Props) {
  const [status, setStatus] = useState<ReminderStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (ask: () => Promise<ReminderStatus>) => {
    setError(null);
    ask()
      .then(setStatus)
      .catch((err: unknown) => setError(errorText(err)));
  };

  // Asked again whenever a check-in or the settings change, here or in another page.
  useEffect(
    () =>
      reminders.watch(
        (next) => {
          setError(null);
          setStatus(next);
        },
        (err: unknown) => setError(errorText(err)),
      ),
    [reminders],
  );

  const paused = status?.decision.reason === 'paused';
  // Away is set in Settings and ends by itself; pausing on top of it would change nothing.
  const away = status?.decision.reason === 'away';
  return (
    <section class="reminders" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{words.main.remindersHeading}</h2>
      <p role="status">{status ? describe(status, clock.now(), clock.timeZone()) : words.main.loading}</p>
      <Alert message={error} />
      <div class="row">
        {status?.decision.reason === 'due' && (
          <button type="button" class="secondary" onClick={() => run(() => reminders.snooze(30))}>
            {words.main.snooze}
          </button>
        )}
        {paused || status?.decision.reason === 'snoozed' ? (
          <button type="button" class="secondary" onClick={() => run(() => reminders.resume())}>
            {words.main.resume}
          </button>
        ) : (
          !away && (
            <button type="button" class="secondary" onClick={() => run(() => reminders.pauseToday())}>
              {words.main.pauseToday}
            </button>
          )
        )}
      </div>
    </section>
  );
}
