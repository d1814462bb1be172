import { Form } from '../../../components/form/Form';
import { NewPasswordFields, newPasswordProblems } from '../../../components/form/NewPasswordFields';
import { useClientChecks } from '../../../components/form/useClientChecks';
import { useFormValues } from '../../../components/form/useFormValues';
import type { FormErrorState } from '../../../lib/userErrors';

interface SetPasswordFormProps {
  onSubmit: (password: string) => void;
  /** The API's user errors; `password` is shown at the new password. */
  errors: FormErrorState;
  submitting: boolean;
}

const FIELDS = ['password', 'confirmation'];

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
      <NewPasswordFields password={text('password')} confirmation={text('confirmation')} />
    </Form>
  );
}
