import { Link } from 'react-router';
import { Form } from '../../../components/form/Form';
import { TextField } from '../../../components/form/TextField';
import { useFormValues } from '../../../components/form/useFormValues';
import type { FormErrorState } from '../../../lib/userErrors';

export interface Credentials {
  email: string;
  password: string;
}

interface LoginFormProps {
  onSubmit: (credentials: Credentials) => void;
  errors: FormErrorState;
  submitting: boolean;
}

const FIELDS = ['email', 'password'];

/** Email and password, with the way to a new password for those who forgot theirs. */
export function LoginForm({ onSubmit, errors, submitting }: LoginFormProps) {
  const { values, text } = useFormValues<Credentials>({ email: '', password: '' }, errors);
  return (
    <>
      <Form
        label="Sign in"
        errors={errors}
        shownFields={FIELDS}
        submitLabel="Sign in"
        busyLabel="Signing in…"
        busy={submitting}
        onSubmit={() => {
          onSubmit({ email: values.email.trim(), password: values.password });
        }}
      >
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          {...text('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          {...text('password')}
        />
      </Form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </>
  );
}
