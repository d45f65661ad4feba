import { liveQuery } from 'dexie';
import type { TandemDatabase } from './db/schema';
import type { KeyValueStore } from './kv';
import { createLive, settled, type Live } from './liveService';
import { withDefaults, type Settings } from './settings';

// The person's settings as ONE live value for every page: whatever changes them (the form, an
// import, an erase, another tab or the popup) reaches every subscriber, because the value is a
// Dexie live query over the settings row (Dexie tells the other pages of the origin too).

export interface SettingsService extends Live<Settings> {
  /** Resolves once the settings were read (or could not be): the pages render after this. */
  ready(): Promise<void>;
  /** The settings as stored now, for work done outside a page's render. */
  read(): Promise<Settings>;
  /** Saves them (lib/kv.ts: validated, stamped; a new day-start hour re-buckets the records). */
  save(settings: Settings): Promise<void>;
}

export function createSettingsService({ db, store }: { db: TandemDatabase; store: KeyValueStore }): SettingsService {
  const live = createLive<Settings>((emit, fail) => {
    let stopped = false;
    let subscription: { unsubscribe(): void } | null = null;
    // The first read carries an older version's settings over into the database (lib/kv.ts);
    // then only the row is watched, so the live query reads nothing but Dexie.
    store.settings().then(
      (first) => {
        if (stopped) return;
        emit(first);
        subscription = liveQuery(() => db.settings.get('settings')).subscribe({
          next: (row) => emit(withDefaults(row?.value)),
          error: fail,
        });
      },
      fail,
    );
    return () => {
      stopped = true;
      subscription?.unsubscribe();
    };
  });
  return {
    ...live,
    ready: () => settled(live),
    read: () => store.settings(),
    save: (settings) => store.saveSettings(settings),
  };
}
