import { addDays, weekdayOf, type DayKey } from '../../lib/days';
import type { AppServices } from '../../lib/services';
import { useLiveQuery } from '../ui/hooks';
import { fmt, words } from '../i18n';

/** The person's values and goals next to this week's micro-wins: daily choices, reflected back. */
export function ValuesAndWins({ services, today, onEditValues }: { services: AppServices; today: DayKey; onEditValues: () => void }) {
  const weekStart = addDays(today, -((weekdayOf(today) + 6) % 7));
  const values = useLiveQuery(() => services.plan.values(), []);
  const wins = useLiveQuery(() => services.checkins.winsSince(weekStart), [weekStart]);
  const nearMisses = useLiveQuery(
    async () => (await services.reflections.since(weekStart)).filter((x) => x.kind === 'near-miss').length,
    [weekStart],
  );
  return (
    <section aria-labelledby="week-heading" class="values-wins">
      <h2 id="week-heading">{words.main.weekHeading}</h2>
      <div class="two">
        <div>
          <h3>{words.main.valuesHeading}</h3>
          {values && values.length > 0 ? (
            <ul>
              {values.map((v) => (
                <li key={v.id}>
                  <span data-user-text>{v.text}</span>
                  {v.kind === 'goal' && <span class="hint"> {words.main.goalMark}</span>}
                </li>
              ))}
            </ul>
          ) : (
            <p class="hint">{words.main.valuesEmpty}</p>
          )}
          <button type="button" class="secondary" onClick={onEditValues}>
            {values && values.length > 0 ? words.main.editValues : words.main.addValues}
          </button>
        </div>
        <div>
          <h3>{words.main.winsHeading}</h3>
          {nearMisses ? (
            <p>
              <strong>{words.main.hardMoments(nearMisses)}</strong> {words.main.hardMomentsCount}
            </p>
          ) : null}
          {wins && wins.length > 0 ? (
            <ul aria-label={words.main.weekWins}>
              {wins.slice(0, 20).map((c) => (
                <li key={c.id}>
                  <span class="entry-win" data-user-text>
                    {c.win}
                  </span> <span class="hint">· {fmt.relativeDay(c.day, today, words.main)}</span>
                </li>
              ))}
            </ul>
          ) : (
            !nearMisses && <p class="hint">{words.main.weekWinsEmpty}</p>
          )}
        </div>
      </div>
    </section>
  );
}
