import type { TandemDatabase } from './db/schema';
import type { DemoData } from './demo';

/** True when nothing has been recorded yet; only Dexie reads, so a live query observes it. */
export async function isEmptyStore(db: TandemDatabase): Promise<boolean> {
  const counts = await Promise.all([db.checkins.count(), db.reflections.count(), db.plan.count(), db.values.count()]);
  return counts.every((c) => c === 0);
}

export type DemoService = ReturnType<typeof createDemoService>;

/** The demo data offer (lib/demo.ts): only while nothing is recorded, and then into an empty store. */
export function createDemoService({ db, onWrite }: { db: TandemDatabase; onWrite?: () => void }) {
  return {
    /** True when nothing has been recorded yet (a live query). */
    isEmpty: (): Promise<boolean> => isEmptyStore(db),
    async load(data: DemoData): Promise<void> {
      // The demo's writer checks its records as a backup would (valibot): loaded on this one use.
      const { loadDemoData } = await import('./demo');
      await loadDemoData(db, data);
      onWrite?.();
    },
  };
}
