import { glance } from '../../lib/share/glance';
import type { KeptMentee } from '../../lib/share/menteeList';
import { words } from '../i18n';

/** The facts of one person in the mentor's list, in a line or two: when, streak, mood, wellbeing. */
export function glanceFacts(kept: KeptMentee, now: number): string {
  const g = glance(kept, now);
  const w = words.mentor;
  const facts = [w.heardFrom(g.daysSince), w.streakShort(g.streak)];
  if (g.mood !== null) facts.push(w.trend[g.mood]);
  else if (g.moodAverage !== null) facts.push(w.moodAverage(g.moodAverage));
  if (g.wellbeing) facts.push(w.wellbeingTrend[g.wellbeing.trend ?? 'one'](g.wellbeing.latest));
  return facts.join(' · ');
}

/** What changed since the snapshot before, on one line (the whole list shows when opened). */
export function GlanceChanges({ kept }: { kept: KeptMentee }) {
  const changes = kept.changes?.map((c) => words.share.change(c)).join(' ');
  if (!changes) return null;
  return <p class="glance-changes">{changes}</p>;
}
