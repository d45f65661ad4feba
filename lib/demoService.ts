import type { TandemDatabase } from './db/schema';
import { isEmptyStore, loadDemoData, type DemoData } from './demo';

export type DemoService = ReturnType<typeof createDemoService>;

/** The demo data offer (lib/demo.ts): only while nothing is recorded, and then into an empty store. */
export function createDemoService({ db, onWrite }: { db: TandemDatabase; onWrite?: () => void }) {
  return {
    /** True when nothing has been recorded yet (a live query). */
    isEmpty: (): Promise<boolean> => isEmptyStore(db),
    async load(data: DemoData): Promise<void> {
      await loadDemoData(db, data);
      onWrite?.();
    },
  };
}
