import { useState } from 'preact/hooks';
import { dayKey } from '../../lib/days';
import { generateDemoData } from '../../lib/demo';
import { words } from '../i18n';
import { errorText } from '../i18n/errorText';
import type { AppServices } from '../../lib/services';
import { Alert } from '../ui/Alert';
import { useLiveQuery } from '../ui/hooks';

/** Offered only while nothing has been recorded, so nobody's own data gets mixed with it. */
export function DemoDataOffer({ services }: { services: AppServices }) {
  const empty = useLiveQuery(() => services.demo.isEmpty(), []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!empty) return null;

  async function load() {
    setBusy(true);
    try {
      const { dayStartHour } = await services.store.settings();
      const timeZone = services.clock.timeZone();
      const data = generateDemoData({
        seed: 2026,
        today: dayKey(services.clock.now(), timeZone, dayStartHour),
        days: 180,
        checkinsPerDay: 4,
        reflections: 40,
        timeZone,
        dayStartHour,
        now: services.clock.now(),
      });
      await services.demo.load(data);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="demo-offer">
      <p>{words.insights.demoOffer}</p>
      <button type="button" class="secondary" disabled={busy} onClick={() => void load()}>
        {words.insights.demoLoad}
      </button>
      <Alert message={error} />
    </div>
  );
}
