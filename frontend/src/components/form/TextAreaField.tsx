import { useId, type TextareaHTMLAttributes } from 'react';
import { controlAttributes, FieldFrame, type FieldFrameProps } from './FieldFrame';

type TextAreaProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'
>;

interface TextAreaFieldProps extends TextAreaProps, FieldFrameProps {
  value: string;
  onChange: (value: string) => void;
}

/** A labelled text area (several lines) with its hint and error message. */
export function TextAreaField({ label, value, onChange, hint, error, optional, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        {...textarea}
        {...controlAttributes({ id, hint, error })}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </FieldFrame>
  );
}
