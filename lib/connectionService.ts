import type { ConnectionNotice, TandemDatabase } from './db/schema';
import type { Live } from './liveService';

/**
 * What the page is told about its database connection (lib/db/schema.ts): a newer Tandem needs
 * it closed ('outdated'), or an old page holds the upgrade up ('blocked'); null when all is well.
 */
export type ConnectionService = Live<ConnectionNotice | null>;

export function createConnectionService({ db }: { db: Pick<TandemDatabase, 'notice' | 'onNotice'> }): ConnectionService {
  return {
    current: () => db.notice,
    subscribe(next) {
      next(db.notice);
      return db.onNotice(next);
    },
  };
}
