import { useId } from 'react';
import { describedBy, FieldMessages } from './FieldMessages';

export interface RadioOption {
  value: string;
  label: string;
  /** Shown under the option's label, e.g. its price. */
  hint?: string | undefined;
  /** Why the option cannot be chosen; the option is disabled when given. */
  disabledReason?: string | undefined;
}

interface RadioGroupFieldProps {
  /** The group's name, read out with each option. */
  legend: string;
  value: string;
  options: readonly RadioOption[];
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
}

/** One choice among a few, all in view: radio buttons under a legend, with hints and an error message. */
export function RadioGroupField({ legend, value, options, onChange, hint, error }: RadioGroupFieldProps) {
  const id = useId();
  return (
    <fieldset
      className={error ? 'radio-group field--invalid' : 'radio-group'}
      aria-describedby={describedBy({ id, hint, error })}
    >
      <legend>{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {options.map((option) => (
        <RadioOptionRow
          key={option.value}
          name={id}
          option={option}
          checked={option.value === value}
          invalid={Boolean(error)}
          onChange={onChange}
        />
      ))}
    </fieldset>
  );
}

interface RadioOptionRowProps {
  name: string;
  option: RadioOption;
  checked: boolean;
  invalid: boolean;
  onChange: (value: string) => void;
}

function RadioOptionRow({ name, option, checked, invalid, onChange }: RadioOptionRowProps) {
  const id = useId();
  const hint = option.disabledReason ?? option.hint;
  return (
    <div className={option.disabledReason ? 'checkbox choice--disabled' : 'checkbox'}>
      <input
        id={id}
        type="radio"
        name={name}
        value={option.value}
        checked={checked}
        disabled={option.disabledReason !== undefined}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy({ id, hint })}
        onChange={() => {
          onChange(option.value);
        }}
      />
      <div>
        <label htmlFor={id}>{option.label}</label>
        <FieldMessages id={id} hint={hint} />
      </div>
    </div>
  );
}
