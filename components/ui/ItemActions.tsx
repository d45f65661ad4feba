import { words } from '../i18n';
import { refocusArrows } from './UndoStatus';

interface Props {
  /** Prefix of the buttons' ids (e.g. `plan`), which other code focuses by id. */
  prefix: string;
  id: string;
  /** How the item is named in the buttons' labels, e.g. `“Honesty”` or `Sam`. */
  name: string;
  index: number;
  count: number;
  onEdit: () => void;
  /** Moves the item; focus stays on its arrows afterwards. */
  onMove: (by: -1 | 1) => Promise<unknown>;
  onDelete: () => void;
  run: (work: Promise<unknown>, then?: () => void) => void;
}

/** Edit, move up, move down and delete, as every ordered list of the plan view offers them. */
export function ItemActions({ prefix, id, name, index, count, onEdit, onMove, onDelete, run }: Props) {
  const up = `${prefix}-up-${id}`;
  const down = `${prefix}-down-${id}`;
  return (
    <span class="row">
      <button id={`${prefix}-edit-${id}`} type="button" class="secondary" onClick={onEdit} aria-label={words.main.editItem(name)}>
        {words.main.edit}
      </button>
      <button id={up} type="button" class="secondary" disabled={index === 0} onClick={() => run(onMove(-1), () => refocusArrows(up, down, 'up'))} aria-label={words.main.moveUp(name)}>
        ↑
      </button>
      <button id={down} type="button" class="secondary" disabled={index === count - 1} onClick={() => run(onMove(1), () => refocusArrows(up, down, 'down'))} aria-label={words.main.moveDown(name)}>
        ↓
      </button>
      <button type="button" class="secondary" onClick={onDelete} aria-label={words.main.deleteItem(name)}>
        {words.main.delete}
      </button>
    </span>
  );
}
