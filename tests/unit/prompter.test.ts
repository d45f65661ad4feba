import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { instantAt } from '../../lib/days';
import { openDatabase } from '../../lib/db/schema';
import { createKeyValueStore, type KeyValueStore } from '../../lib/kv';
import type { IdleState } from '../../lib/platform/types';
import { createPrompter } from '../../lib/prompter';
import { DEFAULT_SETTINGS } from '../../lib/settings';

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
    alarm: null as number | null,
    alarmSets: 0,
    shown: [] as string[],
    cleared: 0,
    allowed: true,
  };
  const store: KeyValueStore = createKeyValueStore(openDatabase(`prompter-${n}`), createStore(`kv-${n++}`, 'values'));
  const prompter = createPrompter({
    store,
    lastCheckinAt: async () => env.lastCheckinAt,
    clock: { now: () => env.now, timeZone: () => TZ },
    badge: { show: async (due) => void env.badge.push(due) },
    alarms: {
      scheduled: async () => env.alarm,
      schedule: async (when) => {
        env.alarm = when;
        env.alarmSets++;
      },
    },
    notifier: {
      allowed: async () => env.allowed,
      show: async (message) => void env.shown.push(message),
      clear: async () => void env.cleared++,
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
    await h.store.saveSettings({ ...DEFAULT_SETTINGS, windows: [{ start: 8 * 60 + 30, end: 12 * 60, overnight: false }] });
    await h.prompter.onSettingsChanged();
    expect(h.env.alarm).toBe(at('08:30'));
  });
});
