import { useState } from 'preact/hooks';
import { clipText, textLength } from '../../lib/rules/text';
import { MAX_NOTE_LENGTH, MAX_WIN_LENGTH, MOODS } from '../../lib/checkins';
import type { Checkin, HaltTag, Mood } from '../../lib/db/schema';
import { HALT_TAGS } from '../../lib/db/halt';
import { errorText } from '../i18n/errorText';
import type { AppServices } from '../../lib/services';
import type { DayKey } from '../../lib/days';
import { Alert } from '../ui/Alert';
import { fmt, words } from '../i18n';
import { dayText, Summary } from './TodayList';

// Today's list and the summary line live in TodayList.tsx: the popup shows them without the editor.
export { TodayList } from './TodayList';

interface EditProps {
  c: Checkin;
  services: AppServices;
  onDone: () => void;
}

function EditForm({ c, services, onDone }: EditProps) {
  const [mood, setMood] = useState<Mood>(c.mood);
  const [win, setWin] = useState(c.win);
  const [note, setNote] = useState(c.note ?? '');
  const [tags, setTags] = useState<HaltTag[]>(c.tags);
  const [error, setError] = useState<string | null>(null);
  const idBase = `edit-${c.id}`;

  async function submit(e: Event) {
    e.preventDefault();
    try {
      await services.checkins.update(c.id, { mood, win, note, tags });
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form class="edit-form" onSubmit={(e) => void submit(e)} aria-label={words.main.editForm}>
      <label for={`${idBase}-mood`}>{words.main.moodLabel}</label>
      <select id={`${idBase}-mood`} value={mood} onChange={(e) => setMood(Number(e.currentTarget.value) as Mood)}>
        {MOODS.map((m) => (
          <option key={m} value={m}>
            {words.main.mood(m)}
          </option>
        ))}
      </select>
      <label for={`${idBase}-win`}>{words.main.winLabel}</label>
      <input
        id={`${idBase}-win`}
        type="text"
        value={win}
        onInput={(e) => setWin((e.currentTarget.value = clipText(e.currentTarget.value, MAX_WIN_LENGTH)))}
      />
      <Alert message={textLength(win) >= MAX_WIN_LENGTH ? words.main.winAtLimit(MAX_WIN_LENGTH) : null} tone="info" />
      <label for={`${idBase}-note`}>{words.main.noteLabel}</label>
      <textarea
        id={`${idBase}-note`}
        rows={3}
        aria-describedby={`${idBase}-note-hint`}
        value={note}
        onInput={(e) => setNote((e.currentTarget.value = clipText(e.currentTarget.value, MAX_NOTE_LENGTH)))}
      />
      <p id={`${idBase}-note-hint`} class="hint">
        {words.main.noteHint}
      </p>
      <Alert message={textLength(note) >= MAX_NOTE_LENGTH ? words.main.winAtLimit(MAX_NOTE_LENGTH) : null} tone="info" />
      <fieldset class="halt">
        <legend>{words.main.haltLegend}</legend>
        {HALT_TAGS.map((tag) => (
          <label key={tag} class="check">
            <input
              type="checkbox"
              checked={tags.includes(tag)}
              onChange={(e) =>
                setTags(e.currentTarget.checked ? [...tags, tag] : tags.filter((x) => x !== tag))
              }
            />{' '}
            {words.main.halt[tag]}
          </label>
        ))}
      </fieldset>
      <Alert message={error} />
      <div class="row">
        <button type="submit">{words.main.save}</button>
        <button type="button" class="secondary" onClick={onDone}>
          {words.main.cancel}
        </button>
      </div>
    </form>
  );
}

/** Recent check-ins with their micro-wins, editable and deletable (the dashboard). */
export function CheckinList({
  items,
  services,
  today,
}: {
  items: Checkin[] | undefined;
  services: AppServices;
  today: DayKey;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timeZone = services.clock.timeZone();

  async function act(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">{words.main.recentHeading}</h2>
      <Alert message={error} />
      <div class="row" hidden={!deleted} role="status">
        {deleted && (
          <>
            <span>{words.main.deleted}</span>
            <button
              type="button"
              class="secondary"
              onClick={() => void act(async () => {
                await services.checkins.restore(deleted);
                setDeleted(null);
              })}
            >
              {words.main.undo}
            </button>
          </>
        )}
      </div>
      {items === undefined ? (
        <p>{words.main.loading}</p>
      ) : items.length === 0 ? (
        <p class="hint">{words.main.recentEmpty}</p>
      ) : (
        <ul class="entries" aria-label={words.main.recentList}>
          {items.map((c) => (
            <li key={c.id}>
              {editing === c.id ? (
                <EditForm c={c} services={services} onDone={() => setEditing(null)} />
              ) : (
                <div class="entry">
                  <Summary c={c} timeZone={timeZone} showDay today={today} />
                  <div class="row entry-actions">
                    <button
                      type="button"
                      class="secondary"
                      aria-label={words.main.editCheckin(dayText(c.day, today, true), fmt.time(c.at, timeZone))}
                      onClick={() => setEditing(c.id)}
                    >
                      {words.main.edit}
                    </button>
                    <button
                      type="button"
                      class="secondary"
                      aria-label={words.main.deleteCheckin(dayText(c.day, today, true), fmt.time(c.at, timeZone))}
                      onClick={() =>
                        void act(async () => {
                          await services.checkins.remove(c.id);
                          setDeleted(c.id);
                        })
                      }
                    >
                      {words.main.delete}
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
