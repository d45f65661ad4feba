import type { AppServices } from '../../lib/services';
import { suggestsTalking, wellbeingBand } from '../../lib/wellbeing';
import { useLiveQuery } from '../ui/hooks';
import { fmt, words } from '../i18n';
import { TalkSuggestion } from './WellbeingCheck';

const when = (at: number) => fmt.date(at, { day: 'numeric', month: 'long', year: 'numeric' });

/** Insights: the WHO-5 scores over time, in numbers and plain words, never a diagnosis. */
export function WellbeingTrend({ services, onCrisis }: { services: Pick<AppServices, 'wellbeing'>; onCrisis: () => void }) {
  const scores = useLiveQuery(() => services.wellbeing.scores(), [services.wellbeing]);
  const w = words.wellbeing;
  if (scores === undefined) return null;
  const latest = scores[scores.length - 1];
  const before = scores[scores.length - 2];
  return (
    <section class="card wellbeing-trend" aria-labelledby="wellbeing-trend-h">
      <h2 id="wellbeing-trend-h">{w.trendHeading}</h2>
      <p class="hint">{w.trendIntro}</p>
      {!latest ? (
        <p>{w.none}</p>
      ) : (
        <>
          <p>
            <strong>{w.latest(latest.score, when(latest.at))}</strong> {w.bands[wellbeingBand(latest.score)]}
          </p>
          {before && <p>{w.since(before.score, latest.score)}</p>}
          {suggestsTalking(latest.score) && <TalkSuggestion onCrisis={onCrisis} />}
          <table class="mood-table">
            <caption class="visually-hidden">{w.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{w.dateHead}</th>
                <th scope="col">{w.scoreHead}</th>
                <th scope="col">{w.bandHead}</th>
              </tr>
            </thead>
            <tbody>
              {[...scores].reverse().map((s) => (
                <tr key={s.at}>
                  <td>{when(s.at)}</td>
                  <td>{fmt.number(s.score)}</td>
                  <td>{w.bands[wellbeingBand(s.score)]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p class="hint">{w.credit}</p>
    </section>
  );
}
