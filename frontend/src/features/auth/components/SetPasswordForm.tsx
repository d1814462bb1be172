import { Form } from '../../../components/form/Form';
import { TextField } from '../../../components/form/TextField';
import { useClientChecks } from '../../../components/form/useClientChecks';
import { useFormValues } from '../../../components/form/useFormValues';
import type { FormErrorState } from '../../../lib/userErrors';
import { MIN_PASSWORD_LENGTH } from '../queries';

interface SetPasswordFormProps {
  onSubmit: (password: string) => void;
  /** The API's user errors; `password` is shown at the new password. */
  errors: FormErrorState;
  submitting: boolean;
}

const FIELDS = ['password', 'confirmation'];

/** What is wrong with the new password before it goes to the server: too short, or typed differently twice. */
export function newPasswordProblems(password: string, confirmation: string) {
  return {
    password:
      password.length < MIN_PASSWORD_LENGTH
        ? `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`
        : undefined,
    confirmation: confirmation !== password ? 'The two passwords are not the same.' : undefined,
  };
}

/** A new password, typed twice. */
export function SetPasswordForm({ onSubmit, errors, submitting }: SetPasswordFormProps) {
  const { errors: shown, check } = useClientChecks(errors);
  const { values, text } = useFormValues({ password: '', confirmation: '' }, shown);
  return (
    <Form
      label="Choose your password"
      errors={shown}
      shownFields={FIELDS}
      submitLabel="Save password and sign in"
      busyLabel="Saving…"
      busy={submitting}
      onSubmit={() => {
        if (check(newPasswordProblems(values.password, values.confirmation))) onSubmit(values.password);
      }}
    >
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
        {...text('password')}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        required
        {...text('confirmation')}
      />
    </Form>
  );
}
