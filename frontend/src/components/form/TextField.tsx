import { useId, type InputHTMLAttributes } from 'react';
import { describedBy, FieldMessages } from './FieldMessages';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'
>;

interface TextFieldProps extends InputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  /** Adds "(optional)" to the label. */
  optional?: boolean;
}

/** A labelled text input with its hint and error message. */
export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  optional = false,
  type = 'text',
  ...input
}: TextFieldProps) {
  const id = useId();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        {...input}
        id={id}
        type={type}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, hint, error })}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}
