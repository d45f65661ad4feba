interface Props {
  message: string | null;
  tone?: 'error' | 'info';
}

/**
 * A live region that stays in the page (empty when there is nothing to say), so screen
 * readers announce a message the moment it appears.
 */
export function Alert({ message, tone = 'error' }: Props) {
  return (
    <p class={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {message ?? ''}
    </p>
  );
}
