import { describe, expect, it } from 'vitest';
import { copyMonday, fromAwayDraft, fromWeekDraft, newWindow, toWeekDraft, type WindowDraft } from '../../components/settings/weekPlanDraft';
import { DEFAULT_SETTINGS, validateSettings, type TimeWindow } from '../../lib/settings';

// The settings form's week plan draft: what the inputs hold, and the plan they make.

const win = (start: number, end: number, overnight = false): TimeWindow => ({ start, end, overnight });
const row = (start: string, end: string, overnight = false): WindowDraft => ({ key: Math.random(), start, end, overnight });

describe('the week plan draft', () => {
  it('round-trips a plan through the inputs, midnight as an end included', () => {
    const plan = [[win(1320, 360, true)], [win(540, 1020)], [win(0, 1440)], [], [win(420, 660), win(960, 1200)], [], [win(1320, 0, true)]];
    const draft = toWeekDraft(plan);
    expect(draft[2]![0]).toMatchObject({ start: '00:00', end: '00:00', overnight: false });
    expect(draft[6]![0]).toMatchObject({ start: '22:00', end: '00:00', overnight: true });
    expect(fromWeekDraft(draft)).toEqual({ weekPlan: plan, problems: [] });
  });

  it('names each window whose times are not filled in by its day and place', () => {
    const draft = toWeekDraft(DEFAULT_SETTINGS.weekPlan);
    draft[3] = [row('09:00', '12:00'), row('', '17:00')];
    expect(fromWeekDraft(draft).problems).toEqual([{ field: 'weekPlan', code: 'settings.windowIncomplete', day: 3, index: 1 }]);
  });

  it('copies Monday to Tuesday to Friday only, each copy a row of its own', () => {
    const draft = toWeekDraft([[win(600, 720)], [win(420, 660), win(1320, 360, true)], [], [win(60, 120)], [], [], [win(600, 900)]]);
    const copied = copyMonday(draft);
    const plan = fromWeekDraft(copied).weekPlan;
    for (const day of [1, 2, 3, 4, 5]) expect(plan[day]).toEqual([win(420, 660), win(1320, 360, true)]);
    expect(plan[0]).toEqual([win(600, 720)]);
    expect(plan[6]).toEqual([win(600, 900)]);
    const keys = copied.flat().map((w) => w.key);
    expect(new Set(keys).size).toBe(keys.length);
    // Monday's night shift now runs into Tuesday to Saturday mornings, which have no overlap here.
    expect(validateSettings({ ...DEFAULT_SETTINGS, weekPlan: plan })).toEqual([]);
  });

  it('a new window follows the day’s last one when there is room, else is 09:00–17:00', () => {
    expect(newWindow([])).toMatchObject({ start: '09:00', end: '17:00', overnight: false });
    expect(newWindow([row('08:00', '12:00')])).toMatchObject({ start: '13:00', end: '16:00' });
    expect(newWindow([row('14:00', '20:00')])).toMatchObject({ start: '21:00', end: '00:00' });
    expect(newWindow([row('14:00', '22:00')])).toMatchObject({ start: '09:00', end: '17:00' });
    // A day with a new window after its last stays valid.
    const plan = fromWeekDraft([[], [row('08:00', '12:00'), newWindow([row('08:00', '12:00')])], [], [], [], [], []]).weekPlan;
    expect(validateSettings({ ...DEFAULT_SETTINGS, weekPlan: plan })).toEqual([]);
  });

  it('away ranges are taken as typed, for the rules to judge', () => {
    expect(fromAwayDraft([{ key: 1, from: ' 2026-08-01', to: '' }])).toEqual([{ from: '2026-08-01', to: '' }]);
    expect(validateSettings({ ...DEFAULT_SETTINGS, away: fromAwayDraft([{ key: 1, from: '2026-08-01', to: '' }]) })).toEqual([
      { field: 'away', code: 'settings.awayIncomplete', index: 0 },
    ]);
  });
});
