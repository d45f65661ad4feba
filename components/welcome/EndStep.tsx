import { useEffect, useRef } from 'preact/hooks';
import { emergencyNumber } from '../../lib/emergency';
import type { AppServices } from '../../lib/services';
import { words } from '../i18n';
import { reminderDays, type Settings } from '../../lib/settings';
import { firstWindow, uniformPlan, WEEK } from './rules';
import { Loading, useLoaded } from './StepFrame';

interface Props {
  services: AppServices;
  level: 2 | 3;
  focus: boolean;
  /** In the panel the check-in is just below; on the welcome page a button asks the app to show it. */
  layout: 'panel' | 'page';
  onDone?: () => void;
}

/** The end: what Tandem now knows, read from the records (so it is true however the steps went), then the first check-in. */
/** The reminders in one line: the days and their window, or the days when each has its own times. */
function hoursSummary(settings: Settings): string {
  const names = WEEK.filter((d) => reminderDays(settings).includes(d)).map((d) => words.welcome.hours.weekdays[d]);
  const shown = firstWindow(settings);
  return uniformPlan(settings) && shown ? words.welcome.end.hours(names, shown) : words.welcome.end.hoursPlan(names);
}

export function EndStep({ services, level, focus, layout, onDone }: Props) {
  const w = words.welcome.end;
  const heading = useRef<HTMLHeadingElement>(null);
  const { value, error } = useLoaded(async () => {
    const [settings, contacts, country, entries, values] = await Promise.all([
      services.store.settings(),
      services.plan.contacts(),
      services.store.country(),
      services.plan.entries(),
      services.plan.values(),
    ]);
    return { settings, contacts, country, entries, values };
  });
  useEffect(() => {
    if (focus && value) heading.current?.focus();
  }, [value !== undefined]);
  if (!value) return <Loading error={error} />;

  const { settings, contacts, country, entries, values } = value;
  const number = emergencyNumber(country);
  const setUp = contacts.length > 0 || entries.length > 0 || number !== null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div class="welcome-step">
      <Heading id="welcome-q-end" class="welcome-question" tabIndex={-1} ref={heading}>
        {setUp ? w.heading : w.headingNothing}
      </Heading>
      <ul class="welcome-summary" aria-label={w.summaryLabel}>
        <li>{hoursSummary(settings)}</li>
        <li>{w.dayEnd(settings.dayStartHour)}</li>
        {contacts.length > 0 && <li>{w.people(contacts.map((c) => c.name))}</li>}
        <li>{number && country ? w.country(words.welcome.country.name(country), number) : w.noCountry}</li>
        {entries.length > 0 && <li>{w.situations(entries.map((e) => e.trigger))}</li>}
        {values.length > 0 && <li>{w.values(values.map((v) => v.text))}</li>}
      </ul>
      <p class="hint">{w.later}</p>
      <p class="welcome-ask">{w.ask}</p>
      {layout === 'panel' ? (
        <p>{w.askBelow}</p>
      ) : (
        <button type="button" onClick={onDone}>
          {w.checkIn}
        </button>
      )}
    </div>
  );
}
