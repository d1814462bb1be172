import { useId, type TextareaHTMLAttributes } from 'react';
import { describedBy, FieldMessages } from '../../../components/form/FieldMessages';

type TextAreaProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'
>;

interface TextAreaFieldProps extends TextAreaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  /** Adds "(optional)" to the label. */
  optional?: boolean;
}

/** A labelled text area (several lines) with its hint and error message, as TextField is for one line. */
export function TextAreaField({
  label,
  value,
  onChange,
  hint,
  error,
  optional = false,
  ...textarea
}: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea
        {...textarea}
        id={id}
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
