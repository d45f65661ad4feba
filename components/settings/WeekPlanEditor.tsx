import { useRef } from 'preact/hooks';
import type { Weekday } from '../../lib/days';
import { words } from '../i18n';
import { copyMonday, FORM_WEEK, newWindow, type WeekDraft, type WindowDraft } from './weekPlanDraft';

interface Props {
  week: WeekDraft;
  onChange: (week: WeekDraft, note?: string) => void;
  /** Where the last save found a problem (weekday → window indexes), marked as invalid. */
  invalid: ReadonlyMap<Weekday, ReadonlySet<number>>;
}

/** The reminder windows of each weekday: add, change and remove them, one fieldset per day. */
export function WeekPlanEditor({ week, onChange, invalid }: Props) {
  const w = words.settings.week;
  // Keyboard focus follows the change: to a new window's start, or after a removal to the day's
  // add button (never lost to the top of the page).
  const focusNext = useRef<string | null>(null);
  const focusIf = (id: string) => (el: HTMLElement | null) => {
    if (el && focusNext.current === id) {
      focusNext.current = null;
      el.focus();
    }
  };
  const setDay = (day: Weekday, windows: WindowDraft[]) => onChange(week.map((d, i) => (i === day ? windows : d)));
  const changeWindow = (day: Weekday, key: number, patch: Partial<WindowDraft>) =>
    setDay(day, (week[day] ?? []).map((x) => (x.key === key ? { ...x, ...patch } : x)));

  return (
    <fieldset class="week-plan">
      <legend>{w.legend}</legend>
      <p class="hint">{w.hint}</p>
      <div class="row">
        <button type="button" class="secondary" aria-describedby="copy-monday-hint" onClick={() => onChange(copyMonday(week), w.copied)}>
          {w.copyMonday}
        </button>
      </div>
      <p class="hint" id="copy-monday-hint">
        {w.copyMondayHint}
      </p>
      {FORM_WEEK.map((day) => {
        const windows = week[day] ?? [];
        return (
          <fieldset key={day} class="week-day">
            <legend>{words.settings.weekdays[day]}</legend>
            {windows.length === 0 && <p class="hint">{w.noWindows}</p>}
            {windows.map((x, i) => {
              const bad = invalid.get(day)?.has(i) === true;
              return (
                <div class="window-row" key={x.key} role="group" aria-label={w.windowGroup(day, i + 1)}>
                  <label>
                    {w.starts}{' '}
                    <input
                      type="time"
                      ref={focusIf(`window-${x.key}`)}
                      aria-label={w.windowStarts(day, i + 1)}
                      aria-invalid={bad || undefined}
                      value={x.start}
                      onInput={(e) => changeWindow(day, x.key, { start: e.currentTarget.value })}
                    />
                  </label>
                  <label>
                    {w.ends}{' '}
                    <input
                      type="time"
                      aria-label={w.windowEnds(day, i + 1)}
                      aria-invalid={bad || undefined}
                      value={x.end}
                      onInput={(e) => changeWindow(day, x.key, { end: e.currentTarget.value })}
                    />
                  </label>
                  <label class="check">
                    <input
                      type="checkbox"
                      aria-label={w.windowOvernight(day, i + 1)}
                      checked={x.overnight}
                      onChange={(e) => changeWindow(day, x.key, { overnight: e.currentTarget.checked })}
                    />{' '}
                    {words.settings.overnight}
                  </label>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={w.removeWindow(day, i + 1)}
                    onClick={() => {
                      focusNext.current = `add-${day}`;
                      setDay(day, windows.filter((y) => y.key !== x.key));
                    }}
                  >
                    {words.settings.remove}
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              class="secondary"
              ref={focusIf(`add-${day}`)}
              aria-label={w.addWindowOn(day)}
              onClick={() => {
                const added = newWindow(windows);
                focusNext.current = `window-${added.key}`;
                setDay(day, [...windows, added]);
              }}
            >
              {w.addWindow}
            </button>
          </fieldset>
        );
      })}
    </fieldset>
  );
}
