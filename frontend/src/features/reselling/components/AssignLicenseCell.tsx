interface AssignLicenseCellProps {
  /** What the button assigns, read out after its label: a license's key, or "to" a customer's email. */
  subject: string;
  onAssign: () => void;
}

/** A row's Assign license button, in a cell of its own (for roles that may assign licenses). */
export function AssignLicenseCell({ subject, onAssign }: AssignLicenseCellProps) {
  return (
    <td>
      <button type="button" className="button-secondary nowrap" onClick={onAssign}>
        Assign license<span className="visually-hidden"> {subject}</span>
      </button>
    </td>
  );
}
