import { addDays, weekdayOf, type DayKey } from '../../lib/days';
import { formatDay } from '../../lib/format';
import type { AppServices } from '../../lib/services';
import { useLiveQuery } from '../ui/hooks';

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
      <h2 id="week-heading">This week</h2>
      <div class="two">
        <div>
          <h3>What matters to me</h3>
          {values && values.length > 0 ? (
            <ul>
              {values.map((v) => (
                <li key={v.id}>
                  {v.text}
                  {v.kind === 'goal' && <span class="hint"> (goal)</span>}
                </li>
              ))}
            </ul>
          ) : (
            <p class="hint">Name a few values or goals in your own words, and they’ll sit here beside your wins.</p>
          )}
          <button type="button" class="secondary" onClick={onEditValues}>
            {values && values.length > 0 ? 'Edit values and goals' : 'Add values and goals'}
          </button>
        </div>
        <div>
          <h3>Micro-wins</h3>
          {nearMisses ? (
            <p>
              <strong>
                {nearMisses} hard {nearMisses === 1 ? 'moment' : 'moments'} you got through.
              </strong>{' '}
              Each one counts as a win.
            </p>
          ) : null}
          {wins && wins.length > 0 ? (
            <ul aria-label="This week’s micro-wins">
              {wins.slice(0, 20).map((c) => (
                <li key={c.id}>
                  <span class="entry-win">{c.win}</span> <span class="hint">· {formatDay(c.day, today)}</span>
                </li>
              ))}
            </ul>
          ) : (
            !nearMisses && <p class="hint">Small wins you note at a check-in will collect here.</p>
          )}
        </div>
      </div>
    </section>
  );
}
