import Dexie, { type EntityTable, type Table } from 'dexie';
import type { DayKey } from '../days';
import type { StoredSettings } from '../settings';
import { rebuildAllDayStats } from './dayStats';
import { repairStore } from './repairStore';
import { shareContentsToFacts } from './shareContentsUpgrade';
import { DB_NAME } from './version';
import type { ShareContent } from '../share/contents';

// The one module that owns Tandem's IndexedDB database. Every version declaration stays
// here for good: Dexie needs the whole history to upgrade a store from any older release.
// Records carry a random id, timestamps and a soft-delete marker so that two devices'
// stores can later be merged record by record (newer updatedAt wins) without losses.

export { DB_NAME, SCHEMA_VERSION } from './version';

/** Every version declared below, oldest first. */
export const DECLARED_VERSIONS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

export { HALT_TAGS, type HaltTag } from './halt';
import type { HaltTag } from './halt';

export type Mood = 1 | 2 | 3 | 4 | 5;

export interface SyncedRecord {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** Soft delete: the record stays so that the deletion can travel to other devices. */
  deletedAt: number | null;
}

/** Where and when a dated record was written, so its day never moves with a later zone. */
export interface Dated {
  /** When it happened, ms since the epoch. */
  at: number;
  /** The person's day it belongs to, fixed when written; never re-bucketed by a later zone. */
  day: DayKey;
  /** Minutes east of UTC where and when it was written. */
  utcOffset: number;
  timeZone: string;
}

export interface Checkin extends SyncedRecord, Dated {
  mood: Mood;
  /** The optional micro-win, '' when none. */
  win: string;
  /** The person's own words about it, '' when none (schema v6; up to 2,000 code points). */
  note: string;
  tags: HaltTag[];
}

export type ReflectionKind = 'near-miss' | 'setback';

/** A near miss ("I got through a hard moment") or a setback, told in the person's words. */
export interface Reflection extends SyncedRecord, Dated {
  kind: ReflectionKind;
  /** What pulled: HALT tags and the person's own trigger words; at least one. */
  triggers: string[];
  /** How strong the pull was, 0–10, or null when not said. */
  strength: number | null;
  /** How strong it is now (after the coping steps), 0–10, or null. */
  strengthAfter: number | null;
  /** Coping steps from the plan that were used, by their text at the time. */
  steps: string[];
  /** What helped, in the person's words. */
  helped: string;
  /** What to try next time. */
  nextTime: string;
  /** How the person feels now, or null. */
  moodNow: Mood | null;
  /** Set when the reflection was saved from the urge-surfing timer, its length in minutes. */
  urgeSurfMinutes: number | null;
}

/** One high-risk situation of the recovery plan and the ordered steps that help with it. */
export interface PlanEntry extends SyncedRecord {
  trigger: string;
  steps: string[];
  /** Sort position among plan entries; lower first. */
  order: number;
}

export type ValueKind = 'value' | 'goal';

export interface ValueItem extends SyncedRecord {
  kind: ValueKind;
  text: string;
  order: number;
}

export type ContactRole = 'contact' | 'mentor' | 'helpline';

/** A person or line on the crisis sheet; numbers are only ever the ones the person typed. */
export interface Contact extends SyncedRecord {
  role: ContactRole;
  name: string;
  phone: string;
  note: string;
  order: number;
}

/** One mentor link the person created, kept so they can see what they shared and until when. */
export interface ShareLogEntry extends SyncedRecord {
  mentorName: string;
  periodDays: number;
  /**
   * What the link contained, as facts the catalogue words (lib/share/contents.ts), e.g.
   * [{ kind: 'checkinDays' }, { kind: 'mood' }, { kind: 'wins', count: 2 }]. Before v4: English phrases.
   */
  contents: ShareContent[];
  expiresAt: number;
  withPassphrase: boolean;
  linkLength: number;
  /**
   * The link's own key (base64url; lib/share/reply.ts), so a mentor's reply can be opened. Absent
   * for links made before replies, after the link was removed, and from a plain backup file.
   */
  linkKey?: string;
  /** HKDF of the key that a reply names its link by (indexed; kept after removal, to say so). */
  linkId?: string;
}

/** A mentor's reply, opened from a reply link and kept under Mentor links → From my mentors. */
export interface MentorReply extends SyncedRecord {
  /** The share-log entry it answers. */
  shareId: string;
  linkId: string;
  from: string;
  sentAt: number;
  note: string;
  /** Quick words as codes (lib/share/replyFormat.ts). */
  words: string[];
  /** When the person marked it read; 0 while unread (indexed: the popup reads only those). */
  readAt: number;
}

export type WellbeingAnswer = 0 | 1 | 2 | 3 | 4 | 5;

/** One WHO-5 wellbeing check (lib/wellbeing.ts): five answers, or skipped. */
export interface WellbeingCheck extends SyncedRecord, Dated {
  /** The five answers 0–5 in the questionnaire's order; null when the person skipped it. */
  answers: WellbeingAnswer[] | null;
}

/**
 * Per-day totals of the check-ins, derived from them and rebuilt for a day whenever one of
 * its check-ins changes, so that charts over ten years read a few thousand rows instead of
 * fifty thousand. Not exported in backups: it can always be rebuilt.
 */
export interface DayStat {
  day: DayKey;
  count: number;
  moodSum: number;
  moodMin: number;
  moodMax: number;
  wins: number;
  /** Check-ins per HALT tag that day. */
  tags: Partial<Record<HaltTag, number>>;
  /** Sum and count of moods per local hour of day (0–23), for the time-of-day pattern. */
  hourSum: number[];
  hourCount: number[];
}

/**
 * The person's settings, one row, in the same database as the records so that an import or a
 * day-start change writes both in one transaction (or neither). `updatedAt` only moves forward.
 */
export interface SettingsRow {
  key: 'settings';
  /** As saved: a version before the week plan saved LegacyWindows; read through withDefaults. */
  value: StoredSettings;
  updatedAt: number;
}

/** What an upgrade changed to bring stored records within the rules, to tell the person once. */
export interface UpgradeReport {
  version: number;
  at: number;
  /** Records changed, by table. */
  records: Partial<Record<string, number>>;
  /** How often each kind of change was made (lib/db/repair.ts RepairCode). */
  changes: Partial<Record<string, number>>;
  /** Set when the person has seen it. */
  seenAt: number | null;
}

/**
 * What the last import wrote, kept so that "Undo this import" can take it back: the ids it
 * added, the versions it replaced (whole, to put back), and how each written record looked
 * after it, to tell whether anything changed since. One row, replaced by every import.
 */
export interface ImportUndo {
  key: 'last';
  /** When it was imported (this device's clock, as stored). */
  at: number;
  /** 'open': can still be undone; 'undone': it was, and `added` may be brought back by importing again. */
  state: 'open' | 'undone';
  /** Ids the import added, by table. */
  added: Partial<Record<string, string[]>>;
  /** Records the import replaced, as they were before, by table. */
  replaced: Partial<Record<string, SyncedRecord[]>>;
  /** The `updatedAt` each written record had right after the import, by table and id. */
  written: Partial<Record<string, Record<string, number>>>;
  /** The settings row before the import, when the import replaced it (null: there was none). */
  settingsBefore: SettingsRow | null;
  /** The settings row's `updatedAt` right after the import, when it replaced it; null when it didn't. */
  settingsWritten: number | null;
}

/**
 * Sync's own rows on this device (lib/sync/): its settings, how far the mirror was read, and
 * the day-start hour's stamp. In the records' database so that merging pulled records and
 * moving the sync marks can share one transaction. Never exported, never synced.
 */
export interface SyncStateRow {
  key: string;
  value: unknown;
}

/** What a page is told about its connection: a newer Tandem needs it closed, or waits for an old one. */
export type ConnectionNotice = 'outdated' | 'blocked';

/**
 * A newer Tandem (an updated extension, another tab) asks every open connection to close
 * before it can upgrade. Close at once, for good (no silent reopen into a VersionError), and
 * tell the page so it can ask the person to reload; otherwise the upgrade would wait forever.
 */
export function closeWhenOutdated(db: Dexie, notify: (notice: ConnectionNotice) => void): void {
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true });
    notify('outdated');
    return false;
  });
  // Only an old release that ignores versionchange can keep us waiting; say why nothing loads.
  db.on('blocked', () => notify('blocked'));
}

export class TandemDatabase extends Dexie {
  checkins!: EntityTable<Checkin, 'id'>;
  reflections!: EntityTable<Reflection, 'id'>;
  plan!: EntityTable<PlanEntry, 'id'>;
  values!: EntityTable<ValueItem, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  shares!: EntityTable<ShareLogEntry, 'id'>;
  dayStats!: Table<DayStat, DayKey>;
  settings!: Table<SettingsRow, 'settings'>;
  upgrades!: Table<UpgradeReport, number>;
  /** What the last import changed, so it can be undone until the next change (lib/backup/undo.ts). */
  imports!: Table<ImportUndo, 'last'>;
  replies!: EntityTable<MentorReply, 'id'>;
  wellbeing!: EntityTable<WellbeingCheck, 'id'>;
  syncState!: Table<SyncStateRow, string>;
  /** The last notice about this connection, so a page that mounts late still shows it. */
  notice: ConnectionNotice | null = null;
  private readonly noticeListeners = new Set<(notice: ConnectionNotice | null) => void>();

  /** `now` dates what an upgrade changes (stamps far ahead of it are brought back to it). */
  constructor(name: string = DB_NAME, now: () => number = Date.now) {
    super(name);
    closeWhenOutdated(this, (notice) => {
      this.notice = notice;
      for (const listener of this.noticeListeners) listener(notice);
    });
    // Once the old window let go and the database opened, "waiting" is no longer true.
    this.on('ready', () => {
      if (this.notice !== 'blocked') return;
      this.notice = null;
      for (const listener of this.noticeListeners) listener(null);
    });
    this.version(1).stores({
      checkins: 'id, day, at, updatedAt',
    });
    this.version(2)
      .stores({
        checkins: 'id, day, at, updatedAt',
        reflections: 'id, day, at, updatedAt',
        plan: 'id, updatedAt',
        values: 'id, updatedAt',
        contacts: 'id, updatedAt',
        shares: 'id, createdAt, updatedAt',
        dayStats: 'day',
      })
      .upgrade((tx) => rebuildAllDayStats(tx.table('checkins'), tx.table('dayStats')));
    // v3: settings move in beside the records (they were in idb-keyval's own database, which no
    // transaction here can reach; lib/kv.ts carries them over on first read), and every record
    // an older version let in is brought within today's field rules, keeping what it said.
    this.version(3)
      .stores({ settings: 'key', upgrades: 'version' })
      .upgrade((tx) => repairStore(tx, 3, now()));
    // v4: the share log's contents become facts, so they read in any language (no new tables).
    this.version(4).stores({}).upgrade((tx) => shareContentsToFacts(tx));
    // v5: the share log finds a link by the id its replies name it by; mentors' replies, and the
    // fortnightly wellbeing check. New tables only: no record changes.
    this.version(5).stores({
      shares: 'id, createdAt, updatedAt, linkId',
      replies: 'id, shareId, readAt, sentAt, updatedAt',
      wellbeing: 'id, at, day, updatedAt',
    });
    // v6: check-ins get a note ('' for every one written before), and the last import is kept
    // so that it can be undone (issue 15).
    this.version(6)
      .stores({ imports: 'key' })
      .upgrade((tx) =>
        tx
          .table('checkins')
          .toCollection()
          .modify((c: Record<string, unknown>) => {
            if (typeof c.note !== 'string') c.note = '';
          }),
      );
    // v7: sync's own per-device state.
    this.version(7).stores({ syncState: 'key' });
  }

  /** Calls `listener` on every notice (and at once if there already is one); returns the unsubscribe. */
  onNotice(listener: (notice: ConnectionNotice | null) => void): () => void {
    this.noticeListeners.add(listener);
    if (this.notice) listener(this.notice);
    return () => this.noticeListeners.delete(listener);
  }
}

export function openDatabase(name?: string, now?: () => number): TandemDatabase {
  return new TandemDatabase(name, now);
}
