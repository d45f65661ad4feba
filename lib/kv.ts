import { clear, createStore, get, set, del, type UseStore } from 'idb-keyval';
import type { DayKey } from './days';
import { toStorageError, ValidationError } from './errors';
import { validateSettings, withDefaults, type Settings } from './settings';

// Small values (settings, reminder state, drafts) live in idb-keyval, apart from the records.
// Every key is named here, with its type, so nothing else spells a key.

export interface PromptState {
  snoozedUntil: number | null;
  pausedDay: DayKey | null;
  notifiedKey: string | null;
}

export const EMPTY_PROMPT_STATE: PromptState = { snoozedUntil: null, pausedDay: null, notifiedKey: null };

interface Values {
  settings: Settings;
  'prompt-state': PromptState;
  /** Streak milestones already celebrated, so each is celebrated once. */
  milestones: number[];
  /** A micro-win being typed, kept so that a reload (an update) does not lose it. */
  'draft-win': { checkinId: string; text: string };
  /** When the settings were last saved, so a merge can keep the newer of two devices'. */
  'settings-updated-at': number;
  /** When a full backup (or transfer file) was last saved from this device. */
  'last-backup-at': number;
  /** The address of Tandem's web app, for transfer links made in the extension. */
  'pwa-address': string;
}

/** Settings exactly as stored (possibly nothing), to restore if an import fails half way. */
export interface SettingsSnapshot {
  value: Settings | undefined;
  updatedAt: number | undefined;
}

export type KeyValueStore = ReturnType<typeof createKeyValueStore>;

export function createKeyValueStore(store: UseStore = createStore('tandem-settings', 'values')) {
  async function read<K extends keyof Values>(key: K): Promise<Values[K] | undefined> {
    try {
      return await get<Values[K]>(key, store);
    } catch (err) {
      throw toStorageError(err);
    }
  }
  async function write<K extends keyof Values>(key: K, value: Values[K] | undefined): Promise<void> {
    try {
      if (value === undefined) await del(key, store);
      else await set(key, value, store);
    } catch (err) {
      throw toStorageError(err);
    }
  }
  return {
    async settings(): Promise<Settings> {
      return withDefaults(await read('settings'));
    },
    async saveSettings(s: Settings): Promise<void> {
      const problems = validateSettings(s);
      if (problems.length > 0) throw new ValidationError(problems.map((p) => p.message).join(' '));
      await write('settings', s);
      await write('settings-updated-at', Date.now());
    },
    async settingsSnapshot(): Promise<SettingsSnapshot> {
      return { value: await read('settings'), updatedAt: await read('settings-updated-at') };
    },
    async restoreSettings(snapshot: SettingsSnapshot): Promise<void> {
      await write('settings', snapshot.value);
      await write('settings-updated-at', snapshot.updatedAt);
    },
    lastBackupAt: () => read('last-backup-at'),
    saveLastBackupAt: (at: number) => write('last-backup-at', at),
    pwaAddress: () => read('pwa-address'),
    savePwaAddress: (address: string) => write('pwa-address', address),
    /** Removes every small value: settings, reminder state, drafts, backup time. */
    async clearAll(): Promise<void> {
      try {
        await clear(store);
      } catch (err) {
        throw toStorageError(err);
      }
    },
    async promptState(): Promise<PromptState> {
      return { ...EMPTY_PROMPT_STATE, ...(await read('prompt-state')) };
    },
    savePromptState: (s: PromptState) => write('prompt-state', s),
    async milestones(): Promise<number[]> {
      return (await read('milestones')) ?? [];
    },
    saveMilestones: (m: number[]) => write('milestones', m),
    draftWin: () => read('draft-win'),
    saveDraftWin: (d: Values['draft-win'] | undefined) => write('draft-win', d),
  };
}
