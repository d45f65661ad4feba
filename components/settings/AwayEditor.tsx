import { useRef } from 'preact/hooks';
import { awayRangeOn } from '../../lib/settings';
import type { DayKey } from '../../lib/days';
import { words } from '../i18n';
import { newKey, type AwayDraft } from './weekPlanDraft';

interface Props {
  away: AwayDraft[];
  onChange: (away: AwayDraft[]) => void;
  /** The person's day now, to mark a range that is on or over. */
  today: DayKey;
  /** Ranges the last save found a problem with (their indexes), marked as invalid. */
  invalid: ReadonlySet<number>;
}

/** "Away from … to …": date ranges with no reminders, added and removed without touching the times. */
export function AwayEditor({ away, onChange, today, invalid }: Props) {
  const w = words.settings.week;
  // Focus follows the change, as in the week plan: to a new range's first day, or to the add button.
  const focusNext = useRef<string | null>(null);
  const focusIf = (id: string) => (el: HTMLElement | null) => {
    if (el && focusNext.current === id) {
      focusNext.current = null;
      el.focus();
    }
  };
  const change = (key: number, patch: Partial<AwayDraft>) => onChange(away.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset class="away">
      <legend>{w.awayLegend}</legend>
      <p class="hint">{w.awayHint}</p>
      {away.length === 0 && <p class="hint">{w.awayNone}</p>}
      {away.map((r, i) => {
        const bad = invalid.has(i);
        const on = r.from !== '' && r.to !== '' && awayRangeOn(today, [r]) !== null;
        const over = r.to !== '' && r.to < today;
        return (
          <div class="window-row" key={r.key} role="group" aria-label={w.awayGroup(i + 1)}>
            <label>
              {w.awayFrom}{' '}
              <input
                type="date"
                ref={focusIf(`away-${r.key}`)}
                aria-label={w.awayFromName(i + 1)}
                aria-invalid={bad || undefined}
                value={r.from}
                onInput={(e) => change(r.key, { from: e.currentTarget.value })}
              />
            </label>
            <label>
              {w.awayTo}{' '}
              <input
                type="date"
                aria-label={w.awayToName(i + 1)}
                aria-invalid={bad || undefined}
                min={r.from || undefined}
                value={r.to}
                onInput={(e) => change(r.key, { to: e.currentTarget.value })}
              />
            </label>
            {(on || over) && <span class="tag">{on ? w.awayNow : w.awayOver}</span>}
            <button
              type="button"
              class="secondary"
              aria-label={w.removeAway(i + 1)}
              onClick={() => {
                focusNext.current = 'add-away';
                onChange(away.filter((x) => x.key !== r.key));
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
        ref={focusIf('add-away')}
        onClick={() => {
          const key = newKey();
          focusNext.current = `away-${key}`;
          onChange([...away, { key, from: today, to: today }]);
        }}
      >
        {w.addAway}
      </button>
    </fieldset>
  );
}
