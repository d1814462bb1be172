import type { ReactNode } from 'react';
import type { FormErrorState } from '../../lib/userErrors';
import { FormErrors } from './FormErrors';
import { SubmitButton } from './SubmitButton';

interface FormProps {
  /** The form's accessible name, e.g. "Add a person". */
  label: string;
  onSubmit: () => void;
  errors: FormErrorState;
  /** The fields the form shows; errors of any other field are listed at the top. */
  shownFields: readonly string[];
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  children: ReactNode;
  /** Buttons beside the submit button, such as Cancel. */
  actions?: ReactNode;
}

/**
 * A form the browser does not validate itself: every message comes from the
 * form's own checks or from the API's user errors, next to its field.
 */
export function Form({
  label,
  onSubmit,
  errors,
  shownFields,
  submitLabel,
  busyLabel,
  busy,
  children,
  actions,
}: FormProps) {
  return (
    <form
      className="form"
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onSubmit();
      }}
    >
      <FormErrors errors={errors} shownFields={shownFields} />
      {children}
      <div className="form-actions">
        <SubmitButton label={submitLabel} busyLabel={busyLabel} busy={busy} />
        {actions}
      </div>
    </form>
  );
}
