import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { SetPasswordMutation } from '../../../gql/graphql';
import { useFormMutation } from '../../../lib/useFormMutation';
import { useStartOver } from '../../../session/useStartOver';
import { AuthPanel } from '../components/AuthPanel';
import { SetPasswordForm } from '../components/SetPasswordForm';
import { setPasswordMutation } from '../queries';

const INCOMPLETE_LINK =
  'This link is incomplete: it has no token. Open the link from the email again, or ask for a new one.';

const payloadOf = (data: SetPasswordMutation) => data.setPassword;

/**
 * The page of an invitation or password-reset link (`/set-password?token=…`):
 * a new password signs the user in and opens the dashboard.
 */
export default function SetPasswordView() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const startOver = useStartOver();
  const { submit, submitting, errors } = useFormMutation(setPasswordMutation, payloadOf);

  return (
    <AuthPanel title="Choose your password" lead="Choose the password you will sign in with.">
      {token === '' ? (
        <ErrorAlert message={INCOMPLETE_LINK} />
      ) : (
        <SetPasswordForm
          submitting={submitting}
          errors={errors}
          onSubmit={(password) => {
            void submit({ input: { token, password } }).then((payload) => {
              if (payload) startOver('/');
            });
          }}
        />
      )}
      <p>
        Link expired or used already? <Link to="/forgot-password">Ask for a new link</Link>.
      </p>
    </AuthPanel>
  );
}
