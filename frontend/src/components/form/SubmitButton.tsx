interface SubmitButtonProps {
  label: string;
  /** Shown while the form is being sent, e.g. "Saving…". */
  busyLabel: string;
  busy: boolean;
}

/**
 * A form's submit button. While the form is being sent it stays focusable
 * (so focus is not lost) but does nothing.
 */
export function SubmitButton({ label, busyLabel, busy }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      aria-disabled={busy}
      onClick={(event) => {
        if (busy) event.preventDefault();
      }}
    >
      {busy ? busyLabel : label}
    </button>
  );
}
