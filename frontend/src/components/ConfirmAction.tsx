import { useEffect, useId, useRef, useState } from 'react';

interface ConfirmActionProps {
  /** The button that asks first, e.g. "Remove". */
  label: string;
  /** What the action is about, read out with the button: "Remove Bianca Billing". */
  subject: string;
  /** The question, e.g. "Remove Bianca Billing? Their login stops working at once." */
  question: string;
  /** The button that does it, e.g. "Yes, remove". */
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
}

/**
 * A destructive action that asks for confirmation in place: the button turns
 * into the question with a confirm and a cancel button, focus on the cancel
 * button (the safe choice); cancelling puts focus back on the button.
 */
export function ConfirmAction({
  label,
  subject,
  question,
  confirmLabel,
  busy = false,
  onConfirm,
}: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (wasAsking.current) trigger.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={trigger}
        type="button"
        className="button-secondary button-danger"
        onClick={() => {
          setAsking(true);
        }}
      >
        {label}
        <span className="visually-hidden"> {subject}</span>
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId}>{question}</p>
      <button
        type="button"
        className="button-danger"
        aria-disabled={busy}
        onClick={() => {
          if (busy) return;
          setAsking(false);
          onConfirm();
        }}
      >
        {busy ? 'Working…' : confirmLabel}
      </button>
      <button
        ref={cancel}
        type="button"
        className="button-secondary"
        onClick={() => {
          setAsking(false);
        }}
      >
        Cancel
      </button>
    </div>
  );
}
