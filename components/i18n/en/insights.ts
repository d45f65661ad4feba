import type { DemoProblem } from '../../../lib/demo';
import type { DayPart, Insight, MoodSummary } from '../../../lib/insights';
import type { HaltTag } from '../../../lib/db/schema';
import type { Fmt } from '../fmt';

// The insights view (charts, tables, patterns) and the demo data offer. lib/insights.ts gives
// facts; the sentences are here. Each pattern leads with a plain sentence, then the numbers.
// Some texts are used word for word by tests/e2e (Patterns, Mood over time, Show as a table,
// 1 year, Load demo data, the "On days tagged … (N vs N days)." sentence, "Checked in on N of
// 30 days", "too few to compare (measured 1×)"): change them only together with those tests.

export const insights = (f: Fmt) => {
  /** A mood or pull mean, always with one decimal: 2.0, 3.4. */
  const one = (n: number) => f.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const days = (n: number) => f.plural(n, { one: '# day', other: '# days' });
  const checkins = (n: number) => f.plural(n, { one: '# check-in', other: '# check-ins' });
  const tag: Record<HaltTag, string> = { hungry: 'Hungry', angry: 'Angry', lonely: 'Lonely', tired: 'Tired' };
  const part: Record<DayPart, { name: string; hours: string }> = {
    night: { name: 'Nights', hours: 'midnight to 6 am' },
    morning: { name: 'Mornings', hours: '6 am to noon' },
    afternoon: { name: 'Afternoons', hours: 'noon to 6 pm' },
    evening: { name: 'Evenings', hours: '6 pm to midnight' },
  };

  return {
    heading: 'Insights',
    loading: 'Loading…',
    today: 'Today',
    yesterday: 'Yesterday',
    periodLegend: 'Period',
    /** The period buttons: 7, 30, 90 and 365 days. */
    period: (n: number) => (n === 365 ? '1 year' : days(n)),

    patternsHeading: 'Patterns',
    patternsNone: (minDays: number) =>
      `Not enough data for patterns in this period yet. A comparison needs at least ${days(minDays)} on each side, so nothing here is a guess. Keep checking in, or pick a longer period.`,
    /** One pattern found in the period: a plain sentence first, then the numbers behind it. */
    pattern: (i: Insight): string => {
      switch (i.kind) {
        case 'tagLowersMood':
        case 'tagRaisesMood':
          return `${i.kind === 'tagLowersMood' ? `${tag[i.tag]} days are harder days for you.` : `${tag[i.tag]} days tend to go better for you.`} On days tagged ${tag[i.tag]} your mood averages ${one(i.with)}, against ${one(i.without)} otherwise (${f.number(i.days.with)} vs ${days(i.days.without)}).`;
        case 'hardDaysLowerMood':
        case 'hardDaysRaiseMood':
          return `${i.kind === 'hardDaysLowerMood' ? 'A hard moment or a setback weighs on the whole day.' : 'Your mood holds up even on days with a hard moment or a setback.'} On those days your mood averages ${one(i.with)} out of 5, against ${one(i.without)} on other days (${f.number(i.days.with)} vs ${days(i.days.without)}).`;
        case 'lowestPartOfDay':
          return `${part[i.part].name} (${part[i.part].hours}) are the hardest time of day for you. Your mood then averages ${one(i.mean)} out of 5, against ${one(i.otherMean)} at other times (${f.number(i.checkins.part)} vs ${checkins(i.checkins.other)}).`;
        case 'stepLowersPull':
          return `“${i.step}” seems to help you. Afterwards, the pull dropped by ${one(i.drop)} points on average (${f.plural(i.measured, { one: 'measured # time', other: 'measured # times' })}).`;
      }
    },

    /** A pattern's one action (lib/insights.ts patternAction): steps for the situation it names. */
    patternPlanAdd: (situation: string) => `Add steps for ${situation}`,
    patternPlanSee: (situation: string) => `See my steps for ${situation}`,
    /** A part of the day as a situation in the plan, when a pattern offers to add steps for it. */
    partSituation: { night: 'Nights', morning: 'Mornings', afternoon: 'Afternoons', evening: 'Evenings' } as Record<DayPart, string>,

    /** Words for the mood values 1 to 5 on chart axes. */
    moodAxis: ['Very low', 'Low', 'Okay', 'Good', 'Very good'] as readonly string[],
    showTable: 'Show as a table',
    tableDay: 'Day',
    tableCheckins: 'Check-ins',

    moodTitle: 'Mood over time',
    moodSummary: (s: MoodSummary) => {
      if (s.average === null) return 'No check-ins in this period yet.';
      const trend =
        s.trend === null
          ? ''
          : s.trend.kind === 'steady'
            ? ' Mood has been steady.'
            : s.trend.kind === 'rose'
              ? ` Mood has risen, from ${one(s.trend.from)} to ${one(s.trend.to)}.`
              : ` Mood has dipped, from ${one(s.trend.from)} to ${one(s.trend.to)}.`;
      return `Checked in on ${f.number(s.daysCheckedIn)} of ${days(s.periodDays)} (${checkins(s.checkins)}). Average mood ${one(s.average)} out of 5.${trend}`;
    },
    moodHighest: 'Highest',
    moodAverage: 'Daily average',
    moodLowest: 'Lowest',
    moodTable: 'Mood by day',
    moodTableAverage: 'Average',

    countTitle: 'Check-ins per day',
    countSummary: (total: number, period: number) => `${checkins(total)} in the last ${days(period)}.`,
    countSeries: 'Check-ins',
    countTable: 'Check-ins by day',

    pullTitle: 'Strength of the pull',
    pullNone: 'No reflections with a strength in this period.',
    pullSummary: (dayCount: number, strongest: number) =>
      `${f.plural(dayCount, { one: '# day', other: '# days' })} with a hard moment or setback; the strongest pull was ${f.number(strongest)} of 10.`,
    pullSeries: 'Strongest pull',
    pullTable: 'Strongest pull by day',
    // Word joiners hold the range together: a narrow column broke it after the dash.
    pullTableStrength: 'Strongest pull (0\u2060–\u206010)',
    pullTableReflections: 'Reflections',

    hoursTitle: 'Mood by time of day',
    hoursSummary: (hour: string, mean: number, count: number) => `Mood is lowest around ${hour} (average ${one(mean)}, ${checkins(count)}).`,
    hoursNotEnough: (min: number) => `Not enough check-ins yet to name a time of day (at least ${f.number(min)} in an hour are needed).`,
    hoursSeries: 'Average mood',
    hoursTable: 'Mood by hour',
    hoursTableHour: 'Hour',
    hoursTableMood: 'Average mood',

    triggersHeading: 'What pulls most often',
    triggersNone: 'No triggers noted in this period.',
    triggersTrigger: 'Trigger',
    triggersReflections: 'Reflections',
    triggersCheckins: 'Check-ins tagged',

    stepsHeading: 'Which coping steps help',
    stepsIntro: (min: number) =>
      `From your reflections: how often each step was used, and how much the pull dropped afterwards (when you noted the strength before and after). Steps measured at least ${f.plural(min, { one: 'once', other: '# times' })} are ranked; the others are listed below them. Worth going through with your mentor.`,
    stepsNone: 'No coping steps noted in this period yet.',
    stepsStep: 'Step',
    stepsUses: 'Times used',
    stepsDrop: 'Average drop (points)',
    stepsRanked: (drop: number, measured: number) => `${one(drop)} (measured ${f.number(measured)}×)`,
    stepsNotMeasured: 'not measured yet',
    stepsTooFew: (measured: number) => `too few to compare (measured ${f.number(measured)}×)`,

    demoOffer:
      'Nothing recorded yet. To see what the charts look like, you can load six months of made-up demo data. It is for trying Tandem out: load it only on a device you’re not using for real yet.',
    demoLoad: 'Load demo data',

    problems: {
      'demo.notEmpty': (_p: DemoProblem) => 'Demo data can only be loaded into an empty Tandem. Your own records are unchanged.',
    },
  };
};
