import { Form } from '../../../components/form/Form';
import { NewPasswordFields, newPasswordProblems } from '../../../components/form/NewPasswordFields';
import { TextField } from '../../../components/form/TextField';
import { useClientChecks } from '../../../components/form/useClientChecks';
import { useFormValues } from '../../../components/form/useFormValues';
import type { ChangePasswordInput } from '../../../gql/graphql';
import type { FormErrorState } from '../../../lib/userErrors';

interface ChangePasswordFormProps {
  onSubmit: (input: ChangePasswordInput) => void;
  /** The API's user errors, shown at `currentPassword` and `newPassword`. */
  errors: FormErrorState;
  submitting: boolean;
}

const FIELDS = ['currentPassword', 'newPassword', 'confirmation'];

/** The current password, and the new one typed twice. */
export function ChangePasswordForm({ onSubmit, errors, submitting }: ChangePasswordFormProps) {
  const { errors: shown, check } = useClientChecks(errors);
  const { values, text } = useFormValues({ currentPassword: '', newPassword: '', confirmation: '' }, shown);
  return (
    <Form
      label="Change password"
      errors={shown}
      shownFields={FIELDS}
      submitLabel="Change password"
      busyLabel="Changing…"
      busy={submitting}
      onSubmit={() => {
        const { password, confirmation } = newPasswordProblems(values.newPassword, values.confirmation);
        const ok = check({
          currentPassword: values.currentPassword === '' ? 'Enter the password you use today.' : undefined,
          newPassword: password,
          confirmation,
        });
        if (ok) onSubmit({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      }}
    >
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        {...text('currentPassword')}
      />
      <NewPasswordFields password={text('newPassword')} confirmation={text('confirmation')} />
    </Form>
  );
}
