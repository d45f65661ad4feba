import { describe, expect, it } from 'vitest';
import { messages as english } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';
import { createFmt } from '../../components/i18n/fmt';
import {
  ANY_TIME,
  firstWindow,
  uniformPlan,
  hoursSettings,
  isAnyTime,
  nextPlace,
  placeOf,
  sortedCountries,
  STEPS,
  toggleSuggestion,
  windowFrom,
} from '../../components/welcome/rules';
import { linkInAddress, showPanel } from '../../components/welcome/decide';
import { COUNTRIES } from '../../lib/emergency';
import { openWelcomeOnInstall, WELCOME_PATH } from '../../lib/platform/welcomeTab';
import { DEFAULT_SETTINGS, validateSettings, weekPlanFrom } from '../../lib/settings';

describe('the welcome opens in a tab on install, and only then', () => {
  function fakes() {
    const listeners: ((details: { reason: string }) => void)[] = [];
    const opened: string[] = [];
    const runtime = {
      onInstalled: { addListener: (l: (details: { reason: string }) => void) => void listeners.push(l) },
      getURL: (path: string) => `chrome-extension://abc${path}`,
    };
    const tabs = { create: async ({ url }: { url: string }) => void opened.push(url) };
    const fire = async (reason: string) => {
      for (const l of listeners) l({ reason });
      await new Promise((done) => setTimeout(done, 0));
    };
    return { runtime, tabs, listeners, opened, fire };
  }

  it('registers one listener at once, and opens welcome.html for a new install', async () => {
    const { runtime, tabs, listeners, opened, fire } = fakes();
    openWelcomeOnInstall(runtime, tabs);
    expect(listeners).toHaveLength(1);
    await fire('install');
    expect(opened).toEqual([`chrome-extension://abc${WELCOME_PATH}`]);
  });

  it('opens nothing on an update, a browser update or a shared module update', async () => {
    const { runtime, tabs, opened, fire } = fakes();
    openWelcomeOnInstall(runtime, tabs);
    for (const reason of ['update', 'browser_update', 'chrome_update', 'shared_module_update']) await fire(reason);
    expect(opened).toEqual([]);
  });

  it('reports a tab that could not be opened, without throwing in the listener', async () => {
    const { runtime, fire } = fakes();
    const reported: unknown[] = [];
    const failing = { create: async () => Promise.reject(new Error('no tabs')) };
    openWelcomeOnInstall(runtime, failing, (err) => reported.push(err));
    await fire('install');
    expect(reported).toHaveLength(1);
  });
});

describe('when the web app shows the welcome panel', () => {
  it('shows on the first open of a device with no records', () => {
    expect(showPanel({ progress: undefined, hasRecords: false, linkInAddress: false })).toBe(true);
  });
  it('does not welcome someone who already uses Tandem (an update, a transfer imported)', () => {
    expect(showPanel({ progress: undefined, hasRecords: true, linkInAddress: false })).toBe(false);
  });
  it('resumes an open welcome, and stays away once done or hidden', () => {
    expect(showPanel({ progress: { step: 'person', status: 'open' }, hasRecords: true, linkInAddress: false })).toBe(true);
    expect(showPanel({ progress: { step: 'end', status: 'done' }, hasRecords: false, linkInAddress: false })).toBe(false);
    expect(showPanel({ progress: { step: 'country', status: 'closed' }, hasRecords: false, linkInAddress: false })).toBe(false);
  });
  it('waits while the page was opened from a link, which is handled first', () => {
    expect(showPanel({ progress: undefined, hasRecords: false, linkInAddress: true })).toBe(false);
    expect(showPanel({ progress: { step: 'hours', status: 'open' }, hasRecords: false, linkInAddress: true })).toBe(false);
  });
  it('tells a link (#name=value) from a view (#plan) or no fragment', () => {
    expect(linkInAddress(['https://app.example/#transfer=abc'])).toBe(true);
    expect(linkInAddress(['https://app.example/', 'https://app.example/#reply=x'])).toBe(true);
    expect(linkInAddress(['https://app.example/#plan', 'https://app.example/', undefined])).toBe(false);
    expect(linkInAddress(['https://app.example/?a=b'])).toBe(false);
  });
});

describe('the steps', () => {
  it('go in order, and end after the last', () => {
    expect(STEPS).toEqual(['hours', 'dayEnd', 'person', 'country', 'situation', 'value']);
    expect(nextPlace('hours')).toBe('dayEnd');
    expect(nextPlace('value')).toBe('end');
  });
  it('resume at the stored step; an unknown one starts again', () => {
    expect(placeOf({ step: 'country', status: 'open' })).toBe('country');
    expect(placeOf({ step: 'end', status: 'done' })).toBe('end');
    expect(placeOf({ step: 'somethingOld', status: 'open' })).toBe('hours');
    expect(placeOf(undefined)).toBe('hours');
  });
});

describe('the hours step sets the reminder windows', () => {
  it('one window from two times: midnight as an end, and a night shift', () => {
    expect(windowFrom(9 * 60, 17 * 60)).toEqual({ start: 540, end: 1020, overnight: false });
    expect(windowFrom(14 * 60, 0)).toEqual({ start: 840, end: 1440, overnight: false });
    expect(windowFrom(22 * 60, 6 * 60)).toEqual({ start: 1320, end: 360, overnight: true });
  });
  it('set hours: the days in week order, the one window, the rest of the settings kept', () => {
    const next = hoursSettings(
      { ...DEFAULT_SETTINGS, intervalMinutes: 45 },
      { kind: 'set', days: [6, 1, 3], start: 8 * 60, end: 18 * 60, timesChanged: true },
    );
    const eightToSix = [{ start: 480, end: 1080, overnight: false }];
    expect(next.weekPlan).toEqual([[], eightToSix, [], eightToSix, [], [], eightToSix]);
    expect(next.intervalMinutes).toBe(45);
    expect(validateSettings(next)).toEqual([]);
  });
  it('keeps several windows when the times were left alone', () => {
    const windows = [
      { start: 480, end: 720, overnight: false },
      { start: 780, end: 1020, overnight: false },
    ];
    const next = hoursSettings({ ...DEFAULT_SETTINGS, weekPlan: weekPlanFrom([1, 2], windows) }, { kind: 'set', days: [1], start: 480, end: 720, timesChanged: false });
    expect(next.weekPlan).toEqual(weekPlanFrom([1], windows));
  });
  it('writes a week plan: each day chosen keeps its own times when the times were left alone', () => {
    const monday = [{ start: 540, end: 1020, overnight: false }];
    const tuesday = [{ start: 1320, end: 360, overnight: true }];
    const base = { ...DEFAULT_SETTINGS, weekPlan: [[], monday, tuesday, [], [], [], []] };
    expect(uniformPlan(base)).toBeNull();
    expect(firstWindow(base)).toEqual(monday[0]);
    // Wednesday is newly chosen: it gets the window the step showed (Monday's).
    const kept = hoursSettings(base, { kind: 'set', days: [1, 2, 3], start: 540, end: 1020, timesChanged: false });
    expect(kept.weekPlan).toEqual([[], monday, tuesday, monday, [], [], []]);
    expect(validateSettings(kept)).toEqual([]);
    // New times replace every chosen day's windows with the one window.
    const changed = hoursSettings(base, { kind: 'set', days: [2, 4], start: 600, end: 900, timesChanged: true });
    const ten = [{ start: 600, end: 900, overnight: false }];
    expect(changed.weekPlan).toEqual([[], [], ten, [], ten, [], []]);
    expect(uniformPlan(changed)).toEqual({ days: [2, 4], windows: ten });
  });
  it('"my hours change": every day, the whole day, and valid', () => {
    const next = hoursSettings(DEFAULT_SETTINGS, { kind: 'change' });
    expect(isAnyTime(next)).toBe(true);
    expect(next.weekPlan).toEqual(ANY_TIME.weekPlan);
    expect(next.weekPlan.every((day) => day.length === 1)).toBe(true);
    expect(validateSettings(next)).toEqual([]);
    expect(isAnyTime(DEFAULT_SETTINGS)).toBe(false);
  });
});

describe('suggested coping steps', () => {
  it('fill the first empty field, leave it when picked again, and never overwrite', () => {
    let steps = ['', '', ''];
    steps = toggleSuggestion(steps, 'Walk');
    steps = toggleSuggestion(steps, 'Call Sam');
    expect(steps).toEqual(['Walk', 'Call Sam', '']);
    steps = toggleSuggestion(steps, 'Walk');
    expect(steps).toEqual(['', 'Call Sam', '']);
    expect(toggleSuggestion(['a', 'b', 'c'], 'Walk')).toEqual(['a', 'b', 'c']);
  });
});

describe('the country picker', () => {
  it('lists every country with a known number, by name in the page’s language', () => {
    for (const locale of ['en', 'es'] as const) {
      const f = createFmt(locale);
      const words = (locale === 'en' ? english : spanish)(f).welcome.country;
      const list = sortedCountries(words.name, f.tag);
      expect(list.map((c) => c.code).sort()).toEqual([...COUNTRIES].sort());
      const names = list.map((c) => c.name);
      expect(names).toEqual([...names].sort(new Intl.Collator(f.tag).compare));
      expect(names.every((n) => n.length > 2)).toBe(true);
    }
    expect(english(createFmt('en')).welcome.country.name('ES')).toBe('Spain');
    expect(spanish(createFmt('es')).welcome.country.name('ES')).toBe('España');
  });
});
