import { useState } from 'preact/hooks';
import type { AppServices } from '../../lib/services';
import { BackupSection } from './BackupSection';
import { browserDataEnv, type DataEnv } from './dataEnv';
import { EraseData } from './EraseData';
import { ImportFlow } from './ImportFlow';
import { MoveToPhone } from './MoveToPhone';
import { SheetImport } from './SheetImport';
import { UndoImport } from './UndoImport';
import { StorageCard } from './StorageCard';
import { UpgradeNotice } from './UpgradeNotice';
import './data.css';
import { words } from '../i18n';

interface Props {
  services: AppServices;
  env?: DataEnv;
}

/**
 * Backups, restore, moving between devices, storage and erasing: issue 5's "nothing is ever
 * lost". Transfer links are received by TransferReceiver, which the page shows on any view.
 */
export function DataPanel({ services, env: given }: Props) {
  const [env] = useState(() => given ?? browserDataEnv());
  // What an import or an erase changes (records, settings, the last backup) reaches every part
  // of the page through the services' live values; nothing here needs telling.
  return (
    <section aria-labelledby="data-heading" class="data-panel">
      <h2 id="data-heading">{words.data.heading}</h2>
      <p class="hint">{words.data.intro}</p>
      <UpgradeNotice services={services} level="h3" />
      <ImportFlow services={services} link={null} onLinkDone={() => undefined} />
      <SheetImport services={services} />
      <UndoImport services={services} />
      <StorageCard services={services} env={env} />
      <BackupSection services={services} env={env} />
      <MoveToPhone services={services} env={env} />
      <EraseData services={services} />
    </section>
  );
}
