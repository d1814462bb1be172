import { Form } from '../../../components/form/Form';
import { TextField } from '../../../components/form/TextField';
import { useFormValues } from '../../../components/form/useFormValues';
import type { FormErrorState } from '../../../lib/userErrors';

interface ForgotPasswordFormProps {
  onSubmit: (email: string) => void;
  errors: FormErrorState;
  submitting: boolean;
}

const FIELDS = ['email'];

/** The email address to send a set-password link to. */
export function ForgotPasswordForm({ onSubmit, errors, submitting }: ForgotPasswordFormProps) {
  const { values, text } = useFormValues({ email: '' }, errors);
  return (
    <Form
      label="Request a new password"
      errors={errors}
      shownFields={FIELDS}
      submitLabel="Send the link"
      busyLabel="Sending…"
      busy={submitting}
      onSubmit={() => {
        onSubmit(values.email.trim());
      }}
    >
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        required
        {...text('email')}
      />
    </Form>
  );
}
