import * as v from 'valibot';
import type { SyncedRecord, TandemDatabase } from '../db/schema';
import { DAY_START_MAX, nextStamp, TIME_MAX, TIME_MIN } from '../rules/time';
import { withDefaults } from '../settings';

// The day-start hour defines days everywhere, so it travels; the other settings (reminder
// windows, notifications) stay per device. It travels as a record of its own with its own
// stamp, so that changing reminders on one device never carries an old hour with it.

export const DAY_START_TABLE = 'settings';
export const DAY_START_ID = 'dayStart';
const ROW = 'dayStart';

export interface DayStartRecord extends SyncedRecord {
  hour: number;
}

const stamp = v.pipe(v.number(), v.integer(), v.minValue(TIME_MIN), v.maxValue(TIME_MAX));
export const DayStartSchema = v.strictObject({
  id: v.literal(DAY_START_ID),
  createdAt: stamp,
  updatedAt: stamp,
  deletedAt: v.null(),
  hour: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(DAY_START_MAX)),
});

/**
 * This device's hour as a record, stamped anew when the person changed it since the last
 * sync. The first time, it carries the settings' own save time, so that joining a group
 * adopts the hour saved last (as an import would) instead of the joining device's.
 */
export async function localDayStart(db: TandemDatabase, now: number): Promise<{ record: DayStartRecord; changed: boolean }> {
  const [settings, row] = await Promise.all([db.settings.get('settings'), db.syncState.get(ROW)]);
  const hour = withDefaults(settings?.value).dayStartHour;
  const known = row?.value as DayStartRecord | undefined;
  if (known && known.hour === hour) return { record: known, changed: false };
  // Never saved here: the default hour, which loses to any hour a person chose elsewhere.
  const at = known ? nextStamp(now, known.updatedAt) : Math.max(TIME_MIN, Math.min(TIME_MAX, settings?.updatedAt ?? TIME_MIN));
  return { record: { id: DAY_START_ID, createdAt: known?.createdAt ?? at, updatedAt: at, deletedAt: null, hour }, changed: true };
}

export async function saveDayStart(db: TandemDatabase, record: DayStartRecord): Promise<void> {
  await db.syncState.put({ key: ROW, value: record });
}
