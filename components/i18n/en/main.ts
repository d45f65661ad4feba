import type { CheckinProblem } from '../../../lib/checkins';
import type { Mood } from '../../../lib/db/schema';
import type { RemindersProblem } from '../../../lib/messages';
import type { Fmt } from '../fmt';

// The check-in, streak, reminders and the words every screen shares.

type P<C extends string, U extends { code: string }> = Extract<U, { code: C }>;

export const main = (f: Fmt) => {
  const moods: Record<Mood, string> = { 1: 'Very low', 2: 'Low', 3: 'Okay', 4: 'Good', 5: 'Very good' };
  return {
    appName: 'Tandem',
    /** The popup's page title. */
    popupTitle: 'Tandem check-in',
    checkinHeading: 'How are you right now?',
    checkinHint: 'Pick one, or press a key from 1 to 5.',
    /** The same on a touch screen, where there are no keys to press. */
    checkinHintTouch: 'Tap the one closest to how you feel.',
    /** The mood picker's group name. */
    moodGroup: 'Mood',
    moods,
    /** A mood with its digit, as the picker and the lists show it ("4 Good"). */
    mood: (mood: Mood) => `${f.number(mood)} ${moods[mood]}`,
    saved: (mood: string, time: string) => `Saved: ${mood} at ${time}. Thanks for checking in.`,
    /** A second mood soon after the first changes that check-in. */
    changed: (mood: string, time: string) => `Changed to ${mood}. Still one check-in, at ${time}.`,
    /** Undo right after a check-in (it is removed) and after a change (the mood before comes back). */
    undoCheckin: 'Undo this check-in',
    undoChange: (mood: string) => `Undo, back to ${mood}`,
    undoneCheckin: 'Check-in undone. Pick a mood whenever you’re ready.',
    undoneChange: (mood: string) => `Undone: back to ${mood}.`,
    winLabel: 'Micro-win',
    /** A check-in's own words, shown and edited in the lists. */
    noteLabel: 'Note',
    noteHint: 'Only for you: notes stay on this device and in your backups, never in a mentor link.',
    winHint: 'Optional: one small thing that went well. Press Enter to save it.',
    winHintTouch: 'Optional: one small thing that went well.',
    winSave: 'Save micro-win',
    winSaved: 'Micro-win saved. Nice.',
    winAtLimit: (max: number) => `That’s the limit: ${f.number(max)} characters.`,
    /** Characters typed of the most allowed, e.g. "12/280". */
    winCount: (length: number, max: number) => `${f.number(length)}/${f.number(max)}`,
    haltLegend: 'Anything pulling at you? (optional)',
    halt: { hungry: 'Hungry', angry: 'Angry', lonely: 'Lonely', tired: 'Tired' },
    // The first screen's ways into a reflection and the crisis sheet (the sheets' own words are in reflect).
    crisisButton: 'Crisis sheet',
    nearMissButton: 'I got through a hard moment',
    setbackButton: 'I had a setback',
    streakHeading: 'Streak',
    streakCount: (days: number) => f.plural(days, { one: '#-day streak', other: '#-day streak' }),
    streakNone: 'Your first check-in starts a streak.',
    streakAtRisk: 'Check in today to keep it going.',
    streakToday: 'You showed up today.',
    streakDayOff: 'A day off: your streak is safe.',
    streakBest: (days: number) => f.plural(days, { one: 'Best: # day', other: 'Best: # days' }),
    streakWeek: (days: number) => f.plural(days, { one: 'This week: # day', other: 'This week: # days' }),
    streakMonth: (days: number) => f.plural(days, { one: 'This month: # day', other: 'This month: # days' }),
    milestone: (days: number) => f.plural(days, { one: '# day of showing up. That matters.', other: '# days of showing up. That matters.' }),
    milestoneThanks: 'Thank you',
    /** A day on its own ("Today, 09:30"); fmt.relativeDay gets these. */
    today: 'Today',
    yesterday: 'Yesterday',
    /** A day inside a sentence ("from today at 09:30"). */
    inSentence: { today: 'today', yesterday: 'yesterday', tomorrow: 'tomorrow' },
    /** A check-in's day and time, as the lists show it. */
    dayAndTime: (day: string, time: string) => `${day}, ${time}`,
    todayHeading: 'Today',
    todayEmpty: 'No check-ins yet today.',
    todayList: 'Today’s check-ins',
    recentHeading: 'Recent check-ins',
    recentList: 'Recent check-ins',
    recentEmpty: 'Your check-ins will appear here.',
    editForm: 'Edit check-in',
    editCheckin: (day: string, time: string) => `Edit check-in from ${day} at ${time}`,
    deleteCheckin: (day: string, time: string) => `Delete check-in from ${day} at ${time}`,
    edit: 'Edit',
    delete: 'Delete',
    save: 'Save',
    cancel: 'Cancel',
    undo: 'Undo',
    close: 'Close',
    tryAgain: 'Try again',
    /** The buttons of an item in an ordered list (the plan, values, contacts), named after it. */
    editItem: (name: string) => `Edit ${name}`,
    moveUp: (name: string) => `Move ${name} up`,
    moveDown: (name: string) => `Move ${name} down`,
    deleteItem: (name: string) => `Delete ${name}`,
    deleted: 'Check-in deleted.',
    moodLabel: 'Mood',
    noWin: '',
    openDashboard: 'Open dashboard',
    /** The popup's gentle notice of a mentor's unread reply (names are the mentors' own). */
    wroteBack: (names: readonly string[]) =>
      names.length <= 1 ? `${names[0] ?? ''} wrote back` : `${names[0]} and ${f.plural(names.length - 1, { one: '# more', other: '# more' })} wrote back`,
    wroteBackOpen: 'Read it in Mentor links',
    /** The dashboard's views, and the name of their list. */
    sections: 'Sections',
    views: {
      home: 'Check in',
      reflections: 'Reflections',
      plan: 'My plan',
      insights: 'Insights',
      share: 'Mentor links',
      settings: 'Settings',
    },
    weekHeading: 'This week',
    valuesHeading: 'What matters to me',
    goalMark: '(goal)',
    valuesEmpty: 'Name a few values or goals in your own words, and they’ll sit here beside your wins.',
    editValues: 'Edit values and goals',
    addValues: 'Add values and goals',
    winsHeading: 'Micro-wins',
    hardMoments: (n: number) =>
      f.plural(n, { one: '# hard moment you got through.', other: '# hard moments you got through.' }),
    hardMomentsCount: 'Each one counts as a win.',
    weekWins: 'This week’s micro-wins',
    weekWinsEmpty: 'Small wins you note at a check-in will collect here.',
    remindersHeading: 'Reminders',
    due: 'A check-in is due. Whenever you’re ready.',
    snooze: 'Snooze 30 minutes',
    pauseToday: 'Pause for today',
    resume: 'Resume reminders',
    snoozedUntil: (time: string) => `Snoozed until ${time}.`,
    pausedToday: 'Reminders are paused for today.',
    /** An away range is on (settings): `day` is its last day, written out. */
    awayUntil: (day: string) => `You’re away until ${day}. No reminders until then.`,
    /** `day` is inSentence.today/tomorrow or a weekday and date. */
    nextAt: (day: string, time: string) => `Next reminder: ${day} at ${time}.`,
    noNext: 'No reminders are scheduled in the coming week.',
    pwaReminders:
      'This web app can’t remind you while it is closed: phones and browsers don’t let web apps do that reliably. Open it when you like; it shows here when a check-in is due. For reminders during the workday, use the browser extension.',
    /** The extension's toolbar button and its notification (entrypoints/background.ts). */
    badge: {
      due: 'Tandem: a check-in is due',
      idle: 'Tandem: check in',
      notificationTitle: 'Tandem',
    },
    /** The notification's text while the person has not written their own. */
    notificationDefault: 'Time for a quick check-in. It takes five seconds.',
    settingsHeading: 'Reminder settings',
    settingsSaved: 'Settings saved.',
    loading: 'Loading…',
    updateReady: 'A new version of Tandem is ready.',
    updateReload: 'Reload to update',
    storageProblem: 'Something went wrong reading your data.',
    problems: {
      'checkin.mood': () => 'Pick a mood from 1 to 5.',
      'checkin.winEmpty': () => 'Write a few words for your micro-win, or simply skip it.',
      'checkin.winTooLong': (p: P<'checkin.winTooLong', CheckinProblem>) =>
        `A micro-win can be up to ${f.number(p.max)} characters; this one has ${f.number(p.length)}. Please shorten it.`,
      'checkin.noteTooLong': (p: P<'checkin.noteTooLong', CheckinProblem>) =>
        `A note can be up to ${f.number(p.max)} characters; this one has ${f.number(p.length)}. Please shorten it.`,
      'checkin.gone': () => 'That check-in no longer exists. It may have been deleted in another window.',
      'checkin.unknownTag': (p: P<'checkin.unknownTag', CheckinProblem>) =>
        f.plural(p.tags.length, { one: 'This tag isn’t one Tandem knows: ', other: 'These tags aren’t ones Tandem knows: ' }) +
        `${f.list(p.tags)}.`,
      'reminders.noAnswer': (_p: RemindersProblem) =>
        'Tandem’s reminders did not answer. Close and reopen this page; if it keeps happening, restart the browser.',
    },
  };
};
