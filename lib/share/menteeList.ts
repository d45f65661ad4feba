import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { toStorageError, ValidationError } from '../errors';
import { clampInstant } from '../rules/time';
import { fromTheFuture, parseSnapshot } from './schema';
import type { Snapshot } from './model';
import { changesFromStored, changesSince, type ChangeFact } from './summary';

// The mentor's own list, on the mentor's device, written only when they choose "Keep in my
// list". Its own database, apart from anything a mentee's Tandem keeps on the same origin.
// Only the newest snapshot is kept, with the changes from the one before already worked out,
// and a snapshot leaves the list when it expires, as the person who shared it chose.
// A snapshot that says it was made more than a day after the mentor's clock is never kept
// (the viewer refuses such a link too): kept, it would make every real link from that person
// look "older" and never replace it.

export const MENTEE_DB = 'tandem-mentor';

export interface KeptMentee {
  name: string;
  snapshot: Snapshot;
  /**
   * What changed since the snapshot kept before this one, as facts the viewer words; null for
   * the first. Rows an older version kept hold English sentences: load() turns the ones it
   * wrote into facts and keeps any other as text.
   */
  changes: ChangeFact[] | null;
  keptAt: number;
  /**
   * The link's own key (base64url), so "Write back" works from the list (lib/share/reply.ts).
   * It is on the mentor's own device, as the link itself was; absent in rows kept before replies.
   */
  linkKey?: string;
  /** The snapshot kept before this one, for the trends; absent for the first. */
  previous?: Snapshot;
}

/**
 * People are told apart by name: a link carries nothing else that identifies them. "Ana",
 * "ANA" and "Ána" typed composed or decomposed are one person. (The key every version has
 * stored rows under: changing it would orphan them.)
 */
export const menteeKey = (name: string) => name.trim().normalize('NFC').toLowerCase();

export type MenteeList = ReturnType<typeof createMenteeList>;

/** The problem keep() refuses with (worded in the catalogue's share.problems). */
export type MenteeProblem = { code: 'share.fromTheFuture' };

/** Whether the list's database exists, without creating it (opening one would). */
async function listExists(): Promise<boolean> {
  if (typeof indexedDB.databases === 'function') {
    return (await indexedDB.databases()).some((d) => d.name === MENTEE_DB);
  }
  // Older browsers can't list databases: open it, and if that would create it, abort the
  // creation so that looking never leaves an (empty) database behind.
  return new Promise((resolve) => {
    const request = indexedDB.open(MENTEE_DB);
    request.onupgradeneeded = (event) => {
      if (event.oldVersion === 0) request.transaction?.abort();
    };
    request.onsuccess = () => {
      request.result.close();
      resolve(true);
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(false);
    };
  });
}

export function createMenteeList(
  open: () => UseStore = () => createStore(MENTEE_DB, 'mentees'),
  exists: () => Promise<boolean> = listExists,
) {
  // Opened on first use, so that merely viewing a link creates no database at all.
  let store: UseStore | null = null;
  const db = () => (store ??= open());

  async function load(clockNow: number): Promise<{ kept: KeptMentee[]; expired: number }> {
    // The clock as the link's reader takes it (lib/share/link.ts), so what opens can be kept.
    const now = clampInstant(clockNow);
    try {
      if (store === null && !(await exists())) return { kept: [], expired: 0 };
      const rows = await entries<string, KeptMentee>(db());
      const kept: KeptMentee[] = [];
      let expired = 0;
      for (const [key, row] of rows) {
        const snapshot = parseSnapshot(row?.snapshot);
        if (!snapshot || snapshot.expiresAt <= now) {
          expired++;
          await del(key, db());
          continue;
        }
        if (fromTheFuture(snapshot, now)) {
          // Only an older version could have kept a snapshot dated after tomorrow. It is
          // dropped, so the person's next real link is kept again (not counted as expired).
          await del(key, db());
          continue;
        }
        const previous = row.previous === undefined ? null : parseSnapshot(row.previous);
        const linkKey = typeof row.linkKey === 'string' && /^[A-Za-z0-9_-]{43}$/.test(row.linkKey) ? row.linkKey : undefined;
        kept.push({
          name: snapshot.name,
          snapshot,
          changes: changesFromStored(row.changes),
          keptAt: row.keptAt,
          ...(linkKey ? { linkKey } : {}),
          ...(previous ? { previous } : {}),
        });
      }
      kept.sort((a, b) => menteeKey(a.name).localeCompare(menteeKey(b.name)));
      return { kept, expired };
    } catch (err) {
      throw toStorageError(err);
    }
  }

  return {
    load,
    /**
     * Keeps the snapshot as this person's newest; returns what changed since the one before.
     * Throws a ValidationError ('share.fromTheFuture', nothing stored) for a snapshot made
     * more than a day after `now`, as opening its link would.
     */
    async keep(snapshot: Snapshot, clockNow: number, linkKey?: string): Promise<KeptMentee> {
      const now = clampInstant(clockNow);
      if (fromTheFuture(snapshot, now)) throw new ValidationError({ code: 'share.fromTheFuture' } satisfies MenteeProblem);
      const { kept } = await load(now);
      const before = kept.find((k) => menteeKey(k.name) === menteeKey(snapshot.name));
      let changes: ChangeFact[] | null = null;
      let previous: Snapshot | undefined;
      if (before && before.snapshot.createdAt < snapshot.createdAt) {
        changes = changesSince(before.snapshot, snapshot);
        previous = before.snapshot;
      } else if (before && before.snapshot.createdAt === snapshot.createdAt) {
        changes = before.changes;
        previous = before.previous;
      }
      const key = linkKey ?? (before && before.snapshot.createdAt === snapshot.createdAt ? before.linkKey : undefined);
      const row: KeptMentee = {
        name: snapshot.name,
        snapshot,
        changes,
        keptAt: now,
        ...(key ? { linkKey: key } : {}),
        ...(previous ? { previous } : {}),
      };
      if (before && before.snapshot.createdAt > snapshot.createdAt) return before;
      try {
        await set(menteeKey(snapshot.name), row, db());
      } catch (err) {
        throw toStorageError(err);
      }
      return row;
    },
    async remove(name: string): Promise<void> {
      try {
        await del(menteeKey(name), db());
      } catch (err) {
        throw toStorageError(err);
      }
    },
  };
}
