import { useId } from 'preact/hooks';
import type { Snapshot } from '../../lib/share/model';
import { dayOf, daysCheckedIn, firstDay, leadingBlanks, moodReading, snapshotSummary } from '../../lib/share/summary';
import { dayOfMonth, formatDate, formatInstant, formatWeekday } from './dates';
import { MoodChart } from './MoodChart';
import { summaryLines } from './summaryText';
import { fmt, words } from '../i18n';

interface Props {
  snapshot: Snapshot;
  /** Heading level of the name: 1 on the viewer page, deeper inside the share dialog's preview. */
  level?: 1 | 2 | 3 | 4;
}

// Everything here comes from a link anyone could have made: it is only ever rendered as text
// children (Preact escapes them), never as HTML, attributes that load things, or links.

/** A trigger as the reader says it: HALT tags (stored as 'hungry', 'tired', …) in their words, the person's own as written. */
function trigger(text: string): string {
  const halt = words.main.halt as Record<string, string>;
  return Object.hasOwn(halt, text) ? halt[text]! : text;
}

/** The read-only snapshot, the same in the mentor's viewer and in the person's preview. */
export function SnapshotView({ snapshot, level = 1 }: Props) {
  const id = useId();
  const H = `h${level}` as 'h1';
  const Sub = `h${level + 1}` as 'h2';
  const mood = moodReading(snapshot);
  const reflections = snapshot.reflections;
  const summary = summaryLines(words.share, snapshotSummary(snapshot), snapshot.period, trigger);

  return (
    <article class="snapshot" aria-labelledby={`${id}-name`}>
      <p class="readonly-banner">
        <strong>{words.share.readOnly}</strong> <span>{words.share.readOnlyNote(snapshot.name)}</span>
      </p>
      <H id={`${id}-name`} class="snapshot-name" data-user-text>
        {snapshot.name}
      </H>
      <p>{words.share.periodLine(snapshot.period, formatDate(firstDay(snapshot)), formatDate(snapshot.lastDay))}</p>
      <p class="hint">{words.share.sharedLine(formatInstant(snapshot.createdAt), formatInstant(snapshot.expiresAt))}</p>

      {/* First, what a mentor wants to know before the lists: the facts of lib/share/summary.ts. */}
      <section aria-labelledby={`${id}-summary`} class="snapshot-summary">
        <Sub id={`${id}-summary`}>{words.share.summaryHeading}</Sub>
        <ul class="streak">
          {summary.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby={`${id}-streak`}>
        <Sub id={`${id}-streak`}>{words.share.streakHeading}</Sub>
        <div class="streak">
          <p class="streak-count">{words.share.currentStreak(snapshot.streak.current)}</p>
          <p>{words.share.bestStreak(snapshot.streak.best)}</p>
          <p class="streak-note">{words.share.daysCheckedIn(daysCheckedIn(snapshot), snapshot.period)}</p>
        </div>
      </section>

      <section aria-labelledby={`${id}-calendar`}>
        <Sub id={`${id}-calendar`}>{words.share.calendarHeading}</Sub>
        <div class="calendar-head" aria-hidden="true">
          {words.share.weekdays.map((d) => (
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
                <span class="visually-hidden">{words.share.calendarDay(formatWeekday(day), count)}</span>
              </li>
            );
          })}
        </ol>
      </section>

      {snapshot.mood && (
        <section aria-labelledby={`${id}-mood`}>
          <Sub id={`${id}-mood`}>{words.share.moodHeading}</Sub>
          {mood.overall === null ? (
            <p>{words.share.moodNone}</p>
          ) : (
            <figure class="mood-figure">
              <MoodChart snapshot={snapshot} label={words.share.moodChartLabel} />
              <figcaption>
                <p>{words.share.moodOverall(mood.overall)}</p>
                {mood.lastWeek !== null && (
                  <p>{mood.weekBefore !== null ? words.share.moodWeeks(mood.lastWeek, mood.weekBefore) : words.share.moodLastWeek(mood.lastWeek)}</p>
                )}
              </figcaption>
              <details>
                <summary>{words.share.moodTable}</summary>
                <table class="mood-table">
                  <thead>
                    <tr>
                      <th scope="col">{words.share.moodTableDay}</th>
                      <th scope="col">{words.share.moodTableCount}</th>
                      <th scope="col">{words.share.moodTableMood}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {snapshot.mood.map((m, i) =>
                      m === 0 ? null : (
                        <tr key={i}>
                          <th scope="row">{formatWeekday(dayOf(snapshot, i))}</th>
                          <td>{fmt.number(snapshot.checkins[i] ?? 0)}</td>
                          <td>{fmt.number(m / 10)}</td>
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
          <Sub id={`${id}-wins`}>{words.share.winsHeading}</Sub>
          {snapshot.wins.length === 0 ? (
            <p>{words.share.winsNone}</p>
          ) : (
            <ul class="entries" aria-labelledby={`${id}-wins`}>
              {snapshot.wins.map((w, i) => (
                <li key={i}>
                  <span class="entry-when">{formatWeekday(dayOf(snapshot, w.day))}</span>
                  <p class="entry-win user-text" data-user-text>
                    {w.text}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby={`${id}-reflections`}>
        <Sub id={`${id}-reflections`}>{words.share.reflectionsHeading}</Sub>
        <p>{words.share.reflectionCounts(reflections.nearMisses, reflections.setbacks)}</p>
        {reflections.items && reflections.items.length > 0 && (
          <ul class="entries">
            {reflections.items.map((r, i) => (
              <li key={i}>
                <p>
                  <strong>{r.kind === 'near-miss' ? words.share.nearMiss : words.share.setback}</strong>{' '}
                  <span class="entry-when">{formatWeekday(dayOf(snapshot, r.day))}</span>
                </p>
                <dl class="reflection">
                  {r.triggers.length > 0 && (
                    <>
                      <dt>{words.share.pulled}</dt>
                      <dd class="user-text" data-user-text>
                        {r.triggers.map(trigger).join(', ')}
                      </dd>
                    </>
                  )}
                  {r.helped !== '' && (
                    <>
                      <dt>{words.share.helped}</dt>
                      <dd class="user-text" data-user-text>
                        {r.helped}
                      </dd>
                    </>
                  )}
                  {r.nextTime !== '' && (
                    <>
                      <dt>{words.share.nextTime}</dt>
                      <dd class="user-text" data-user-text>
                        {r.nextTime}
                      </dd>
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
          <Sub id={`${id}-plan`}>{words.share.planHeading}</Sub>
          {snapshot.plan.length === 0 ? (
            <p>{words.share.planEmpty}</p>
          ) : (
            <ul class="entries">
              {snapshot.plan.map((p, i) => (
                <li key={i}>
                  <p class="user-text" data-user-text>
                    <strong>{p.trigger}</strong>
                  </p>
                  <ol class="steps">
                    {p.steps.map((step, k) => (
                      <li key={k} class="user-text" data-user-text>
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

      {snapshot.wellbeing && (
        <section aria-labelledby={`${id}-wellbeing`}>
          <Sub id={`${id}-wellbeing`}>{words.wellbeing.viewerHeading}</Sub>
          {snapshot.wellbeing.length === 0 ? (
            <p>{words.wellbeing.none}</p>
          ) : (
            <>
              <p>{words.wellbeing.viewerLatest(snapshot.name, snapshot.wellbeing[snapshot.wellbeing.length - 1]!.score)}</p>
              <table class="mood-table">
                <thead>
                  <tr>
                    <th scope="col">{words.wellbeing.dateHead}</th>
                    <th scope="col">{words.wellbeing.scoreHead}</th>
                  </tr>
                </thead>
                <tbody>
                  {snapshot.wellbeing.map((w, i) => (
                    <tr key={i}>
                      <td>{formatDate(dayOf(snapshot, w.day))}</td>
                      <td>{fmt.number(w.score)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <p class="hint">{words.wellbeing.viewerNote}</p>
          <p class="hint">{words.wellbeing.credit}</p>
        </section>
      )}
    </article>
  );
}
