import { useId } from 'preact/hooks';
import type { Snapshot } from '../../lib/share/model';
import { dayOf, daysCheckedIn, firstDay, leadingBlanks, moodReading } from '../../lib/share/summary';
import { dayOfMonth, formatDate, formatInstant, formatWeekday } from './dates';
import { MoodChart } from './MoodChart';
import { s } from '../i18n/shareStrings';

interface Props {
  snapshot: Snapshot;
  /** Heading level of the name: 1 on the viewer page, deeper inside the share dialog's preview. */
  level?: 1 | 2 | 3 | 4;
}

// Everything here comes from a link anyone could have made: it is only ever rendered as text
// children (Preact escapes them), never as HTML, attributes that load things, or links.

/** The read-only snapshot, the same in the mentor's viewer and in the person's preview. */
export function SnapshotView({ snapshot, level = 1 }: Props) {
  const id = useId();
  const H = `h${level}` as 'h1';
  const Sub = `h${level + 1}` as 'h2';
  const mood = moodReading(snapshot);
  const reflections = snapshot.reflections;

  return (
    <article class="snapshot" aria-labelledby={`${id}-name`}>
      <p class="readonly-banner">
        <strong>{s.readOnly}</strong> <span>{s.readOnlyNote(snapshot.name)}</span>
      </p>
      <H id={`${id}-name`} class="snapshot-name">
        {snapshot.name}
      </H>
      <p>{s.periodLine(snapshot.period, formatDate(firstDay(snapshot)), formatDate(snapshot.lastDay))}</p>
      <p class="hint">{s.sharedLine(formatInstant(snapshot.createdAt), formatInstant(snapshot.expiresAt))}</p>

      <section aria-labelledby={`${id}-streak`}>
        <Sub id={`${id}-streak`}>{s.streakHeading}</Sub>
        <div class="streak">
          <p class="streak-count">{s.currentStreak(snapshot.streak.current)}</p>
          <p>{s.bestStreak(snapshot.streak.best)}</p>
          <p class="streak-note">{s.daysCheckedIn(daysCheckedIn(snapshot), snapshot.period)}</p>
        </div>
      </section>

      <section aria-labelledby={`${id}-calendar`}>
        <Sub id={`${id}-calendar`}>{s.calendarHeading}</Sub>
        <div class="calendar-head" aria-hidden="true">
          {s.weekdays.map((d) => (
            <span key={d}>{d}</span>
          ))}
        </div>
        <ol class="calendar" aria-labelledby={`${id}-calendar`}>
          {Array.from({ length: leadingBlanks(snapshot) }, (_, i) => (
            <li key={`blank-${i}`} class="blank" aria-hidden="true" />
          ))}
          {snapshot.checkins.map((count, i) => {
            const day = dayOf(snapshot, i);
            return (
              <li key={day} class={count > 0 ? 'on' : 'off'}>
                <span aria-hidden="true">{dayOfMonth(day)}</span>
                <span class="visually-hidden">{s.calendarDay(formatWeekday(day), count)}</span>
              </li>
            );
          })}
        </ol>
      </section>

      {snapshot.mood && (
        <section aria-labelledby={`${id}-mood`}>
          <Sub id={`${id}-mood`}>{s.moodHeading}</Sub>
          {mood.overall === null ? (
            <p>{s.moodNone}</p>
          ) : (
            <figure class="mood-figure">
              <MoodChart snapshot={snapshot} label={s.moodChartLabel} />
              <figcaption>
                <p>{s.moodOverall(mood.overall)}</p>
                {mood.lastWeek !== null && (
                  <p>{mood.weekBefore !== null ? s.moodWeeks(mood.lastWeek, mood.weekBefore) : s.moodLastWeek(mood.lastWeek)}</p>
                )}
              </figcaption>
              <details>
                <summary>{s.moodTable}</summary>
                <table class="mood-table">
                  <thead>
                    <tr>
                      <th scope="col">{s.moodTableDay}</th>
                      <th scope="col">{s.moodTableCount}</th>
                      <th scope="col">{s.moodTableMood}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {snapshot.mood.map((m, i) =>
                      m === 0 ? null : (
                        <tr key={i}>
                          <th scope="row">{formatWeekday(dayOf(snapshot, i))}</th>
                          <td>{snapshot.checkins[i]}</td>
                          <td>{m / 10}</td>
                        </tr>
                      ),
                    )}
                  </tbody>
                </table>
              </details>
            </figure>
          )}
        </section>
      )}

      {snapshot.wins && (
        <section aria-labelledby={`${id}-wins`}>
          <Sub id={`${id}-wins`}>{s.winsHeading}</Sub>
          {snapshot.wins.length === 0 ? (
            <p>{s.winsNone}</p>
          ) : (
            <ul class="entries" aria-labelledby={`${id}-wins`}>
              {snapshot.wins.map((w, i) => (
                <li key={i}>
                  <span class="entry-when">{formatWeekday(dayOf(snapshot, w.day))}</span>
                  <p class="entry-win user-text">{w.text}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby={`${id}-reflections`}>
        <Sub id={`${id}-reflections`}>{s.reflectionsHeading}</Sub>
        <p>{s.reflectionCounts(reflections.nearMisses, reflections.setbacks)}</p>
        {reflections.items && reflections.items.length > 0 && (
          <ul class="entries">
            {reflections.items.map((r, i) => (
              <li key={i}>
                <p>
                  <strong>{r.kind === 'near-miss' ? s.nearMiss : s.setback}</strong>{' '}
                  <span class="entry-when">{formatWeekday(dayOf(snapshot, r.day))}</span>
                </p>
                <dl class="reflection">
                  {r.triggers.length > 0 && (
                    <>
                      <dt>{s.pulled}</dt>
                      <dd class="user-text">{r.triggers.join(', ')}</dd>
                    </>
                  )}
                  {r.helped !== '' && (
                    <>
                      <dt>{s.helped}</dt>
                      <dd class="user-text">{r.helped}</dd>
                    </>
                  )}
                  {r.nextTime !== '' && (
                    <>
                      <dt>{s.nextTime}</dt>
                      <dd class="user-text">{r.nextTime}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      {snapshot.plan && (
        <section aria-labelledby={`${id}-plan`}>
          <Sub id={`${id}-plan`}>{s.planHeading}</Sub>
          {snapshot.plan.length === 0 ? (
            <p>{s.planEmpty}</p>
          ) : (
            <ul class="entries">
              {snapshot.plan.map((p, i) => (
                <li key={i}>
                  <p class="user-text">
                    <strong>{p.trigger}</strong>
                  </p>
                  <ol class="steps">
                    {p.steps.map((step, k) => (
                      <li key={k} class="user-text">
                        {step}
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </article>
  );
}
