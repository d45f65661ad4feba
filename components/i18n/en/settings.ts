import { addDays, type Weekday } from '../../../lib/days';
import type { SettingsProblem, SettingsProblemCode, WindowTimes } from '../../../lib/settings';
import type { Fmt } from '../fmt';
import { weekPlanWords } from './weekPlan';

// The reminder settings: the week plan, away ranges, interval, notifications, day start and language.

/** A time of day given in minutes after midnight (1440 is midnight at the end of the day), as the language writes it. */
export function clockText(f: Fmt, minutes: number): string {
  return f.time(Date.UTC(2000, 0, 1) + (((minutes % 1440) + 1440) % 1440) * 60_000, 'UTC');
}

/** A window such as "09:00 AM – 05:00 PM" (a spaced dash when the times have words in them). */
export function windowText(f: Fmt, w: WindowTimes): string {
  const start = clockText(f, w.start);
  const end = clockText(f, w.end);
  return /\s/.test(start + end) ? `${start} – ${end}` : `${start}–${end}`;
}

/** Weekday names from Intl, indexed like Weekday (0 is Sunday). 2024-01-07 was a Sunday. */
export function weekdayNames(f: Fmt): Record<Weekday, string> {
  const name = (d: Weekday) => f.day(addDays('2024-01-07', d), { weekday: 'long' });
  return { 0: name(0), 1: name(1), 2: name(2), 3: name(3), 4: name(4), 5: name(5), 6: name(6) };
}

/** The words for each problem the settings rules report (lib/settings.ts). */
export type SettingsProblems = {
  [K in SettingsProblemCode]: (p: Extract<SettingsProblem, { code: K }>) => string;
};

export const settings = (f: Fmt) => {
  const overnight = 'Ends the next day';
  const days = weekdayNames(f);
  /** "Monday, window 2": a window as the form names it (index from 0). */
  const windowName = (p: { day: Weekday; index: number }) => `${days[p.day]}, window ${f.number(Number(p.index) + 1)}`;
  const problems: SettingsProblems = {
    'settings.badDay': () => 'The reminder plan is damaged: it does not have seven days. Set your times again.',
    'settings.noWindows': () =>
      'Add at least one time window on one day for reminders. For a break from reminders, add an away range instead.',
    'settings.tooManyWindows': (p) => `${days[p.day]} has more than ${f.number(p.max)} windows. Join some of them into one.`,
    'settings.windowIncomplete': (p) =>
      p.day !== undefined && p.index !== undefined
        ? `${windowName({ day: p.day, index: p.index })} needs a start and an end time.`
        : 'Each window needs a start and an end time.',
    'settings.windowEmpty': (p) => `${windowName(p)} (${windowText(f, p)}) starts and ends at the same time.`,
    'settings.windowBackwards': (p) =>
      `${windowName(p)} (${windowText(f, p)}): the end is before the start. If it runs past midnight, tick “${overnight}”.`,
    'settings.windowTooLong': (p) =>
      `${windowName(p)} (${windowText(f, p)}) is marked “${overnight}”, so it would be longer than 24 hours. Untick it, or set an earlier end.`,
    'settings.windowsOverlap': (p) =>
      p.a.day === p.b.day
        ? `On ${days[p.a.day]}, the windows ${windowText(f, p.a)} and ${windowText(f, p.b)} overlap. Change one so they don’t.`
        : `${days[p.a.day]}’s window ${windowText(f, p.a)} and ${days[p.b.day]}’s window ${windowText(f, p.b)} overlap. Change one so they don’t.`,
    'settings.awayIncomplete': (p) => `Away range ${f.number(Number(p.index) + 1)} needs a first and a last day.`,
    'settings.awayBackwards': (p) =>
      `Away range ${f.number(Number(p.index) + 1)} ends before it starts (${f.day(p.from)} to ${f.day(p.to)}). Swap the two days.`,
    'settings.awayTooMany': (p) => `Keep to ${f.number(p.max)} away ranges or fewer. Remove the ones that are over.`,
    'settings.interval': (p) =>
      `Choose a reminder interval between ${f.number(p.min)} and ${f.number(p.max)} minutes (whole minutes).`,
    'settings.notificationEmpty': () =>
      'The notification text has nothing anyone could read. Write a few words, or leave it empty for the standard text.',
    'settings.notificationTooLong': (p) =>
      f.plural(p.max, {
        one: 'Keep the notification text to # character or fewer.',
        other: 'Keep the notification text to # characters or fewer.',
      }),
    'settings.dayStart': (p) => `The day can start between ${clockText(f, p.min * 60)} and ${clockText(f, p.max * 60)}.`,
  };
  return {
    /** Weekday names, indexed like Weekday (0 is Sunday). */
    weekdays: weekdayNames(f),
    overnight,
    remove: 'Remove',
    week: weekPlanWords(f, days, overnight),
    interval: 'Remind me every (minutes)',
    dayStart: 'A new day starts at',
    /** An hour of the day-start choice. */
    dayStartOption: (hour: number) => clockText(f, hour * 60),
    dayStartHint: 'Check-ins before this time count for the day before, so a late night still belongs to the day you lived.',
    notificationsToggle: 'Also show a system notification',
    notificationsDenied:
      'Your browser did not allow notifications. The dot on the toolbar icon still shows when a check-in is due.',
    notificationTextLabel: 'Notification text',
    notificationHint: 'Others may see this on your screen, so it says nothing personal unless you want it to.',
    notificationDefaultHint: 'Leave it empty to use the standard text shown in the box.',
    save: 'Save settings',

    languageLabel: 'Language',
    languageBrowser: 'Same as the browser',
    /** Each language's name in itself, the same in every catalogue. */
    languageNames: { en: 'English', es: 'Español' },
    languageHint: 'The page reloads to switch language. This choice is kept on this device only.',

    problems,
  };
};
