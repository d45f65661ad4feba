import type { TandemDatabase } from '../db/schema';

// A write that bypasses the "newer stamp" rule of ordinary edits (an import brings records as
// they were stamped elsewhere, possibly older than what sync last sent) asks the next sync round
// to compare every record, not only the ones stamped since. Set inside the writer's transaction.

const ROW = 'fullNeeded';

export async function markFullSync(db: TandemDatabase): Promise<void> {
  // Without sync on there is nothing to catch up: turning it on compares everything anyway.
  if (!(await db.syncState.get('config'))) return;
  const seen = (await db.syncState.get(ROW))?.value;
  await db.syncState.put({ key: ROW, value: (typeof seen === 'number' ? seen : 0) + 1 });
}

/** The mark as read before a round (null: none), to clear exactly that one after it. */
export async function fullSyncMark(db: TandemDatabase): Promise<number | null> {
  const value = (await db.syncState.get(ROW))?.value;
  return typeof value === 'number' ? value : null;
}

/** Clears the mark unless another import set it again while the round ran. */
export async function clearFullSync(db: TandemDatabase, mark: number): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    if ((await db.syncState.get(ROW))?.value === mark) await db.syncState.delete(ROW);
  });
}
