import { useEffect, useRef } from 'react';
import { useToastOrNull } from './Toast';

interface SuccessMessageProps {
  message: string | null;
}

/**
 * A polite confirmation that something was done: a toast in the app. A view
 * rendered alone (no ToastProvider above) shows it in place instead, in a live
 * region that is always in the page so that screen readers announce it.
 */
export function SuccessMessage({ message }: SuccessMessageProps) {
  const toasts = useToastOrNull();
  const shown = useRef<string | null>(null);
  useEffect(() => {
    // once per message: a re-render (or React's strict double effect) does not repeat it
    if (toasts && message !== null && message !== shown.current) toasts.show(message);
    shown.current = message;
  }, [toasts, message]);

  if (toasts) return null;
  return (
    <div role="status" className={message ? 'success' : undefined}>
      {message && <p>{message}</p>}
    </div>
  );
}
