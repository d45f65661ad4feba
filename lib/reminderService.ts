import type { ReminderClient } from './messages';
import type { ReminderStatus } from './prompter';
import { liveQuery } from 'dexie';

/** The background's reminders (lib/messages.ts), with a status that follows the data. */
export interface ReminderService extends ReminderClient {
  /**
   * Asks the background for the status now and again whenever `changes` reads something new
   * (check-ins, settings), in this page or another; answers arrive in order. Returns the unsubscribe.
   */
  watch(next: (status: ReminderStatus) => void, error: (err: unknown) => void): () => void;
}

export function createReminderService(client: ReminderClient, changes: () => Promise<unknown>): ReminderService {
  return {
    ...client,
    watch(next, error) {
      let asked = 0;
      let stopped = false;
      const subscription = liveQuery(changes).subscribe({
        next: () => {
          const ask = ++asked;
          client.status().then(
            (status) => !stopped && ask === asked && next(status),
            (err: unknown) => !stopped && ask === asked && error(err),
          );
        },
        error: (err: unknown) => !stopped && error(err),
      });
      return () => {
        stopped = true;
        subscription.unsubscribe();
      };
    },
  };
}
