import { dayNumber, weekdayOfNumber, type DayKey, type Weekday } from './days';

// The streak is about showing up. A day counts when it has at least one check-in; a day
// that is not one of the person's working days never breaks it (and counts if they checked
// in anyway); today without a check-in yet leaves the streak "at risk", not lost. Mood,
// setbacks and near misses play no part here, on purpose.

export interface StreakInput {
  /** Day keys with at least one (not deleted) check-in, in any order, duplicates allowed. */
  checkinDays: Iterable<DayKey>;
  today: DayKey;
  workingDays: readonly Weekday[];
}

export interface Streak {
  /** Days checked in within the current run. */
  current: number;
  checkedInToday: boolean;
  /** True when the run is alive but today, a working day, still needs a check-in. */
  atRisk: boolean;
}

export function computeStreak({ checkinDays, today, workingDays }: StreakInput): Streak {
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
  const working = new Set<number>(workingDays);
  const checkedInToday = days.has(todayN);

  let current = checkedInToday ? 1 : 0;
  for (let n = todayN - 1; n >= earliest; n--) {
    if (days.has(n)) {
      current++;
    } else if (working.has(weekdayOfNumber(n))) {
      break;
    }
  }
  // On a day off the run is safe whether or not the person checks in.
  const todayIsWorking = working.has(weekdayOfNumber(todayN));
  return { current, checkedInToday, atRisk: !checkedInToday && current > 0 && todayIsWorking };
}

export function streakLabel(days: number): string {
  return `${days}-day streak`;
}
