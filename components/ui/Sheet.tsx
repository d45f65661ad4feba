import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { words } from '../i18n';

interface Props {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** A line under the title, e.g. a warm word before a reflection. */
  intro?: ComponentChildren;
}

/**
 * A modal sheet on the native <dialog>: the browser traps focus inside, Escape closes it,
 * and focus returns to the control that opened it.
 */
export function Sheet({ title, onClose, children, intro }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="sheet"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div class="sheet-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" class="secondary" onClick={onClose}>
          {words.main.close}
        </button>
      </div>
      {intro}
      {children}
    </dialog>
  );
}
