import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { instantAt } from '../../lib/days';
import { openDatabase } from '../../lib/db/schema';
import { createKeyValueStore, type KeyValueStore } from '../../lib/kv';
import type { IdleState } from '../../lib/platform/types';
import { createPrompter } from '../../lib/prompter';
import { weekPlanFrom, DEFAULT_SETTINGS } from '../../lib/settings';
import type { UrgeBadge } from '../../lib/urge';

const TZ = 'Europe/London';
// Monday 2026-03-02, all times London (GMT in March before the 29th).
const at = (hhmm: string, day = '2026-03-02') => {
  const [h, m] = hhmm.split(':').map(Number);
  return instantAt(day, h! * 60 + m!, TZ);
};

let n = 0;

function harness() {
  const env = {
    now: at('08:00'),
    lastCheckinAt: null as number | null,
    idle: 'active' as IdleState,
    badge: [] as boolean[],
    urgeBadge: [] as (UrgeBadge | null)[],
    alarm: null as number | null,
    alarmSets: 0,
    /** The other alarms, by name, as the extension would hold them (tick: its first time). */
    timers: {} as Record<'urgeTick' | 'urgeEnd' | 'tomorrow', number | null>,
    shown: [] as string[],
    urgeShown: 0,
    cleared: 0,
    allowed: true,
  };
  const store: KeyValueStore = createKeyValueStore(openDatabase(`prompter-${n}`), createStore(`kv-${n++}`, 'values'));
  const prompter = createPrompter({
    store,
    lastCheckinAt: async () => env.lastCheckinAt,
    clock: { now: () => env.now, timeZone: () => TZ },
    badge: {
      show: async (due, urge) => {
        env.badge.push(due);
        env.urgeBadge.push(urge ?? null);
      },
    },
    alarms: {
      scheduled: async () => env.alarm,
      schedule: async (when) => {
        env.alarm = when;
        env.alarmSets++;
      },
    },
    timerAlarms: {
      urgeTick: async (from) => void (env.timers.urgeTick = from),
      urgeEnd: async (when) => void (env.timers.urgeEnd = when),
      tomorrow: async (when) => void (env.timers.tomorrow = when),
    },
    notifier: {
      allowed: async () => env.allowed,
      show: async (message) => void env.shown.push(message),
      clear: async () => void env.cleared++,
      showUrgeEnd: async () => void env.urgeShown++,
      clearUrgeEnd: async () => undefined,
    },
    idle: { state: async () => env.idle },
  });
  return { env, store, prompter };
}

describe('the background reminder service', () => {
  let h: ReturnType<typeof harness>;
  beforeEach(async () => {
    h = harness();
    await h.store.saveSettings({ ...DEFAULT_SETTINGS, notifications: true });
  });

  it('sets the badge and notifies once when a slot comes due, then schedules the next slot', async () => {
    h.env.now = at('09:00');
    await h.prompter.onAlarm();
    expect(h.env.badge.at(-1)).toBe(true);
    expect(h.env.shown).toEqual([DEFAULT_SETTINGS.notificationText]);
    expect(h.env.alarm).toBe(at('11:00'));

    // A worker restart in the same slot: badge again, but no second notification.
    h.env.now = at('09:20');
    await h.prompter.refresh();
    expect(h.env.badge.at(-1)).toBe(true);
    expect(h.env.shown).toHaveLength(1);
  });

  it('creates the alarm only when it is missing, so a worker start never pushes it back', async () => {
    h.env.now = at('08:00');
    await h.prompter.refresh();
    expect(h.env.alarm).toBe(at('09:00'));
    const sets = h.env.alarmSets;
    h.env.now = at('08:30');
    await h.prompter.refresh();
    expect(h.env.alarmSets).toBe(sets);
  });

  it('clears the badge after a check-in and does not prompt again in that slot', async () => {
    h.env.now = at('09:00');
    await h.prompter.onAlarm();
    h.env.lastCheckinAt = at('09:05');
    h.env.now = at('09:05');
    await h.prompter.refresh();
    expect(h.env.badge.at(-1)).toBe(false);
    expect(h.env.cleared).toBeGreaterThan(0);
  });

  it('holds badge and notification while the machine is idle or locked, and shows them when the person is back', async () => {
    h.env.now = at('11:00');
    h.env.idle = 'locked';
    await h.prompter.onAlarm();
    expect(h.env.badge.at(-1)).toBe(false);
    expect(h.env.shown).toHaveLength(0);
    expect(h.env.alarm).toBe(at('13:00'));
    h.env.idle = 'active';
    h.env.now = at('11:40');
    await h.prompter.refresh();
    expect(h.env.badge.at(-1)).toBe(true);
    expect(h.env.shown).toHaveLength(1);
  });

  it('shows a prompt missed while the browser was closed once, at the next start inside a window', async () => {
    // Closed all morning; started at 10:15, inside the 09:00 slot.
    h.env.now = at('10:15');
    await h.prompter.refresh();
    await h.prompter.refresh();
    expect(h.env.shown).toHaveLength(1);
  });

  it('does not notify outside working windows', async () => {
    h.env.now = at('18:30');
    await h.prompter.refresh();
    expect(h.env.badge.at(-1)).toBe(false);
    expect(h.env.shown).toHaveLength(0);
  });

  it('keeps quiet without the notification permission, but the badge still shows', async () => {
    h.env.allowed = false;
    h.env.now = at('09:00');
    await h.prompter.onAlarm();
    expect(h.env.badge.at(-1)).toBe(true);
    expect(h.env.shown).toHaveLength(0);
  });

  it('snoozes: no badge until the snooze ends, then one more notification', async () => {
    h.env.now = at('09:00');
    await h.prompter.onAlarm();
    const status = await h.prompter.snooze(30);
    expect(status.due).toBe(false);
    expect(h.env.alarm).toBe(at('09:30'));
    h.env.now = at('09:30');
    await h.prompter.onAlarm();
    expect(h.env.badge.at(-1)).toBe(true);
    expect(h.env.shown).toHaveLength(2);
  });

  it('pauses for the rest of today and resumes on request', async () => {
    h.env.now = at('09:00');
    await h.prompter.pauseToday();
    h.env.now = at('11:00');
    await h.prompter.onAlarm();
    expect(h.env.badge.at(-1)).toBe(false);
    expect((await h.prompter.status()).decision.reason).toBe('paused');
    // The next working day prompts as usual.
    h.env.now = at('09:00', '2026-03-03');
    await h.prompter.onAlarm();
    expect(h.env.badge.at(-1)).toBe(true);
    h.env.now = at('11:00');
    await h.prompter.resume();
    expect((await h.prompter.status()).decision.reason).toBe('due');
  });

  it('reschedules when settings change', async () => {
    h.env.now = at('08:00');
    await h.prompter.refresh();
    expect(h.env.alarm).toBe(at('09:00'));
    await h.store.saveSettings({ ...DEFAULT_SETTINGS, weekPlan: weekPlanFrom([1, 2, 3, 4, 5], [{ start: 8 * 60 + 30, end: 12 * 60, overnight: false }]) });
    await h.prompter.onSettingsChanged();
    expect(h.env.alarm).toBe(at('08:30'));
  });

  it('follows each weekday’s own windows with its one alarm', async () => {
    // Monday 13:00–15:00 only, Tuesday 09:00–10:00 only.
    const weekPlan = [[], [{ start: 13 * 60, end: 15 * 60, overnight: false }], [{ start: 9 * 60, end: 10 * 60, overnight: false }], [], [], [], []];
    await h.store.saveSettings({ ...DEFAULT_SETTINGS, weekPlan });
    h.env.now = at('09:00');
    await h.prompter.onSettingsChanged();
    expect(h.env.badge.at(-1)).toBe(false);
    expect(h.env.alarm).toBe(at('13:00'));
    h.env.now = at('13:00');
    await h.prompter.onAlarm();
    expect(h.env.badge.at(-1)).toBe(true);
    h.env.now = at('15:00');
    await h.prompter.onAlarm();
    expect(h.env.badge.at(-1)).toBe(false);
    expect(h.env.alarm).toBe(at('09:00', '2026-03-03'));
  });

  it('keeps the badge off and nothing notified while away, and wakes at the end of the range', async () => {
    await h.store.saveSettings({ ...DEFAULT_SETTINGS, notifications: true, away: [{ from: '2026-03-02', to: '2026-03-04' }] });
    h.env.now = at('10:00');
    await h.prompter.onSettingsChanged();
    expect(h.env.badge.at(-1)).toBe(false);
    expect(h.env.shown).toEqual([]);
    const status = await h.prompter.status();
    expect(status.decision).toMatchObject({ reason: 'away', away: { from: '2026-03-02', to: '2026-03-04' } });
    // The one prompt alarm is set for the end of the range (Thursday 04:00, the day's start).
    expect(h.env.alarm).toBe(at('04:00', '2026-03-05'));
    h.env.now = at('04:00', '2026-03-05');
    await h.prompter.onAlarm();
    expect(h.env.alarm).toBe(at('09:00', '2026-03-05'));
    h.env.now = at('09:00', '2026-03-05');
    await h.prompter.onAlarm();
    expect(h.env.badge.at(-1)).toBe(true);
    expect(h.env.shown).toHaveLength(1);
  });
});

describe('the urge timer and the morning check-in, in the background', () => {
  let h: ReturnType<typeof harness>;
  beforeEach(async () => {
    h = harness();
    await h.store.saveSettings({ ...DEFAULT_SETTINGS, notifications: true });
  });

  it('shows the minutes left over the check-in dot, counting down, with alarms of their own', async () => {
    h.env.now = at('09:00');
    await h.prompter.onAlarm();
    expect(h.env.badge.at(-1)).toBe(true);
    expect(h.env.urgeBadge.at(-1)).toBeNull();
    const promptAlarm = h.env.alarm;

    await h.store.saveUrgeTimer({ startedAt: at('09:05'), minutes: 10, strengthBefore: 7, endedAt: null });
    h.env.now = at('09:05');
    await h.prompter.refresh();
    expect(h.env.urgeBadge.at(-1)).toEqual({ kind: 'minutes', minutes: 10 });
    expect(h.env.timers.urgeTick).toBe(at('09:06'));
    expect(h.env.timers.urgeEnd).toBe(at('09:15'));
    // The prompt alarm is left as it was: still one, at the same time.
    expect(h.env.alarm).toBe(promptAlarm);

    h.env.now = at('09:06') + 200;
    await h.prompter.onTimerAlarm();
    expect(h.env.urgeBadge.at(-1)).toEqual({ kind: 'minutes', minutes: 9 });
    h.env.now = at('09:14') + 30_000;
    await h.prompter.onTimerAlarm();
    expect(h.env.urgeBadge.at(-1)).toEqual({ kind: 'minutes', minutes: 1 });
    expect(h.env.alarm).toBe(promptAlarm);
  });

  it('marks the end on the badge and notifies once, then goes back to the check-in dot when answered', async () => {
    await h.store.saveUrgeTimer({ startedAt: at('10:00'), minutes: 10, strengthBefore: null, endedAt: null });
    h.env.now = at('10:10') + 500;
    await h.prompter.onUrgeEnd();
    expect(h.env.urgeBadge.at(-1)).toEqual({ kind: 'ended' });
    expect(h.env.urgeShown).toBe(1);
    expect(h.env.timers.urgeTick).toBeNull();
    // Once over, one last alarm for when the end mark goes by itself.
    expect(h.env.timers.urgeEnd).toBeGreaterThan(at('12:00'));

    // That last alarm, hours later, is no new end: no second notification.
    h.env.now = at('13:11');
    await h.prompter.onUrgeEnd();
    expect(h.env.urgeShown).toBe(1);
    expect(h.env.urgeBadge.at(-1)).toBeNull();

    await h.store.saveUrgeTimer({ startedAt: at('13:20'), minutes: 10, strengthBefore: null, endedAt: null });
    h.env.now = at('13:25');
    await h.prompter.refresh();
    expect(h.env.urgeBadge.at(-1)).toEqual({ kind: 'minutes', minutes: 5 });
    // Saved (or stopped) in the page: the timer is gone, so are its alarms and its badge.
    await h.store.saveUrgeTimer(undefined);
    await h.prompter.refresh();
    expect(h.env.urgeBadge.at(-1)).toBeNull();
    expect(h.env.badge.at(-1)).toBe(true);
    expect(h.env.timers).toMatchObject({ urgeTick: null, urgeEnd: null });
  });

  it('does not notify the end when notifications are off, and ends early without a mark', async () => {
    await h.store.saveSettings({ ...DEFAULT_SETTINGS, notifications: false });
    await h.store.saveUrgeTimer({ startedAt: at('10:00'), minutes: 10, strengthBefore: null, endedAt: null });
    h.env.now = at('10:10');
    await h.prompter.onUrgeEnd();
    expect(h.env.urgeShown).toBe(0);
    expect(h.env.urgeBadge.at(-1)).toEqual({ kind: 'ended' });
    await h.store.saveUrgeTimer({ startedAt: at('10:20'), minutes: 10, strengthBefore: null, endedAt: at('10:24') });
    h.env.now = at('10:25');
    await h.prompter.refresh();
    expect(h.env.urgeBadge.at(-1)).toBeNull();
  });

  it('checks in the morning asked for like a due check-in, once, until a check-in answers it', async () => {
    // Saturday: no reminder windows at all, so only the morning check-in can set the dot.
    const saturday = '2026-03-07';
    h.env.now = at('22:00', '2026-03-06');
    await h.store.saveTomorrowReminder({ at: at('09:00', saturday), notified: false });
    await h.prompter.refresh();
    expect(h.env.timers.tomorrow).toBe(at('09:00', saturday));
    expect(h.env.badge.at(-1)).toBe(false);
    const promptAlarm = h.env.alarm;

    h.env.now = at('09:00', saturday);
    await h.prompter.onTimerAlarm();
    expect(h.env.badge.at(-1)).toBe(true);
    expect(h.env.shown).toHaveLength(1);
    expect(h.env.alarm).toBe(promptAlarm);
    h.env.now = at('09:30', saturday);
    await h.prompter.refresh();
    expect(h.env.shown).toHaveLength(1);

    h.env.lastCheckinAt = at('09:40', saturday);
    h.env.now = at('09:40', saturday);
    await h.prompter.refresh();
    expect(h.env.badge.at(-1)).toBe(false);
    expect(h.env.timers.tomorrow).toBeNull();
    expect(await h.store.tomorrowReminder()).toBeUndefined();
  });

  it('lets the morning check-in lapse by itself when nobody answers', async () => {
    const saturday = '2026-03-07';
    await h.store.saveTomorrowReminder({ at: at('09:00', saturday), notified: true });
    h.env.now = at('10:00', saturday);
    await h.prompter.refresh();
    expect(h.env.badge.at(-1)).toBe(true);
    expect(h.env.timers.tomorrow).toBe(at('19:00', saturday));
    h.env.now = at('19:00', saturday);
    await h.prompter.onTimerAlarm();
    expect(h.env.badge.at(-1)).toBe(false);
    expect(h.env.timers.tomorrow).toBeNull();
  });
});
