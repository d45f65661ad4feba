import type { SnapshotSummary } from '../../lib/share/summary';
import type { Messages } from '../i18n/en';

/**
 * The summary a mentor's page opens with, as the reader's sentences, in the order a mentor
 * wants them: the last check-in, the streak, mood this week against last, near misses and
 * setbacks, what pulled most often. The facts are lib/share/summary.ts's; `trigger` words a
 * stored trigger (HALT tags by their word, the person's own as written).
 */
export function summaryLines(
  w: Messages['share'],
  s: SnapshotSummary,
  period: number,
  trigger: (stored: string) => string = (t) => t,
): string[] {
  const say = w.summary;
  const lines = [
    s.lastCheckIn ? say.lastCheckIn(w.dates.weekday(s.lastCheckIn.day), s.lastCheckIn.daysBefore) : say.noCheckIn(period),
    say.streak(s.streak.current, s.streak.best),
  ];
  if (s.mood) {
    const { thisWeek, lastWeek, change } = s.mood;
    if (thisWeek === null) lines.push(say.moodNone);
    else if (lastWeek === null || change === null) lines.push(say.mood(thisWeek));
    else lines.push((change === 'up' ? say.moodUp : change === 'down' ? say.moodDown : say.moodSame)(thisWeek, lastWeek));
  }
  lines.push(say.reflections(s.nearMisses, s.setbacks, period));
  if (s.pulled) lines.push(say.pulled(s.pulled.triggers.map(trigger), s.pulled.times));
  return lines;
}
