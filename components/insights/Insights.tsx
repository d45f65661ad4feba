import { useMemo, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { addDays, type DayKey } from '../../lib/days';
import type { DayStat, Reflection } from '../../lib/db/schema';
import {
  copingEffectiveness,
  cravingSeries,
  dayToSeconds,
  inWindow,
  lowestHour,
  MIN_CHECKINS,
  MIN_DAYS,
  MIN_STEP_USES,
  moodSeries,
  moodSummary,
  patternAction,
  plainInsights,
  timeOfDay,
  triggerFrequency,
  WINDOWS,
  type Insight,
  type WindowDays,
} from '../../lib/insights';
import type { PlanEntry } from '../../lib/db/schema';
import { labelKey } from '../../lib/text';
import type { HaltTag } from '../../lib/db/schema';
import { HALT_TAGS } from '../../lib/db/halt';
import type { AppServices } from '../../lib/services';
import { fmt, words } from '../i18n';
import { axis, Chart, dayAxis, moodAxis } from '../ui/Chart';
import { DemoDataOffer } from './DemoDataOffer';
import { useLiveQuery } from '../ui/hooks';

const bars = uPlot.paths.bars!({ size: [0.7, 40] });

/** A mean with one decimal in the page's language, or a dash for none. */
const one = (n: number | null) => (n === null ? '–' : fmt.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const num = (n: number) => fmt.number(n);
/** "3:00 PM", "15:00": an hour of the day, whatever zone the device is in. */
const hourLabel = (hour: number) => fmt.date(Date.UTC(2000, 0, 1, hour), { hour: 'numeric', minute: '2-digit' }, 'UTC');
const dayLabel = (day: DayKey, today: DayKey) => fmt.relativeDay(day, today, words.insights);
/** HALT tags with the check-in's own words for them; any other trigger is the person's text. */
const triggerName = (label: string) => ((HALT_TAGS as readonly string[]).includes(label) ? words.main.halt[label as HaltTag] : label);

/** A table that is only built when opened: a year of rows is not rendered up front. */
function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: () => (string | number)[][] }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{words.insights.showTable}</summary>
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

interface ViewProps {
  services: AppServices;
  today: DayKey;
  /**
   * Opens My plan on a situation: a new one prefilled with `trigger`, or the plan's own entry
   * when it already has one by that name (then `trigger` is spelled as the plan spells it).
   */
  onPlanFor?: (trigger: string) => void;
}

export function InsightsView({ services, today, onPlanFor }: ViewProps) {
  const [windowDays, setWindowDays] = useState<WindowDays>(30);
  const stats = useLiveQuery(() => services.insights.dayStats(), []);
  const reflections = useLiveQuery(() => services.reflections.since(addDays(today, -365)), [today]);
  if (stats === undefined || reflections === undefined) return <p>{words.insights.loading}</p>;
  return (
    <InsightsContent
      services={services}
      today={today}
      stats={stats}
      reflections={reflections}
      windowDays={windowDays}
      setWindowDays={setWindowDays}
      onPlanFor={onPlanFor}
    />
  );
}

interface ContentProps {
  services: AppServices;
  today: DayKey;
  stats: DayStat[];
  reflections: Reflection[];
  windowDays: WindowDays;
  setWindowDays: (w: WindowDays) => void;
  onPlanFor?: (trigger: string) => void;
}

/** A pattern's one action, if it has one: steps for the situation it names, new or the plan's own. */
function PatternAction({ insight, plan, onPlanFor }: { insight: Insight; plan: readonly PlanEntry[]; onPlanFor: (trigger: string) => void }) {
  const action = patternAction(insight);
  if (!action) return null;
  const w = words.insights;
  const keys = action.kind === 'planForTag' ? [action.tag, words.main.halt[action.tag]] : [w.partSituation[action.part]];
  const wanted = new Set(keys.map(labelKey));
  const existing = plan.find((e) => e.deletedAt === null && wanted.has(labelKey(e.trigger)));
  const situation = existing?.trigger ?? keys[keys.length - 1]!;
  return (
    <button type="button" class="secondary pattern-action" onClick={() => onPlanFor(situation)}>
      {existing ? w.patternPlanSee(situation) : w.patternPlanAdd(situation)}
    </button>
  );
}

function InsightsContent({ services, today, stats, reflections, windowDays, setWindowDays, onPlanFor }: ContentProps) {
  // The plan's situations, so a pattern offers to open steps already written instead of a duplicate.
  const plan = useLiveQuery(() => (onPlanFor ? services.plan.entries() : Promise.resolve([])), [onPlanFor !== undefined]);
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
  const w = words.insights;
  const moodData = useMemo<uPlot.AlignedData>(() => {
    const x = mood.map((p) => dayToSeconds(p.day));
    return [x, mood.map((p) => p.max), mood.map((p) => p.mean), mood.map((p) => p.min)];
  }, [mood]);
  const countData = useMemo<uPlot.AlignedData>(() => [mood.map((p) => dayToSeconds(p.day)), mood.map((p) => p.count)], [mood]);
  // Every day of the period on the x axis (empty where no strength was noted), lined up with
  // the mood chart above.
  const cravingData = useMemo<uPlot.AlignedData>(() => {
    const strongest = new Map(craving.map((p) => [p.day, p.strength]));
    return [mood.map((p) => dayToSeconds(p.day)), mood.map((p) => strongest.get(p.day) ?? null)];
  }, [mood, craving]);
  const hourData = useMemo<uPlot.AlignedData>(() => [hours.map((h) => h.hour), hours.map((h) => h.mean)], [hours]);

  const empty = stats.length === 0 && reflections.length === 0;
  const totalCheckins = mood.reduce((t, p) => t + p.count, 0);
  const lowest = lowestHour(hours);
  const maxTrigger = {
    reflections: Math.max(1, ...triggers.map((x) => x.reflections)),
    checkins: Math.max(1, ...triggers.map((x) => x.checkins)),
  };

  return (
    <section aria-labelledby="insights-heading" class="insights">
      <h2 id="insights-heading">{w.heading}</h2>
      {empty && <DemoDataOffer services={services} />}
      <fieldset>
        <legend>{w.periodLegend}</legend>
        <div class="chips">
          {WINDOWS.map((n) => (
            <button type="button" key={n} class="toggle" aria-pressed={windowDays === n} onClick={() => setWindowDays(n)}>
              {w.period(n)}
            </button>
          ))}
        </div>
      </fieldset>

      <section aria-labelledby="patterns-heading" class="patterns">
        <h3 id="patterns-heading">{w.patternsHeading}</h3>
        {insights.length > 0 ? (
          <ul>
            {insights.map((i) => (
              <li key={i.id}>
                <p>{w.pattern(i)}</p>
                {onPlanFor && plan && <PatternAction insight={i} plan={plan} onPlanFor={onPlanFor} />}
              </li>
            ))}
          </ul>
        ) : (
          <p class="hint">{w.patternsNone(MIN_DAYS)}</p>
        )}
      </section>

      <Figure id="chart-mood" title={w.moodTitle} summary={w.moodSummary(moodSummary(mood))}>
        <Chart
          labelledBy="chart-mood"
          data={moodData}
          options={(c) => ({
            scales: { y: { range: [1, 5] } },
            axes: [dayAxis(c), moodAxis(c, w.moodAxis)],
            series: [
              {},
              { label: w.moodHighest, stroke: 'transparent', points: { show: false } },
              // Points only while there is room for them (a month or less).
              { label: w.moodAverage, stroke: c.series[0], width: 2, spanGaps: false, points: { show: (u) => u.data[0].length <= 31, fill: c.series[0] } },
              { label: w.moodLowest, stroke: 'transparent', points: { show: false } },
            ],
            bands: [{ series: [1, 3], fill: c.band }],
            legend: { show: false },
          })}
        />
        <DataTable
          caption={w.moodTable}
          head={[w.tableDay, w.tableCheckins, w.moodTableAverage, w.moodLowest, w.moodHighest]}
          rows={() =>
            mood
              .filter((p) => p.count > 0)
              .reverse()
              .map((p) => [dayLabel(p.day, today), num(p.count), one(p.mean), p.min === null ? '–' : num(p.min), p.max === null ? '–' : num(p.max)])
          }
        />
      </Figure>

      <Figure id="chart-count" title={w.countTitle} summary={w.countSummary(totalCheckins, windowDays)}>
        <Chart
          labelledBy="chart-count"
          height={160}
          data={countData}
          options={(c) => ({
            scales: { y: { range: (_u, _min, max) => [0, Math.max(5, max)] } },
            axes: [dayAxis(c), axis(c)],
            series: [{}, { label: w.countSeries, stroke: c.series[0], fill: c.band, paths: bars, points: { show: false } }],
            legend: { show: false },
          })}
        />
        <DataTable
          caption={w.countTable}
          head={[w.tableDay, w.tableCheckins]}
          rows={() => mood.filter((p) => p.count > 0).reverse().map((p) => [dayLabel(p.day, today), num(p.count)])}
        />
      </Figure>

      <Figure
        id="chart-craving"
        title={w.pullTitle}
        summary={craving.length === 0 ? w.pullNone : w.pullSummary(craving.length, Math.max(...craving.map((p) => p.strength)))}
      >
        {craving.length > 0 && (
          <Chart
            labelledBy="chart-craving"
            height={160}
            data={cravingData}
            options={(c) => ({
              // Half a day either side of the period, so the first and last days' points show whole.
              scales: { x: { range: (_u, min, max) => [min - 43_200, max + 43_200] }, y: { range: [0, 10] } },
              axes: [dayAxis(c), axis(c)],
              series: [{}, { label: w.pullSeries, stroke: c.series[1], width: 2, spanGaps: true, points: { show: true, size: 7, fill: c.series[1] } }],
              legend: { show: false },
            })}
          />
        )}
        <DataTable
          caption={w.pullTable}
          head={[w.tableDay, w.pullTableStrength, w.pullTableReflections]}
          rows={() => [...craving].reverse().map((p) => [dayLabel(p.day, today), num(p.strength), num(p.reflections)])}
        />
      </Figure>

      <Figure
        id="chart-hours"
        title={w.hoursTitle}
        summary={lowest ? w.hoursSummary(hourLabel(lowest.hour), lowest.mean!, lowest.count) : w.hoursNotEnough(MIN_CHECKINS)}
      >
        <Chart
          labelledBy="chart-hours"
          height={160}
          data={hourData}
          options={(c) => ({
            scales: { x: { time: false, range: [-0.5, 23.5] }, y: { range: [0, 5] } },
            axes: [axis(c, { space: 64, incrs: [1, 2, 3, 6], values: (_u, splits) => splits.map(hourLabel) }), moodAxis(c, w.moodAxis)],
            series: [{}, { label: w.hoursSeries, stroke: c.series[2], fill: c.band, paths: bars, points: { show: false } }],
            legend: { show: false },
          })}
        />
        <DataTable
          caption={w.hoursTable}
          head={[w.hoursTableHour, w.tableCheckins, w.hoursTableMood]}
          rows={() => hours.filter((h) => h.count > 0).map((h) => [hourLabel(h.hour), num(h.count), one(h.mean)])}
        />
      </Figure>

      <section class="figure" aria-labelledby="triggers-heading">
        <h3 id="triggers-heading">{w.triggersHeading}</h3>
        {triggers.length === 0 ? (
          <p class="hint">{w.triggersNone}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{w.triggersTrigger}</th>
                <th scope="col">{w.triggersReflections}</th>
                <th scope="col">{w.triggersCheckins}</th>
              </tr>
            </thead>
            <tbody>
              {triggers.slice(0, 12).map((tr) => (
                <tr key={tr.label}>
                  <th scope="row">{triggerName(tr.label)}</th>
                  <td>
                    <span class="bar" aria-hidden="true" style={{ width: `${(100 * tr.reflections) / maxTrigger.reflections || 0}%` }} />
                    {num(tr.reflections)}
                  </td>
                  <td>
                    <span class="bar" aria-hidden="true" style={{ width: `${(100 * tr.checkins) / maxTrigger.checkins || 0}%` }} />
                    {num(tr.checkins)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section class="figure" aria-labelledby="steps-heading">
        <h3 id="steps-heading">{w.stepsHeading}</h3>
        <p class="hint">{w.stepsIntro(MIN_STEP_USES)}</p>
        {steps.length === 0 ? (
          <p class="hint">{w.stepsNone}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{w.stepsStep}</th>
                <th scope="col">{w.stepsUses}</th>
                <th scope="col">{w.stepsDrop}</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s) => (
                <tr key={s.step}>
                  <th scope="row">{s.step}</th>
                  <td>{num(s.uses)}</td>
                  <td>{s.comparable ? w.stepsRanked(s.meanDrop!, s.measured) : s.measured === 0 ? w.stepsNotMeasured : w.stepsTooFew(s.measured)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
