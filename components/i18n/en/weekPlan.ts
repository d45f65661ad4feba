import type { Weekday } from '../../../lib/days';
import type { Fmt } from '../fmt';

// The week plan editor (components/settings/WeekPlanEditor.tsx) and the away ranges
// (components/settings/AwayEditor.tsx). Controls are named with their day and place, so a
// screen reader says "Monday, window 1 starts", not "Start" fourteen times.

export const weekPlanWords = (f: Fmt, days: Record<Weekday, string>, overnight: string) => {
  const windowName = (day: Weekday, n: number) => `${days[day]}, window ${f.number(n)}`;
  return {
    legend: 'Reminder times for each day',
    hint: 'A day with no time window has no reminders. A window can run past midnight, for a night shift.',
    noWindows: 'No reminders on this day.',
    starts: 'Starts',
    ends: 'Ends',
    /** The accessible names of a window's controls: day and place, then the visible label. */
    windowStarts: (day: Weekday, n: number) => `${windowName(day, n)} starts`,
    windowEnds: (day: Weekday, n: number) => `${windowName(day, n)} ends`,
    windowOvernight: (day: Weekday, n: number) => `${windowName(day, n)}: ${overnight.toLowerCase()}`,
    windowGroup: windowName,
    addWindow: 'Add a window',
    addWindowOn: (day: Weekday) => `Add a window on ${days[day]}`,
    removeWindow: (day: Weekday, n: number) => `Remove ${windowName(day, n)}`,
    copyMonday: 'Copy Monday to all weekdays',
    copyMondayHint: 'Tuesday to Friday get Monday’s times. Saturday and Sunday stay as they are.',
    copied: 'Monday’s times are copied to Tuesday to Friday. Save to keep them.',

    awayLegend: 'Away',
    awayHint:
      'On these days there are no reminders and nothing is due, from the first day to the last. Your times stay as they are for when you are back.',
    awayNone: 'No away ranges. Add one for a holiday, sick days or a break.',
    awayGroup: (n: number) => `Away range ${f.number(n)}`,
    awayFrom: 'Away from',
    awayTo: 'to',
    /** The accessible names of a range's dates: the visible label, then which range. */
    awayFromName: (n: number) => `Away from (range ${f.number(n)})`,
    awayToName: (n: number) => `to (range ${f.number(n)})`,
    addAway: 'Add an away range',
    removeAway: (n: number) => `Remove away range ${f.number(n)}`,
    awayNow: 'Away now',
    awayOver: 'Over',
  };
};
