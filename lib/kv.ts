import { clear, createStore, get, set, del, type UseStore } from 'idb-keyval';
import { normalizeText } from './rules/text';
import { systemClock, type Clock } from './clock';
import type { DayKey } from './days';
import { rebucketAll } from './db/rebucket';
import { VALUES_DB_NAME } from './db/version';
import type { SettingsRow, TandemDatabase } from './db/schema';
import type { ReflectionDraft } from './reflections';
import type { TomorrowReminder } from './tomorrow';
import type { UrgeTimer } from './urge';
import { toStorageError, ValidationError } from './errors';
import { isFromTheFuture, isInstant, nextStamp } from './rules/time';
import { validateSettings, withDefaults, type Settings, type StoredSettings } from './settings';

// Small per-device values (reminder state, drafts) live in idb-keyval, apart from the records.
// Every key is named here, with its type, so nothing else spells a key. The settings live in
// the records' database (lib/db/schema.ts, table `settings`) so that they and the records
// change in one transaction; an older version kept them here, and the first read moves them.

export interface PromptState {
  snoozedUntil: number | null;
  pausedDay: DayKey | null;
  notifiedKey: string | null;
}

export const EMPTY_PROMPT_STATE: PromptState = { snoozedUntil: null, pausedDay: null, notifiedKey: null };

/** How far the welcome got on this device (components/welcome), so it resumes where it was left. */
export interface WelcomeProgress {
  /** The step to show next: a step's id, or 'end'. */
  step: string;
  /** 'open': to show (or resume); 'done': reached the end; 'closed': put away before the end. */
  status: 'open' | 'done' | 'closed';
}

interface Values {
  /** Only ever read, to carry an older version's settings over (see settingsRow). */
  settings: Settings;
  'prompt-state': PromptState;
  /** Streak milestones already celebrated, so each is celebrated once. */
  milestones: number[];
  /** A micro-win being typed, kept so that a reload (an update) does not lose it. */
  'draft-win': { checkinId: string; text: string };
  /** An older version's settings stamp, carried over with them. */
  'settings-updated-at': number;
  /** When a full backup (or transfer file) was last saved from this device. */
  'last-backup-at': number;
  /** The address of Tandem's web app, for transfer links made in the extension. */
  'pwa-address': string;
  /** The language chosen on this device (a language code); none: the browser's. */
  language: string;
  /** The country the person confirmed, for the crisis sheet's emergency number (ISO 3166-1 alpha-2). */
  country: string;
  /** The welcome's progress; none: it has never been shown on this device. */
  welcome: WelcomeProgress;
  /** A new reflection being written (its kind and fields), so closing the popup loses nothing; cleared on save or Cancel. */
  'draft-reflection': ReflectionDraft;
  /** The urge-surfing timer's start, so it goes on counting while the popup is closed (lib/urge.ts). */
  'urge-timer': UrgeTimer;
  /** "Check in with me tomorrow morning", asked for after a hard moment (lib/tomorrow.ts). */
  'checkin-tomorrow': TomorrowReminder;
}

/** Settings exactly as stored (possibly nothing), to restore if an import fails half way. */
export interface SettingsSnapshot {
  value: StoredSettings | undefined;
  updatedAt: number | undefined;
}

export type KeyValueStore = ReturnType<typeof createKeyValueStore>;

/**
 * Where these values live: an idb-keyval database of their own, apart from the records'. One
 * connection for the whole page: each more would be opened anew, and a page's first opens of a
 * database take tens of milliseconds that its first screen waits for (issue 13).
 */
let pageStore: UseStore | undefined;
const valuesStore = (): UseStore => (pageStore ??= createStore(VALUES_DB_NAME, 'values'));

/**
 * The language chosen on this device (the same value as `language()` below), read without the
 * records' database: the popup renders its first screen before that code has arrived
 * (lib/deferredServices.ts).
 */
export function readChosenLanguage(store: UseStore = valuesStore()): Promise<string | undefined> {
  return get<Values['language']>('language', store);
}

/** Whether an older version's settings still wait here to be carried over (see carryOver). */
export async function hasLegacySettings(store: UseStore = valuesStore()): Promise<boolean> {
  return (await get<Values['settings']>('settings', store)) !== undefined;
}

export interface ValueReads {
  language(): Promise<string | undefined>;
  country(): Promise<string | undefined>;
  welcome(): Promise<WelcomeProgress | undefined>;
  /** Read as unknown: check it (lib/tomorrow.ts tomorrowState) before use. */
  tomorrowReminder(): Promise<unknown>;
}

async function readValue<K extends keyof Values>(store: UseStore, key: K): Promise<Values[K] | undefined> {
  try {
    return await get<Values[K]>(key, store);
  } catch (err) {
    throw toStorageError(err);
  }
}

/**
 * The store's reads that need none of the records' database, as the store makes them: a page's
 * first screen reads them before that code has arrived (lib/deferredServices.ts).
 */
export function valueReads(store: UseStore = valuesStore()): ValueReads {
  return {
    language: () => readValue(store, 'language'),
    country: () => readValue(store, 'country'),
    welcome: () => readValue(store, 'welcome'),
    tomorrowReminder: (): Promise<unknown> => readValue(store, 'checkin-tomorrow'),
  };
}

export function createKeyValueStore(
  db: TandemDatabase,
  store: UseStore = valuesStore(),
  clock: Clock = systemClock,
) {
  const read = <K extends keyof Values>(key: K) => readValue(store, key);
  const reads = valueReads(store);
  async function write<K extends keyof Values>(key: K, value: Values[K] | undefined): Promise<void> {
    try {
      if (value === undefined) await del(key, store);
      else await set(key, value, store);
    } catch (err) {
      throw toStorageError(err);
    }
  }
  let carried: Promise<void> | null = null;
  /** Moves an older version's settings from idb-keyval into the database, once. */
  function carryOver(): Promise<void> {
    carried ??= (async () => {
      const legacy = await read('settings');
      if (legacy === undefined) return;
      const legacyAt = (await read('settings-updated-at')) ?? 0;
      await db.transaction('rw', db.settings, async () => {
        if (await db.settings.get('settings')) return;
        await db.settings.put({ key: 'settings', value: withDefaults(legacy), updatedAt: isInstant(legacyAt) && !isFromTheFuture(legacyAt, clock.now()) ? legacyAt : 0 });
      });
      await write('settings', undefined);
      await write('settings-updated-at', undefined);
    })().catch((err: unknown) => {
      carried = null;
      throw toStorageError(err);
    });
    return carried;
  }
  async function row(): Promise<SettingsRow | undefined> {
    await carryOver();
    try {
      return await db.settings.get('settings');
    } catch (err) {
      throw toStorageError(err);
    }
  }

  return {
    async settings(): Promise<Settings> {
      return withDefaults((await row())?.value);
    },
    /**
     * Saves the settings, stamped later than the stamp they replace (never earlier, whatever the
     * clock says, so an imported file dated ahead can't undo a change made here). A new
     * day-start hour puts every record on its day in the same transaction.
     */
    async saveSettings(s: Settings): Promise<void> {
      const problems = validateSettings(s);
      // The first problem (the form shows them all; this guards every other caller).
      if (problems[0]) throw new ValidationError(problems[0]);
      await carryOver();
      const now = clock.now();
      try {
        await db.transaction('rw', [db.settings, db.checkins, db.reflections, db.dayStats], async () => {
          const current = await db.settings.get('settings');
          const before = withDefaults(current?.value).dayStartHour;
          const value = { ...s, notificationText: normalizeText(s.notificationText) };
          await db.settings.put({ key: 'settings', value, updatedAt: nextStamp(now, current?.updatedAt) });
          if (s.dayStartHour !== before) await rebucketAll(db, s.dayStartHour);
        });
      } catch (err) {
        throw toStorageError(err);
      }
    },
    async settingsSnapshot(): Promise<SettingsSnapshot> {
      const current = await row();
      return { value: current?.value, updatedAt: current?.updatedAt };
    },
    lastBackupAt: () => read('last-backup-at'),
    saveLastBackupAt: (at: number) => write('last-backup-at', at),
    language: reads.language,
    country: reads.country,
    saveCountry: (code: string | undefined) => write('country', code),
    saveLanguage: (code: string | undefined) => write('language', code),
    pwaAddress: () => read('pwa-address'),
    savePwaAddress: (address: string) => write('pwa-address', address),
    /** Removes every small value: reminder state, drafts, backup time (settings go with the records). */
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
    welcome: reads.welcome,
    saveWelcome: (progress: WelcomeProgress | undefined) => write('welcome', progress),
    draftWin: () => read('draft-win'),
    saveDraftWin: (d: Values['draft-win'] | undefined) => write('draft-win', d),
    /** Read as unknown: check it (readReflectionDraft) before use, as an older version may have written it. */
    draftReflection: (): Promise<unknown> => read('draft-reflection'),
    saveDraftReflection: (d: ReflectionDraft | undefined) => write('draft-reflection', d),
    /** Read as unknown: check it (lib/urge.ts urgePhase) before use. */
    urgeTimer: (): Promise<unknown> => read('urge-timer'),
    saveUrgeTimer: (t: UrgeTimer | undefined) => write('urge-timer', t),
    /** Read as unknown: check it (lib/tomorrow.ts tomorrowState) before use. */
    tomorrowReminder: reads.tomorrowReminder,
    saveTomorrowReminder: (r: TomorrowReminder | undefined) => write('checkin-tomorrow', r),
  };
}
