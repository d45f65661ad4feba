import { glance } from '../../lib/share/glance';
import type { KeptMentee } from '../../lib/share/menteeList';
import { words } from '../i18n';

/** One person in the mentor's list, in two short lines: who, when, streak, mood, wellbeing, changes. */
export function MenteeGlance({ kept, now }: { kept: KeptMentee; now: number }) {
  const g = glance(kept, now);
  const w = words.mentor;
  const facts = [w.heardFrom(g.daysSince), w.streakShort(g.streak)];
  if (g.mood !== null) facts.push(w.trend[g.mood]);
  if (g.wellbeing) facts.push(g.wellbeing.trend === null ? w.wellbeingTrend.one(g.wellbeing.latest) : `${w.wellbeingTrend[g.wellbeing.trend]} (${w.wellbeingTrend.one(g.wellbeing.latest)})`);
  const changes = kept.changes?.map((c) => words.share.change(c)).join(' ');
  return (
    <div class="glance">
      <p class="glance-name">
        <strong class="user-text" data-user-text>
          {kept.name}
        </strong>{' '}
        <span class="glance-facts">{facts.join(' · ')}</span>
      </p>
      {changes && <p class="glance-changes">{changes}</p>}
    </div>
  );
}
