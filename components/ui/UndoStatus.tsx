import { useEffect, useRef } from 'preact/hooks';
import { words } from '../i18n';

export interface UndoState {
  message: string;
  /** The id to restore, when the message is about a delete. */
  undo?: string;
}

/**
 * The message after an action, with Undo after a delete. Undo takes the focus at once, since
 * the button that was pressed has just disappeared with its item.
 */
export function UndoStatus({ status, onUndo }: { status: UndoState | null; onUndo: (id: string) => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (status?.undo) button.current?.focus();
  }, [status]);
  return (
    <div class="row" role="status">
      {status?.message}
      {status?.undo && (
        <button ref={button} type="button" class="secondary" onClick={() => onUndo(status.undo!)}>
          {words.main.undo}
        </button>
      )}
    </div>
  );
}

/** After a move, keeps the focus on the moved item's arrows even when one becomes disabled. */
export function refocusArrows(upId: string, downId: string, pressed: 'up' | 'down'): void {
  requestAnimationFrame(() => {
    const up = document.getElementById(upId) as HTMLButtonElement | null;
    const down = document.getElementById(downId) as HTMLButtonElement | null;
    const first = pressed === 'up' ? up : down;
    const other = pressed === 'up' ? down : up;
    (first && !first.disabled ? first : other)?.focus();
  });
}

/** Focuses an element by id after the next render (e.g. a heading after an undo). */
export function focusLater(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
