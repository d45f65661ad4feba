interface Props {
  message: string | null;
  tone?: 'error' | 'info';
}

/** A live region that is always in the page, so screen readers announce new messages. */
export function Alert({ message, tone = 'error' }: Props) {
  return (
    <p class={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'} hidden={!message}>
      {message}
    </p>
  );
}
