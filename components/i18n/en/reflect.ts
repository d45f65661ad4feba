import type { ReflectionProblem } from '../../../lib/reflections';
import type { Fmt } from '../fmt';

/** The words for every problem lib/reflections.ts reports, typed by code. */
export type ReflectProblems = {
  [K in ReflectionProblem['code']]: (p: Extract<ReflectionProblem, { code: K }>) => string;
};

/** Reflections, the plan's steps in them and the crisis sheet: warm, plain, never shaming. */
export const reflect = (f: Fmt) => ({
  nearMissTitle: 'I got through a hard moment',
  setbackTitle: 'I had a setback',
  nearMissIntro: 'Well done for getting through it. A few words now can help next time.',
  setbackIntro: 'Thank you for being honest. A setback is information, not a verdict, and your streak is unchanged.',
  editTitle: 'Edit reflection',
  when: 'When',
  time: 'Time',
  triggersLegend: 'What pulled at you?',
  triggersHint: 'Pick one or more, or add your own. This is the only part you need to fill in.',
  ownTrigger: 'Something else',
  addTrigger: 'Add',
  strength: 'How strong was the pull? (0 to 10)',
  strengthAfter: 'How strong is it now? (0 to 10)',
  notSaid: 'Rather not say',
  planFor: (trigger: string) => `Your plan for “${trigger}”`,
  usedStep: 'I used this',
  otherSteps: 'Other steps you used',
  helped: 'What helped?',
  nextTime: 'What could you try next time?',
  moodNow: 'How do you feel now?',
  save: 'Save reflection',
  nearMissSaved: 'You got through a hard moment. That’s a win of its own.',
  setbackSaved: 'Saved. Thank you for being honest with yourself.',
  updated: 'Reflection updated.',
  deleted: 'Reflection deleted.',
  listHeading: 'Reflections',
  listEmpty: 'Hard moments you got through and setbacks you log will appear here, with what helped.',
  /** The list of reflections. */
  listLabel: 'Reflections',
  showOlder: 'Show older reflections',
  /** When a reflection happened, as the list shows it ("Today, 09:30"). */
  dayAndTime: (day: string, time: string) => `${day}, ${time}`,
  editItem: (when: string) => `Edit reflection from ${when}`,
  deleteItem: (when: string) => `Delete reflection from ${when}`,
  /** How strong the pull was (0 to 10), before and after. */
  pull: (before: number) => `Pull: ${f.number(before)} of 10`,
  pullAfter: (after: number) => `Pull afterwards: ${f.number(after)} of 10`,
  pullBoth: (before: number, after: number) => `Pull: ${f.number(before)} → ${f.number(after)} of 10`,
  whatPulled: (triggers: readonly string[]) => `What pulled: ${f.list(triggers)}`,
  stepsUsed: (steps: readonly string[]) => `Steps used: ${f.list(steps)}`,
  whatHelped: (text: string) => `What helped: ${text}`,
  nextTimeNote: (text: string) => `Next time: ${text}`,
  feltAfter: (mood: string) => `Felt afterwards: ${mood}`,
  kindNearMiss: 'Got through a hard moment',
  kindSetback: 'Setback',
  crisisTitle: 'Crisis sheet',
  /** Always the sheet's first line, whatever else is set up. */
  emergencyLine: 'In danger right now? Call your local emergency number.',
  /** The call link for the confirmed country's emergency number. */
  callEmergency: (number: string) => `Call ${number}`,
  emergencyIn: (country: string) => `Emergency number in ${country}`,
  changeCountry: 'Change country',
  countryLabel: 'Your country',
  countryChoose: 'Choose your country',
  countryHint: 'Confirm your country to see its emergency number here.',
  confirmCountry: 'Confirm',
  /** Where the first contact and the three actions start. */
  rightNow: 'Right now',
  /** The one-tap start: the timer's default length. */
  urgeStartQuick: (minutes: number) => `Start a ${f.number(minutes)}-minute urge timer`,
  mySteps: 'My steps',
  /** The situation chips above the steps. */
  stepsSituation: 'Which situation?',
  /** The fold with everything else. */
  moreHelp: 'More: other people, all my steps, other timer lengths',
  otherPeople: 'Other people to reach',
  allSteps: 'All my steps',
  otherLengths: 'A timer of another length',
  addSteps: 'Add coping steps',
  /** Moves the running timer to a small window of its own (the extension). */
  openInWindow: 'Open in a window',
  closeWindow: 'Close this window',
  /** The toolbar button's title while the timer runs, and once it has run out. */
  urgeBadgeMinutes: (minutes: number) => `Urge timer: ${f.plural(minutes, { one: '# minute', other: '# minutes' })} left`,
  urgeBadgeEnded: 'Urge timer: time is up. How strong is the urge now?',
  urgeNotifyTitle: 'The urge timer has ended',
  urgeNotifyMessage: 'You rode the wave. Open Tandem and say how strong the urge is now.',
  /** A reflection's fields came back from an unfinished one. */
  draftRestored: 'What you wrote before is back. Cancel clears it.',
  /** After a reflection is saved: a next step, not a dead end. */
  afterSetbackHeading: 'Thank you for writing it down.',
  afterSetbackIntro: 'You were honest with yourself, and that takes courage. One small step now can help.',
  afterNearMissIntro: 'One small step now can make the next hard moment easier.',
  messageLabel: (name: string) => `Message to ${name} (you can change it)`,
  /** The texts offered: short and discreet, nothing anyone glancing at a phone would read into. */
  messageSetback: 'Hi, it’s been a hard day. Could we talk when you have a moment?',
  messageNearMiss: 'Hi, I had a hard moment today and got through it. Could we talk when you have a moment?',
  noOneToText: 'Add someone you trust in your plan, and next time you can text them from here.',
  addToPlan: 'Add to my plan',
  addToPlanWhat: (step: string, situation: string) => `Adds “${step}” as a step for “${situation}”.`,
  addToPlanSituation: 'For which situation?',
  addedToPlan: (situation: string) => `Added to your plan for “${situation}”.`,
  alreadyInPlan: (situation: string) => `That’s already a step in your plan for “${situation}”.`,
  takenOutOfPlan: 'Taken out of your plan again.',
  checkTomorrow: 'Check in with me tomorrow morning',
  tomorrowSetTomorrow: (time: string) => `Tandem will check in with you tomorrow at ${time}.`,
  tomorrowSetToday: (time: string) => `Tandem will check in with you this morning at ${time}.`,
  /** The web app cannot wake itself. */
  tomorrowWebNote: 'Open Tandem in the morning and it will ask how you are.',
  tomorrowCancelled: 'All right, no morning check-in.',
  done: 'Done',
  /** The web app's card on the morning asked for. */
  morningHeading: 'Good morning',
  morningText: 'You asked Tandem to check in with you this morning. How are you doing today? A check-in takes a moment.',
  morningDismiss: 'Thanks',
  peopleHeading: 'People to reach',
  crisisEmpty: 'No one to call yet: add someone you trust. Tandem never fills in phone numbers for you.',
  addContacts: 'Add contacts',
  call: (name: string) => `Call ${name}`,
  text: (name: string) => `Text ${name}`,
  /** A stored number the phone can't dial as written (e.g. from an old file): shown as text, never as a link. */
  cantDial: 'This number can’t be dialled as it is written. Edit it under My plan → Crisis contacts.',
  noNumber: 'There’s no number for this contact yet. Add one under My plan → Crisis contacts.',
  fixNumber: (name: string) => `Edit the number for ${name}`,
  addNumber: (name: string) => `Add a number for ${name}`,
  role: { contact: 'Contact', mentor: 'Mentor', helpline: 'Helpline' },
  copingHeading: 'My coping steps',
  copingEmpty: 'Your plan’s coping steps will show here once you add them.',
  urgeHeading: 'Urge surfing',
  urgeIntro: 'Urges rise, peak and pass, like a wave. Breathe slowly and watch it. Most pass within 20 minutes.',
  urgeLength: 'Length',
  urgeStart: 'Start the timer',
  /** The countdown's name for screen readers. */
  urgeTimeLeft: 'Time left',
  urgeBreathe: 'Breathe in slowly… and out. Notice the urge without acting on it.',
  urgeStrengthStart: 'How strong is the urge right now? (0 to 10)',
  urgeDone: 'I’m through it',
  urgeStop: 'Stop without saving',
  urgeEnded: 'The wave has passed its peak. How strong is the urge now?',
  urgeSave: 'Save as a hard moment I got through',
  urgeNeedStrength: 'Pick how strong the urge is now, from 0 to 10.',
  /** The coping step the timer saves with the reflection (stored as written, in this language). */
  urgeStep: 'Urge surfing',
  minutes: (m: number) => f.plural(m, { one: '# minute', other: '# minutes' }),
  problems: {
    'reflection.kind': () => 'Choose whether this was a hard moment you got through or a setback.',
    'reflection.noTrigger': () => 'Say what pulled at you: pick at least one trigger, or type your own.',
    'reflection.strength': (p) =>
      p.which === 'before'
        ? 'Pick how strong the pull was as a whole number from 0 to 10, or leave it out.'
        : 'Pick how strong it is now as a whole number from 0 to 10, or leave it out.',
    'reflection.mood': () => 'Pick how you feel now from 1 to 5, or leave it out.',
    'reflection.urge': () => 'The urge-surfing time must be a whole number of minutes, up to a day.',
    'reflection.when': () => 'Pick when it happened.',
    'reflection.future': () => 'That time is in the future. Pick when it happened.',
    'reflection.tooOld': () => 'Reflections can be dated up to a year back.',
    'reflection.gone': () => 'That reflection no longer exists. It may have been deleted in another window.',
  } satisfies ReflectProblems as ReflectProblems,
});
