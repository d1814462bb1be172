interface SuccessMessageProps {
  message: string | null;
}

/**
 * A polite confirmation that something was done. The live region is always
 * in the page so that screen readers announce the message when it appears.
 */
export function SuccessMessage({ message }: SuccessMessageProps) {
  return (
    <div role="status" className={message ? 'success' : undefined}>
      {message && <p>{message}</p>}
    </div>
  );
}
