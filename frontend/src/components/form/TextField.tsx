import { useId, type InputHTMLAttributes } from 'react';
import { controlAttributes, FieldFrame, type FieldFrameProps } from './FieldFrame';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'
>;

interface TextFieldProps extends InputProps, FieldFrameProps {
  value: string;
  onChange: (value: string) => void;
}

/** A labelled text input with its hint and error message. */
export function TextField({ label, value, onChange, hint, error, optional, type = 'text', ...input }: TextFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <input
        {...input}
        {...controlAttributes({ id, hint, error })}
        type={type}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </FieldFrame>
  );
}
