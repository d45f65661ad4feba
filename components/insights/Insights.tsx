import { useMemo, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { addDays, type DayKey } from '../../lib/days';
import type { DayStat, Reflection } from '../../lib/db/schema';
import { formatDay } from '../../lib/format';
import {
  copingEffectiveness,
  cravingSeries,
  dayToSeconds,
  describeMood,
  inWindow,
  MIN_CHECKINS,
  MIN_DAYS,
  MIN_STEP_USES,
  moodSeries,
  plainInsights,
  timeOfDay,
  triggerFrequency,
  WINDOWS,
  windowStart,
  type WindowDays,
} from '../../lib/insights';
import { triggerLabel } from '../../lib/reflections';
import type { AppServices } from '../../lib/services';
import { axis, Chart } from '../ui/Chart';
import { DemoDataOffer } from './DemoDataOffer';
import { useLiveQuery } from '../ui/hooks';

const one = (n: number | null) => (n === null ? '–' : (Math.round(n * 10) / 10).toFixed(1));

/** A table that is only built when opened: a year of rows is not rendered up front. */
function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: () => (string | number)[][] }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Show as a table</summary>
      {open && (
        <table>
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows().map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

function Figure({ id, title, summary, children }: { id: string; title: string; summary: string; children: preact.ComponentChildren }) {
  return (
    <section class="figure" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <p class="chart-summary">{summary}</p>
      {children}
    </section>
  );
}

const dayAxisValues = (_: uPlot, splits: number[]) =>
  splits.map((s) => new Date(s * 1000).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' }));

export function InsightsView({ services, today }: { services: AppServices; today: DayKey }) {
  const [windowDays, setWindowDays] = useState<WindowDays>(30);
  const stats = useLiveQuery(() => services.db.dayStats.toArray(), []);
  const reflections = useLiveQuery(() => services.reflections.since(addDays(today, -365)), [today]);
  if (stats === undefined || reflections === undefined) return <p>Loading…</p>;
  return (
    <InsightsContent services={services} today={today} stats={stats} reflections={reflections} windowDays={windowDays} setWindowDays={setWindowDays} />
  );
}

interface ContentProps {
  services: AppServices;
  today: DayKey;
  stats: DayStat[];
  reflections: Reflection[];
  windowDays: WindowDays;
  setWindowDays: (w: WindowDays) => void;
}

function InsightsContent({ services, today, stats, reflections, windowDays, setWindowDays }: ContentProps) {
  const computed = useMemo(() => {
    const windowStats = inWindow(stats, today, windowDays);
    const windowReflections = inWindow(reflections, today, windowDays);
    const mood = moodSeries(stats, today, windowDays);
    return {
      mood,
      craving: cravingSeries(reflections, today, windowDays),
      hours: timeOfDay(windowStats),
      triggers: triggerFrequency(windowStats, windowReflections),
      steps: copingEffectiveness(windowReflections),
      insights: plainInsights(windowStats, windowReflections),
      windowReflections,
    };
  }, [stats, reflections, today, windowDays]);

  const { mood, craving, hours, triggers, steps, insights } = computed;
  const moodData = useMemo<uPlot.AlignedData>(() => {
    const x = mood.map((p) => dayToSeconds(p.day));
    return [x, mood.map((p) => p.max), mood.map((p) => p.mean), mood.map((p) => p.min)];
  }, [mood]);
  const countData = useMemo<uPlot.AlignedData>(() => [mood.map((p) => dayToSeconds(p.day)), mood.map((p) => p.count)], [mood]);
  const cravingData = useMemo<uPlot.AlignedData>(() => [craving.map((p) => dayToSeconds(p.day)), craving.map((p) => p.strength)], [craving]);
  const hourData = useMemo<uPlot.AlignedData>(() => [hours.map((h) => h.hour), hours.map((h) => h.mean)], [hours]);

  const empty = stats.length === 0 && reflections.length === 0;
  const totalCheckins = mood.reduce((t, p) => t + p.count, 0);
  const hourTotal = hours.reduce((t, h) => t + h.count, 0);
  // Named only with enough check-ins in that hour and outside it, as the patterns are.
  const lowestHour = hours
    .filter((h) => h.count >= MIN_CHECKINS && hourTotal - h.count >= MIN_CHECKINS)
    .sort((a, b) => a.mean! - b.mean!)[0];
  const bars = uPlot.paths.bars!({ size: [0.7, 40] });
  const maxTrigger = {
    reflections: Math.max(1, ...triggers.map((x) => x.reflections)),
    checkins: Math.max(1, ...triggers.map((x) => x.checkins)),
  };

  return (
    <section aria-labelledby="insights-heading" class="insights">
      <h2 id="insights-heading">Insights</h2>
      {empty && <DemoDataOffer services={services} />}
      <fieldset>
        <legend>Period</legend>
        <div class="chips">
          {WINDOWS.map((w) => (
            <button type="button" key={w} class="toggle" aria-pressed={windowDays === w} onClick={() => setWindowDays(w)}>
              {w === 365 ? '1 year' : `${w} days`}
            </button>
          ))}
        </div>
      </fieldset>

      <section aria-labelledby="patterns-heading" class="patterns">
        <h3 id="patterns-heading">Patterns</h3>
        {insights.length > 0 ? (
          <ul>
            {insights.map((i) => (
              <li key={i.id}>{i.text}</li>
            ))}
          </ul>
        ) : (
          <p class="hint">
            Not enough data for patterns in this period yet. A comparison needs at least {MIN_DAYS} days on each side, so
            nothing here is a guess. Keep checking in, or pick a longer period.
          </p>
        )}
      </section>

      <Figure id="chart-mood" title="Mood over time" summary={describeMood(mood)}>
        <Chart
          labelledBy="chart-mood"
          data={moodData}
          options={(c) => ({
            scales: { y: { range: [1, 5] } },
            axes: [axis(c, { values: dayAxisValues }), axis(c, { splits: () => [1, 2, 3, 4, 5] })],
            series: [
              {},
              { label: 'Highest', stroke: 'transparent', points: { show: false } },
              { label: 'Daily average', stroke: c.series[0], width: 2, spanGaps: false, points: { show: windowDays <= 30, fill: c.series[0] } },
              { label: 'Lowest', stroke: 'transparent', points: { show: false } },
            ],
            bands: [{ series: [1, 3], fill: c.band }],
            legend: { show: false },
          })}
        />
        <DataTable
          caption="Mood by day"
          head={['Day', 'Check-ins', 'Average', 'Lowest', 'Highest']}
          rows={() => mood.filter((p) => p.count > 0).reverse().map((p) => [formatDay(p.day, today), p.count, one(p.mean), p.min ?? '–', p.max ?? '–'])}
        />
      </Figure>

      <Figure id="chart-count" title="Check-ins per day" summary={`${totalCheckins} check-ins in the last ${windowDays} days.`}>
        <Chart
          labelledBy="chart-count"
          height={160}
          data={countData}
          options={(c) => ({
            scales: { y: { range: (_u, _min, max) => [0, Math.max(5, max)] } },
            axes: [axis(c, { values: dayAxisValues }), axis(c)],
            series: [{}, { label: 'Check-ins', stroke: c.series[0], fill: c.band, paths: bars, points: { show: false } }],
            legend: { show: false },
          })}
        />
        <DataTable
          caption="Check-ins by day"
          head={['Day', 'Check-ins']}
          rows={() => mood.filter((p) => p.count > 0).reverse().map((p) => [formatDay(p.day, today), p.count])}
        />
      </Figure>

      <Figure
        id="chart-craving"
        title="Strength of the pull"
        summary={
          craving.length === 0
            ? 'No reflections with a strength in this period.'
            : `${craving.length} days with a hard moment or setback; the strongest pull was ${Math.max(...craving.map((p) => p.strength))} of 10.`
        }
      >
        {craving.length > 0 && (
          <Chart
            labelledBy="chart-craving"
            height={160}
            data={cravingData}
            options={(c) => ({
              // The whole period on the x axis, lined up with the mood chart above.
              scales: { x: { range: [dayToSeconds(windowStart(today, windowDays)) - 43_200, dayToSeconds(today) + 43_200] }, y: { range: [0, 10] } },
              axes: [axis(c, { values: dayAxisValues }), axis(c)],
              series: [{}, { label: 'Strongest pull', stroke: c.series[1], width: 2, points: { show: true, size: 7, fill: c.series[1] } }],
              legend: { show: false },
            })}
          />
        )}
        <DataTable caption="Strongest pull by day" head={['Day', 'Strongest pull (0–10)', 'Reflections']} rows={() => [...craving].reverse().map((p) => [formatDay(p.day, today), p.strength, p.reflections])} />
      </Figure>

      <Figure
        id="chart-hours"
        title="Mood by time of day"
        summary={lowestHour ? `Mood is lowest around ${lowestHour.hour}:00 (average ${one(lowestHour.mean)}, ${lowestHour.count} check-ins).` : `Not enough check-ins yet to name a time of day (at least ${MIN_CHECKINS} in an hour are needed).`}
      >
        <Chart
          labelledBy="chart-hours"
          height={160}
          data={hourData}
          options={(c) => ({
            scales: { x: { time: false, range: [-0.5, 23.5] }, y: { range: [0, 5] } },
            axes: [axis(c, { values: (_u, splits) => splits.map((s) => `${s}:00`) }), axis(c)],
            series: [{}, { label: 'Average mood', stroke: c.series[2], fill: c.band, paths: bars, points: { show: false } }],
            legend: { show: false },
          })}
        />
        <DataTable caption="Mood by hour" head={['Hour', 'Check-ins', 'Average mood']} rows={() => hours.filter((h) => h.count > 0).map((h) => [`${h.hour}:00`, h.count, one(h.mean)])} />
      </Figure>

      <section class="figure" aria-labelledby="triggers-heading">
        <h3 id="triggers-heading">What pulls most often</h3>
        {triggers.length === 0 ? (
          <p class="hint">No triggers noted in this period.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Trigger</th>
                <th scope="col">Reflections</th>
                <th scope="col">Check-ins tagged</th>
              </tr>
            </thead>
            <tbody>
              {triggers.slice(0, 12).map((tr) => (
                <tr key={tr.label}>
                  <th scope="row">{triggerLabel(tr.label)}</th>
                  <td>
                    <span class="bar" aria-hidden="true" style={{ width: `${(100 * tr.reflections) / maxTrigger.reflections || 0}%` }} />
                    {tr.reflections}
                  </td>
                  <td>
                    <span class="bar" aria-hidden="true" style={{ width: `${(100 * tr.checkins) / maxTrigger.checkins || 0}%` }} />
                    {tr.checkins}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section class="figure" aria-labelledby="steps-heading">
        <h3 id="steps-heading">Which coping steps help</h3>
        <p class="hint">From your reflections: how often each step was used, and how much the pull dropped afterwards (when you noted the strength before and after). Steps measured at least {MIN_STEP_USES} times are ranked; the others are listed below them. Worth going through with your mentor.</p>
        {steps.length === 0 ? (
          <p class="hint">No coping steps noted in this period yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Times used</th>
                <th scope="col">Average drop (points)</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s) => (
                <tr key={s.step}>
                  <th scope="row">{s.step}</th>
                  <td>{s.uses}</td>
                  <td>
                    {s.comparable
                      ? `${one(s.meanDrop)} (measured ${s.measured}×)`
                      : s.measured === 0
                        ? 'not measured yet'
                        : `too few to compare (measured ${s.measured}×)`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
