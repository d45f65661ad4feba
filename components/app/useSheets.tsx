import { useState } from 'preact/hooks';
import type { ReflectionKind } from '../../lib/db/schema';
import type { AppServices } from '../../lib/services';
import { lazyComponent } from '../ui/lazy';

// The sheets' code loads on demand; every surface prefetches it (prefetchSheets) once its first
// screen is up, the crisis sheet first, so opening one is instant.
const CrisisSheet = lazyComponent(() => import('../reflect/CrisisSheet').then((m) => m.CrisisSheet));
const ReflectionForm = lazyComponent(() => import('../reflect/ReflectionForm').then((m) => m.ReflectionForm));

/** Loads the crisis sheet, then the reflection sheet, without showing them. */
export function prefetchSheets(): Promise<unknown> {
  return CrisisSheet.prefetch().then(() => ReflectionForm.prefetch());
}

/**
 * The two sheets every surface offers (a reflection, the crisis sheet), their open state and
 * the message left after saving one. `sheets` goes at the end of the surface's markup. A new
 * reflection ends on its next steps (components/reflect/NextSteps.tsx) inside its sheet; the
 * message is left when the person is done with them.
 */
export function useSheets(services: AppServices, onAddContacts: () => void) {
  const [reflecting, setReflecting] = useState<ReflectionKind | null>(null);
  const [crisis, setCrisis] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const saved = (message: string) => {
    setReflecting(null);
    setCrisis(false);
    setStatus(message);
  };
  const sheets = (
    <>
      {reflecting && (
        <ReflectionForm
          services={services}
          kind={reflecting}
          onClose={() => setReflecting(null)}
          onSaved={saved}
          onAddContacts={() => {
            setReflecting(null);
            onAddContacts();
          }}
        />
      )}
      {crisis && (
        <CrisisSheet
          services={services}
          onClose={() => setCrisis(false)}
          onAddContacts={() => {
            setCrisis(false);
            onAddContacts();
          }}
          onSaved={saved}
        />
      )}
    </>
  );
  return { status, openReflection: setReflecting, openCrisis: () => setCrisis(true), sheets };
}
