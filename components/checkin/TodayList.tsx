import type { Checkin } from '../../lib/db/schema';
import type { DayKey } from '../../lib/days';
import { fmt, words } from '../i18n';

/** "Today", "Yesterday" or the date, on its own or inside a sentence. */
export function dayText(day: DayKey, today: DayKey, inSentence = false): string {
  return fmt.relativeDay(day, today, inSentence ? words.main.inSentence : words.main);
}

export function Summary({ c, timeZone, showDay, today }: { c: Checkin; timeZone: string; showDay: boolean; today: DayKey }) {
  return (
    <div class="entry-summary">
      <span class="entry-when">
        {showDay ? words.main.dayAndTime(dayText(c.day, today), fmt.time(c.at, timeZone)) : fmt.time(c.at, timeZone)}
      </span>{' '}
      <span class={`entry-mood mood-${c.mood}`}>{words.main.mood(c.mood)}</span>
      {c.tags.length > 0 && <span class="entry-tags"> · {fmt.list(c.tags.map((x) => words.main.halt[x]))}</span>}
      {c.win && (
        <p class="entry-win" data-user-text>
          {c.win}
        </p>
      )}
      {c.note && (
        <p class="entry-note" data-user-text>
          {c.note}
        </p>
      )}
    </div>
  );
}

/** Today's check-ins, read-only (the popup). */
export function TodayList({ items, timeZone, today }: { items: Checkin[] | undefined; timeZone: string; today: DayKey }) {
  return (
    <section aria-labelledby="today-heading">
      <h2 id="today-heading">{words.main.todayHeading}</h2>
      {items === undefined ? (
        <p>{words.main.loading}</p>
      ) : items.length === 0 ? (
        <p class="hint">{words.main.todayEmpty}</p>
      ) : (
        <ul class="entries" aria-label={words.main.todayList}>
          {items.map((c) => (
            <li key={c.id}>
              <Summary c={c} timeZone={timeZone} showDay={false} today={today} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
