import { dayKeyFromNumber, dayNumber, weekdayOfNumber, type DayKey, type Weekday } from './days';
import type { AwayRange } from './settings';

// The streak is about showing up. A day counts when it has at least one check-in; a day
// that is not one of the person's working days never breaks it (and counts if they checked
// in anyway); today without a check-in yet leaves the streak "at risk", not lost. Mood,
// setbacks and near misses play no part here, on purpose. A day in an away range (a holiday set
// in the reminders) is a day off too: nothing is due then, so nothing is missed.

export interface StreakInput {
  /** Day keys with at least one (not deleted) check-in, in any order, duplicates allowed. */
  checkinDays: Iterable<DayKey>;
  today: DayKey;
  workingDays: readonly Weekday[];
  /** Away ranges (settings): their days are days off, whatever the weekday. */
  away?: readonly AwayRange[];
}

export interface Streak {
  /** Days checked in within the current run. */
  current: number;
  checkedInToday: boolean;
  /** True when the run is alive but today, a working day, still needs a check-in. */
  atRisk: boolean;
}

/** Whether day number `n` is one the streak needs a check-in on. */
function workingTest(workingDays: readonly Weekday[], away: readonly AwayRange[] = []) {
  const working = new Set<number>(workingDays);
  const ranges = away.map((r) => [dayNumber(r.from), dayNumber(r.to)] as const);
  return (n: number) => working.has(weekdayOfNumber(n)) && !ranges.some(([from, to]) => from <= n && n <= to);
}

export function computeStreak({ checkinDays, today, workingDays, away }: StreakInput): Streak {
  const todayN = dayNumber(today);
  const days = new Set<number>();
  let earliest = Infinity;
  for (const key of checkinDays) {
    const n = dayNumber(key);
    // A check-in dated after today (a clock set back, a trip west) still counts for its day,
    // but the walk below starts at today.
    if (n > todayN) continue;
    days.add(n);
    if (n < earliest) earliest = n;
  }
  const isWorking = workingTest(workingDays, away);
  const checkedInToday = days.has(todayN);

  let current = checkedInToday ? 1 : 0;
  for (let n = todayN - 1; n >= earliest; n--) {
    if (days.has(n)) {
      current++;
    } else if (isWorking(n)) {
      break;
    }
  }
  // On a day off the run is safe whether or not the person checks in.
  const todayIsWorking = isWorking(todayN);
  return { current, checkedInToday, atRisk: !checkedInToday && current > 0 && todayIsWorking };
}

export const MILESTONES = [7, 30, 90, 180, 365] as const;

export interface StreakSummary extends Streak {
  /** The longest run ever, by the same rule; never below `current`. */
  best: number;
  /** Days checked in this week (Monday to today). */
  thisWeek: number;
  /** Days checked in this calendar month (to today). */
  thisMonth: number;
}

export function summarizeStreaks(input: StreakInput): StreakSummary {
  const todayN = dayNumber(input.today);
  const days = new Set<number>();
  for (const key of input.checkinDays) {
    const n = dayNumber(key);
    if (n <= todayN) days.add(n);
  }
  const isWorking = workingTest(input.workingDays, input.away);
  let best = 0;
  let run = 0;
  let earliest = todayN;
  for (const n of days) if (n < earliest) earliest = n;
  for (let n = earliest; n <= todayN; n++) {
    if (days.has(n)) run++;
    else if (n !== todayN && isWorking(n)) run = 0;
    if (run > best) best = run;
  }
  // Monday-based weeks: weekdayOfNumber gives 0 for Sunday.
  const weekStart = todayN - ((weekdayOfNumber(todayN) + 6) % 7);
  const monthPrefix = input.today.slice(0, 7);
  let thisWeek = 0;
  let thisMonth = 0;
  for (const n of days) {
    if (n >= weekStart) thisWeek++;
    if (dayKeyFromNumber(n).startsWith(monthPrefix)) thisMonth++;
  }
  return { ...computeStreak({ ...input, checkinDays: [...days].map(dayKeyFromNumber) }), best, thisWeek, thisMonth };
}

/** The milestone to celebrate now: the highest reached that has not been celebrated yet. */
export function milestoneToCelebrate(current: number, celebrated: readonly number[]): number | null {
  const reached = MILESTONES.filter((m) => m <= current && !celebrated.includes(m));
  return reached.length > 0 ? reached[reached.length - 1]! : null;
}

/** The celebrated list after celebrating `milestone`: smaller ones are never shown later. */
export function celebrateMilestone(milestone: number, celebrated: readonly number[]): number[] {
  return [...new Set([...celebrated, ...MILESTONES.filter((m) => m <= milestone)])].sort((a, b) => a - b);
}

export function streakLabel(days: number): string {
  return `${days}-day streak`;
}
