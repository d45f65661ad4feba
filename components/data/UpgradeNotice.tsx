import { useId } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { useLiveQuery } from '../ui/hooks';
import { words } from '../i18n';

/**
 * Says, once, what an update changed to bring older records within the rules (lib/db/repair.ts),
 * so nothing changes behind the person's back. Dismissed for good with "OK".
 */
export function UpgradeNotice({ services, level = 'h2' }: { services: AppServices; level?: 'h2' | 'h3' }) {
  const id = useId();
  const summary = useLiveQuery(() => services.upgrades.unseen(), []);
  if (!summary) return null;
  const { records, changes } = summary;
  const seen = () => void services.upgrades.markSeen(summary.versions).catch((err: unknown) => console.error(err));
  const Heading = level;
  return (
    <section class="nudge-card upgrade-notice" aria-labelledby={id}>
      <Heading id={id}>{words.data.upgradeHeading}</Heading>
      <p>{words.data.upgradeIntro(records)}</p>
      <ul>
        {Object.entries(changes).map(([code, n]) => (
          <li key={code}>{words.data.upgradeChange(code, n)}</li>
        ))}
      </ul>
      <button type="button" onClick={seen}>
        {words.data.upgradeSeen}
      </button>
    </section>
  );
}
