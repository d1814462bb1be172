import { useId } from 'react';
import { describedBy, FieldMessages } from './FieldMessages';

export interface SelectOption {
  value: string;
  label: string;
}

/** Options under a heading of their own (an `optgroup`). */
export interface SelectOptionGroup {
  group: string;
  options: readonly SelectOption[];
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly (SelectOption | SelectOptionGroup)[];
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  disabled?: boolean;
  name?: string;
}

function Option({ value, label }: SelectOption) {
  return <option value={value}>{label}</option>;
}

/** A labelled drop-down, its options optionally in groups, with its hint and error message. */
export function SelectField({ label, value, options, onChange, hint, error, disabled, name }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, hint, error })}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {options.map((option) =>
          'group' in option ? (
            <optgroup key={`group:${option.group}`} label={option.group}>
              {option.options.map((inGroup) => (
                <Option key={inGroup.value} {...inGroup} />
              ))}
            </optgroup>
          ) : (
            <Option key={option.value} {...option} />
          ),
        )}
      </select>
    </div>
  );
}
