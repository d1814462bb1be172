import { useId } from 'react';

/** One action on a license: its button, or why it cannot be done now. */
export interface ModificationAction {
  label: string;
  /** Why it cannot be done now; the button stays focusable and says so. */
  unavailableReason?: string | undefined;
  onStart: () => void;
}

/** The buttons that change a license (Upgrade, Buy add-ons, Renew M&S), each with why it is not available. */
export function ModificationActions({ actions }: { actions: readonly ModificationAction[] }) {
  return (
    <ul className="modification-actions">
      {actions.map((action) => (
        <ActionItem key={action.label} action={action} />
      ))}
    </ul>
  );
}

function ActionItem({ action }: { action: ModificationAction }) {
  const reasonId = useId();
  const unavailable = action.unavailableReason !== undefined;
  return (
    <li>
      <button
        type="button"
        className="button-secondary"
        aria-disabled={unavailable}
        aria-describedby={unavailable ? reasonId : undefined}
        onClick={() => {
          if (!unavailable) action.onStart();
        }}
      >
        {action.label}
      </button>
      {unavailable && (
        <p id={reasonId} className="field-hint">
          {action.unavailableReason}
        </p>
      )}
    </li>
  );
}
