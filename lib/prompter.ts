import type { Clock } from './clock';
import { dayKey } from './days';
import type { KeyValueStore, PromptState } from './kv';
import type { Alarms, Badge, Idle, Notifier, TimerAlarms } from './platform/types';
import { decidePrompt, type PromptDecision } from './schedule';
import { isTomorrowReminder, TOMORROW_KEEP_MS, tomorrowState } from './tomorrow';
import { urgeAlarmTimes, urgeBadge, urgeJustEnded, urgePhase } from './urge';

// The background's reminder service. It keeps nothing in memory between events: every
// call reads settings, reminder state and the latest check-in from storage, decides with
// the pure `decidePrompt`, then sets the badge, maybe notifies once, and keeps the alarm.
// It also keeps the toolbar in line with an urge timer started in a page (the minutes left
// take precedence over the check-in dot) and with a "check in with me tomorrow morning"
// reminder (due like a check-in at its time). Those have alarms of their own (TimerAlarms),
// so the prompt alarm stays exactly one.

/** Seconds without input after which the machine counts as idle. */
export const IDLE_SECONDS = 5 * 60;

export interface PrompterDeps {
  store: KeyValueStore;
  lastCheckinAt: () => Promise<number | null>;
  clock: Clock;
  badge: Badge;
  alarms: Alarms;
  timerAlarms: TimerAlarms;
  notifier: Notifier;
  idle: Idle;
}

export interface ReminderStatus {
  decision: PromptDecision;
  state: PromptState;
}

export type Prompter = ReturnType<typeof createPrompter>;

export function createPrompter(deps: PrompterDeps) {
  const { store, clock, badge, alarms, timerAlarms, notifier, idle } = deps;
  // Events can arrive together (an alarm and a message); run them one after the other so
  // that two of them never both notify for the same slot.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function decide() {
    const [settings, state, lastCheckinAt, idleState, urge, tomorrow] = await Promise.all([
      store.settings(),
      store.promptState(),
      deps.lastCheckinAt(),
      idle.state(),
      store.urgeTimer(),
      store.tomorrowReminder(),
    ]);
    const now = clock.now();
    const decision = decidePrompt({
      now,
      timeZone: clock.timeZone(),
      settings,
      lastCheckinAt,
      snoozedUntil: state.snoozedUntil,
      pausedDay: state.pausedDay,
      idle: idleState !== 'active',
      notifiedKey: state.notifiedKey,
    });
    return {
      decision,
      state,
      notifications: settings.notifications,
      text: settings.notificationText,
      away: idleState !== 'active',
      now,
      urge,
      tomorrow,
      tomorrowState: tomorrowState(tomorrow, now, lastCheckinAt),
    };
  }

  /** The timer's and the morning check-in's alarms, set from what is stored (unchanged ones left alone). */
  async function keepTimerAlarms(urge: unknown, tomorrow: unknown, state: ReturnType<typeof tomorrowState>, now: number) {
    const { tickFrom, endAt } = urgeAlarmTimes(urge, now);
    await timerAlarms.urgeTick(tickFrom);
    await timerAlarms.urgeEnd(endAt);
    if (state === 'over' || !isTomorrowReminder(tomorrow)) {
      if (tomorrow !== undefined) await store.saveTomorrowReminder(undefined);
      await timerAlarms.tomorrow(null);
    } else {
      // At its time, then again when it lapses, so the badge goes by itself.
      await timerAlarms.tomorrow(state === 'waiting' ? tomorrow.at : tomorrow.at + TOMORROW_KEEP_MS);
    }
  }

  /**
   * Brings badge, notification and alarm in line with the stored data. `alarm: 'keep'`
   * leaves an existing alarm alone: re-creating it on every worker start would push it back.
   */
  async function refresh(alarm: 'keep' | 'reset'): Promise<PromptDecision> {
    const d = await decide();
    const { decision, state, notifications, text, away, now, urge, tomorrow } = d;
    // The alarm first: if the badge or a notification fails, reminders must still go on.
    if (alarm === 'reset' || (await alarms.scheduled()) === null) {
      await alarms.schedule(decision.nextAt);
    }
    await keepTimerAlarms(urge, tomorrow, d.tomorrowState, now);
    const tomorrowDue = d.tomorrowState === 'due';
    // No prompt of any kind while the machine is idle or locked; coming back refreshes. The
    // urge timer counts whatever the machine does.
    await badge.show((decision.due || tomorrowDue) && !away, urgeBadge(urge, now));
    if (decision.notify && decision.promptKey !== null) {
      // Mark the slot first: a notification that fails to show must not be retried forever.
      await store.savePromptState({ ...state, notifiedKey: decision.promptKey });
      if (notifications && (await notifier.allowed())) await notifier.show(text);
    } else if (tomorrowDue && !away && isTomorrowReminder(tomorrow) && !tomorrow.notified) {
      // The morning check-in the person asked for: once, like a due check-in.
      await store.saveTomorrowReminder({ at: tomorrow.at, notified: true });
      if (notifications && (await notifier.allowed())) await notifier.show(text);
    } else if (!decision.due && !tomorrowDue) {
      await notifier.clear();
    }
    if (urgePhase(urge, now).name === 'none') await notifier.clearUrgeEnd();
    return decision;
  }

  /** The urge timer's end alarm: the badge marks the end, and a notification if those are on. */
  async function onUrgeEnd(): Promise<PromptDecision> {
    const decision = await refresh('keep');
    const [urge, settings] = await Promise.all([store.urgeTimer(), store.settings()]);
    if (urgeJustEnded(urge, clock.now()) && settings.notifications && (await notifier.allowed())) {
      await notifier.showUrgeEnd();
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
    /** The urge timer's per-minute tick, or the morning check-in's alarm: badge and notification again. */
    onTimerAlarm: () => serial(() => refresh('keep')),
    onUrgeEnd: () => serial(onUrgeEnd),
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
