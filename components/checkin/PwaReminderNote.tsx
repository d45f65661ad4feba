import type { Settings } from '../../lib/settings';
import { decidePrompt } from '../../lib/schedule';
import { fmt, words } from '../i18n';

interface Props {
  now: number;
  timeZone: string;
  settings: Settings;
  lastCheckinAt: number | null | undefined;
}

/**
 * The web app cannot prompt in the background, and says so. When it is opened during a
 * working window with no recent check-in, it shows the same "due" state the badge would.
 */
export function PwaReminderNote({ now, timeZone, settings, lastCheckinAt }: Props) {
  const decision =
    lastCheckinAt !== undefined &&
    decidePrompt({
      now,
      timeZone,
      settings,
      lastCheckinAt,
      snoozedUntil: null,
      pausedDay: null,
      idle: false,
      notifiedKey: null,
    });
  const due = decision && decision.due;
  const away = decision ? decision.away : null;
  return (
    <section class="reminders" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{words.main.remindersHeading}</h2>
      {due && (
        <p class="due" role="status">
          {words.main.due}
        </p>
      )}
      {away && <p role="status">{words.main.awayUntil(fmt.day(away.to))}</p>}
      <p class="hint">{words.main.pwaReminders}</p>
    </section>
  );
}
