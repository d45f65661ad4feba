import Dexie, { type EntityTable } from 'dexie';
import type { DayKey } from '../days';

// The one module that owns Tandem's IndexedDB database. Every version declaration stays
// here for good: Dexie needs the whole history to upgrade a store from any older release.
// Records carry a random id, timestamps and a soft-delete marker so that two devices'
// stores can later be merged record by record (newer updatedAt wins) without losses.

export const DB_NAME = 'tandem';

export const HALT_TAGS = ['hungry', 'angry', 'lonely', 'tired'] as const;
export type HaltTag = (typeof HALT_TAGS)[number];

export type Mood = 1 | 2 | 3 | 4 | 5;

export interface SyncedRecord {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** Soft delete: the record stays so that the deletion can travel to other devices. */
  deletedAt: number | null;
}

export interface Checkin extends SyncedRecord {
  /** When it was made, ms since the epoch. */
  at: number;
  /** The person's day it belongs to, fixed when written; never re-bucketed by a later zone. */
  day: DayKey;
  /** Minutes east of UTC where and when it was written. */
  utcOffset: number;
  timeZone: string;
  mood: Mood;
  /** The optional micro-win, '' when none. */
  win: string;
  tags: HaltTag[];
}

export class TandemDatabase extends Dexie {
  checkins!: EntityTable<Checkin, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      checkins: 'id, day, at, updatedAt',
    });
  }
}

export function openDatabase(name?: string): TandemDatabase {
  return new TandemDatabase(name);
}
