import { MIN_PASSPHRASE } from '../../lib/backup/files';
import { words } from '../i18n';
import { PassphraseField } from '../ui/PassphraseField';

/** A passphrase being chosen for a file or link of the person's data (backup, transfer). */
export function NewPassphrase({ id, value, onInput }: { id: string; value: string; onInput: (value: string) => void }) {
  return (
    <PassphraseField
      id={id}
      label={words.data.passphraseLabel}
      hint={words.data.passphraseHint(MIN_PASSPHRASE)}
      showLabel={words.data.showPassphrase}
      hideLabel={words.data.hidePassphrase}
      autoComplete="new-password"
      value={value}
      onInput={onInput}
    />
  );
}
