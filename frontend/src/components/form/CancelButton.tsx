interface CancelButtonProps {
  onCancel: () => void;
}

/** A form's Cancel button: leaves the form without sending it. */
export function CancelButton({ onCancel }: CancelButtonProps) {
  return (
    <button type="button" className="button-secondary" onClick={onCancel}>
      Cancel
    </button>
  );
}
