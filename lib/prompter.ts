import type { Clock } from './clock';
import { dayKey } from './days';
import type { KeyValueStore, PromptState } from './kv';
import type { Alarms, Badge, Idle, Notifier } from './platform/types';
import { decidePrompt, type PromptDecision } from './schedule';

// The background's reminder service. It keeps nothing in memory between events: every
// call reads settings, reminder state and the latest check-in from storage, decides with
// the pure `decidePrompt`, then sets the badge, maybe notifies once, and keeps the alarm.

/** Seconds without input after which the machine counts as idle. */
export const IDLE_SECONDS = 5 * 60;

export interface PrompterDeps {
  store: KeyValueStore;
  lastCheckinAt: () => Promise<number | null>;
  clock: Clock;
  badge: Badge;
  alarms: Alarms;
  notifier: Notifier;
  idle: Idle;
}

export interface ReminderStatus {
  decision: PromptDecision;
  state: PromptState;
}

export type Prompter = ReturnType<typeof createPrompter>;

export function createPrompter(deps: PrompterDeps) {
  const { store, clock, badge, alarms, notifier, idle } = deps;
  // Events can arrive together (an alarm and a message); run them one after the other so
  // that two of them never both notify for the same slot.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function decide(): Promise<ReminderStatus & { notifications: boolean; text: string; away: boolean }> {
    const [settings, state, lastCheckinAt, idleState] = await Promise.all([
      store.settings(),
      store.promptState(),
      deps.lastCheckinAt(),
      idle.state(),
    ]);
    const decision = decidePrompt({
      now: clock.now(),
      timeZone: clock.timeZone(),
      settings,
      lastCheckinAt,
      snoozedUntil: state.snoozedUntil,
      pausedDay: state.pausedDay,
      away: idleState !== 'active',
      notifiedKey: state.notifiedKey,
    });
    return {
      decision,
      state,
      notifications: settings.notifications,
      text: settings.notificationText,
      away: idleState !== 'active',
    };
  }

  /**
   * Brings badge, notification and alarm in line with the stored data. `alarm: 'keep'`
   * leaves an existing alarm alone: re-creating it on every worker start would push it back.
   */
  async function refresh(alarm: 'keep' | 'reset'): Promise<PromptDecision> {
    const { decision, state, notifications, text, away } = await decide();
    // The alarm first: if the badge or a notification fails, reminders must still go on.
    if (alarm === 'reset' || (await alarms.scheduled()) === null) {
      await alarms.schedule(decision.nextAt);
    }
    // No prompt of any kind while the machine is idle or locked; coming back refreshes.
    await badge.show(decision.due && !away);
    if (decision.notify && decision.promptKey !== null) {
      // Mark the slot first: a notification that fails to show must not be retried forever.
      await store.savePromptState({ ...state, notifiedKey: decision.promptKey });
      if (notifications && (await notifier.allowed())) await notifier.show(text);
    } else if (!decision.due) {
      await notifier.clear();
    }
    return decision;
  }

  async function changeState(change: (s: PromptState) => PromptState): Promise<PromptDecision> {
    await store.savePromptState(change(await store.promptState()));
    return refresh('reset');
  }

  return {
    /** Worker start, browser start, idle → active, any data change. */
    refresh: () => serial(() => refresh('keep')),
    /** The prompt alarm fired (and is gone): decide and set the next one. */
    onAlarm: () => serial(() => refresh('reset')),
    onSettingsChanged: () => serial(() => refresh('reset')),
    snooze: (minutes: number) =>
      serial(() => changeState((s) => ({ ...s, snoozedUntil: clock.now() + minutes * 60_000 }))),
    pauseToday: () =>
      serial(async () => {
        const { dayStartHour } = await store.settings();
        return changeState((s) => ({ ...s, pausedDay: dayKey(clock.now(), clock.timeZone(), dayStartHour) }));
      }),
    resume: () => serial(() => changeState((s) => ({ ...s, pausedDay: null, snoozedUntil: null }))),
    status: () =>
      serial(async (): Promise<ReminderStatus> => {
        const { decision, state } = await decide();
        return { decision, state };
      }),
  };
}
