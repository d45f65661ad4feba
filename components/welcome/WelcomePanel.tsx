import type { AppServices } from '../../lib/services';
import { Welcome, type WelcomeStart } from './Welcome';

export { readWelcomeStart } from './Welcome';

interface Props {
  services: AppServices;
  /** What the page read when it decided to show the panel. */
  opened?: WelcomeStart;
  onHide: () => void;
  onDone?: () => void;
}

/** Where the check-in is, for the panel's last step: the first mood button gets the focus. */
function focusCheckin() {
  document.querySelector<HTMLElement>('.checkin .mood-picker button')?.focus();
}

/**
 * The welcome as a panel above the moods (which stay usable). Whether it shows is the page's to
 * decide (components/welcome/decide.ts): this module loads only when it does.
 */
export function WelcomePanel({ services, opened, onHide, onDone = focusCheckin }: Props) {
  return <Welcome services={services} layout="panel" opened={opened} onDone={onDone} onHide={onHide} />;
}
