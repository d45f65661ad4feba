import type { TimeWindow } from '../../../lib/settings';
import type { Fmt } from '../fmt';
import { clockText, weekdayNames, windowText } from './settings';

// The welcome (components/welcome): the first minute and a half, and "Run the welcome again".

/** A country's name in the page's language, from Intl (the code itself if Intl has none). */
export function countryName(f: Fmt, code: string): string {
  try {
    return new Intl.DisplayNames(f.tag, { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export const welcome = (f: Fmt) => {
  const hoursText = (days: readonly string[], w: TimeWindow) => {
    const when = w.start === 0 && w.end === 1440 ? 'at any hour' : w.overnight ? `${windowText(f, w)} (ends the next day)` : windowText(f, w);
    return `${days.length === 7 ? 'every day' : f.list(days)}, ${when}`;
  };
  return {
    title: 'Welcome to Tandem',
    intro:
      'A few short questions, about a minute and a half, to set Tandem up for you. Any of them can wait: “Skip for now” moves on, and you can run this again from Settings.',
    progress: (n: number, total: number) => `Step ${f.number(n)} of ${f.number(total)}`,
    skip: 'Skip for now',
    hide: 'Hide the welcome',
    loading: 'Loading…',

    hours: {
      heading: 'When do you work?',
      intro: 'This sets your reminder times: Tandem reminds you to check in during these hours, and not outside them.',
      kindLegend: 'Your hours',
      set: 'I work set hours',
      change: 'My hours change',
      daysLegend: 'The days I work',
      /** Weekday names, indexed like Weekday (0 is Sunday). */
      weekdays: weekdayNames(f),
      from: 'From',
      to: 'To',
      overnight: 'This ends the next day (a night shift).',
      changeHint: 'Reminders can then come on any day, at any hour. You can set exact hours later in Settings.',
      moreWindows: (n: number) =>
        f.plural(n, {
          one: 'Settings has # time window; changing these times replaces it.',
          other: 'Settings has # time windows; changing these times replaces them with this one.',
        }),
      variedPlan: 'Settings has different times on different days. Changing these times gives each day you tick this one window.',
      save: 'Save my hours',
      saved: (days: readonly string[], w: TimeWindow) => `Saved. Tandem will remind you to check in ${hoursText(days, w)}.`,
      /** The days kept their own times (a week plan). */
      savedPlan: (days: readonly string[]) => `Saved. Tandem will remind you to check in on ${f.list(days)}, at the times set for each day.`,
    },

    dayEnd: {
      heading: 'When does your day end?',
      intro: 'After a late night, a check-in at one in the morning still belongs to the day you lived.',
      label: 'My day ends at',
      option: (hour: number) => clockText(f, hour * 60),
      hint: 'Check-ins before this time count for the day before.',
      save: 'Save this time',
      saved: (hour: number) => `Saved. Your day ends at ${clockText(f, hour * 60)}.`,
    },

    person: {
      heading: 'One person to call or text',
      intro: 'Someone you trust, for a hard moment. They go on your crisis sheet, one tap away. Only you can see it.',
      name: 'Their name',
      phone: 'Their phone number',
      phoneHint: 'As you would dial it. Digits, spaces, dashes and a leading + are fine.',
      mentor: 'This is my mentor',
      already: (names: readonly string[]) => `Already on your crisis sheet: ${f.list(names)}.`,
      save: 'Add to my crisis sheet',
      saved: (name: string) => `Saved. ${name} is on your crisis sheet.`,
    },

    country: {
      heading: 'Your country',
      intro: 'Tandem shows your local emergency number on the crisis sheet.',
      label: 'Country',
      choose: 'Choose your country',
      name: (code: string) => countryName(f, code),
      number: (number: string) => `Emergency number: ${number}`,
      notListed:
        'Not in the list? Skip for now. The crisis sheet still tells you to call your local emergency number.',
      save: 'Confirm my country',
      pick: 'Choose a country first, or skip for now.',
      saved: (country: string, number: string) => `Saved. The crisis sheet will show ${number}, the emergency number in ${country}.`,
    },

    situation: {
      heading: 'One risky situation',
      intro: 'A time, a place or a feeling that can pull you towards using, and one to three things you can do then.',
      label: 'The situation, in your words',
      ideasLabel: 'Ideas for the situation',
      ideas: ['Payday', 'After a hard day at work', 'Evenings on my own', 'A party or a night out'],
      stepsLegend: 'What I can do then (one to three steps)',
      step: (n: number) => `Step ${f.number(n)}`,
      stepIdeasLabel: 'Ideas for steps',
      stepIdeasHint: 'Pick any that fit, then change the words as you like. None is needed.',
      stepIdeas: ['Wait 15 minutes: the urge passes', 'Go for a short walk', 'Eat something and drink some water', 'Leave, or go somewhere safe'],
      callPerson: (name: string) => `Call or text ${name}`,
      save: 'Save this situation',
      saved: (trigger: string) => `Saved. “${trigger}” and its steps are in your plan.`,
    },

    value: {
      heading: 'What matters to you?',
      optional: 'Optional.',
      intro: 'Something you care about gives the hard days a reason: a person, your health, a promise. A few words are enough.',
      label: 'In your words',
      save: 'Save this',
      saved: (text: string) => `Saved. “${text}” is in your plan.`,
    },

    end: {
      heading: 'You’re set up',
      headingNothing: 'That’s all for now',
      summaryLabel: 'What Tandem knows now',
      hours: (days: readonly string[], w: TimeWindow) => `Reminders: ${hoursText(days, w)}.`,
      hoursPlan: (days: readonly string[]) => `Reminders: ${f.list(days)}, at the times set for each day.`,
      dayEnd: (hour: number) => `Your day ends at ${clockText(f, hour * 60)}.`,
      people: (names: readonly string[]) => `On your crisis sheet: ${f.list(names)}.`,
      country: (country: string, number: string) => `Emergency number: ${number} (${country}).`,
      noCountry: 'No country yet: the crisis sheet tells you to call your local emergency number.',
      situations: (triggers: readonly string[]) => `In your plan: ${f.list(triggers)}.`,
      values: (texts: readonly string[]) => `What matters to you: ${f.list(texts)}.`,
      later: 'Anything you skipped can be added any time, in My plan and in Settings.',
      ask: 'Now, how are you right now?',
      askBelow: 'Choose how you feel just below.',
      checkIn: 'Check in now',
    },

    runAgain: 'Run the welcome again',
    runAgainHint: 'Goes through the first steps again: your hours, a person to call, a risky situation. Nothing is removed.',
    runAgainStarted: 'The welcome is waiting for you on the check-in screen.',
  };
};
