import type { Ref } from 'preact';
import { useState } from 'preact/hooks';

interface Props {
  /** The input's id; the hint's id is `${id}-hint`. */
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Shown under the field and read with it. */
  hint?: string;
  /** The toggle's words, e.g. "Show" and "Hide" (the catalogue's). */
  showLabel: string;
  hideLabel: string;
  /** 'new-password' where a passphrase is made, 'off' where one is typed to open something. */
  autoComplete?: 'new-password' | 'current-password' | 'off';
  inputRef?: Ref<HTMLInputElement>;
  /** Marks the field wrong and points at the message that says why. */
  errorId?: string | null;
}

/**
 * A passphrase input with a button that shows or hides what was typed. One element whose
 * type changes keeps focus and the caret; the words come from the caller's catalogue section.
 */
export function PassphraseField({ id, label, value, onInput, hint, showLabel, hideLabel, autoComplete = 'off', inputRef, errorId }: Props) {
  const [shown, setShown] = useState(false);
  const described = [hint ? `${id}-hint` : null, errorId ?? null].filter(Boolean).join(' ') || undefined;
  return (
    <div class="passphrase-field">
      <label for={id}>{label}</label>
      <div class="row">
        <input
          id={id}
          ref={inputRef}
          // Preact's types model the two types apart.
          type={(shown ? 'text' : 'password') as 'text'}
          autoComplete={autoComplete}
          autoCapitalize="off"
          spellcheck={false}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={described}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <button type="button" class="secondary" aria-controls={id} onClick={() => setShown(!shown)}>
          {shown ? hideLabel : showLabel}
        </button>
      </div>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
