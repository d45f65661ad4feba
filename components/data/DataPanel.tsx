import { useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { BackupSection } from './BackupSection';
import { browserDataEnv, type DataEnv } from './dataEnv';
import { EraseData } from './EraseData';
import { ImportFlow } from './ImportFlow';
import { MoveToPhone } from './MoveToPhone';
import { StorageCard } from './StorageCard';
import { UpgradeNotice } from './UpgradeNotice';
import './data.css';
import { words } from '../i18n';

interface Props {
  services: AppServices;
  /** Settings or records changed under the page (an import, an erase). */
  onChanged?: () => void;
  env?: DataEnv;
}

/**
 * Backups, restore, moving between devices, storage and erasing: issue 5's "nothing is ever
 * lost". Transfer links are received by TransferReceiver, which the page shows on any view.
 */
export function DataPanel({ services, onChanged, env: given }: Props) {
  const [env] = useState(() => given ?? browserDataEnv());
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const changed = () => {
    refresh();
    onChanged?.();
  };
  return (
    <section aria-labelledby="data-heading" class="data-panel">
      <h2 id="data-heading">{words.data.heading}</h2>
      <p class="hint">{words.data.intro}</p>
      <UpgradeNotice services={services} level="h3" />
      <ImportFlow services={services} link={null} onLinkDone={() => undefined} onImported={changed} />
      <StorageCard services={services} env={env} version={version} />
      <BackupSection services={services} env={env} onBackedUp={refresh} />
      <MoveToPhone services={services} env={env} onBackedUp={refresh} />
      <EraseData services={services} onErased={changed} />
    </section>
  );
}
