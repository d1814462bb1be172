import { useCallback, useState } from 'react';
import { NO_ERRORS, type FormErrorState } from '../../lib/userErrors';

type KeysOf<Values, Type> = { [Key in keyof Values]: Values[Key] extends Type ? Key : never }[keyof Values] &
  string;

/**
 * A form's values in one object, with a setter per field (`set('email')` is
 * the email field's `onChange`) and the props that tie a field to its value
 * and its error: `<TextField label="Email" {...text('email')} />`.
 */
export function useFormValues<Values extends object>(
  initial: Values | (() => Values),
  errors: FormErrorState = NO_ERRORS,
) {
  const [values, setValues] = useState<Values>(initial);
  const set = useCallback(
    <Name extends keyof Values>(name: Name) =>
      (value: Values[Name]) => {
        setValues((previous) => ({ ...previous, [name]: value }));
      },
    [],
  );

  /** Value, onChange and error of a text field. */
  function text(name: KeysOf<Values, string>) {
    return {
      value: values[name] as string,
      onChange: set(name) as (value: string) => void,
      error: errors.fields[name],
    };
  }

  /** Checked, onChange and error of a checkbox. */
  function checkbox(name: KeysOf<Values, boolean>) {
    return {
      checked: values[name] as boolean,
      onChange: set(name) as (checked: boolean) => void,
      error: errors.fields[name],
    };
  }

  return { values, set, setValues, text, checkbox };
}
