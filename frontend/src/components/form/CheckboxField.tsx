import { useId } from 'react';
import { describedBy, FieldMessages } from './FieldMessages';

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string | undefined;
  error?: string | undefined;
  disabled?: boolean;
}

/** A checkbox with its label beside it, and its hint and error message. */
export function CheckboxField({ label, checked, onChange, hint, error, disabled }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className={error ? 'checkbox field--invalid' : 'checkbox'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, hint, error })}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <FieldMessages id={id} hint={hint} error={error} />
      </div>
    </div>
  );
}
