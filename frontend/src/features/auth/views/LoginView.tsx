import { useSearchParams } from 'react-router';
import type { LoginMutation } from '../../../gql/graphql';
import { useFormMutation } from '../../../lib/useFormMutation';
import { useStartOver } from '../../../session/useStartOver';
import { AuthPanel } from '../components/AuthPanel';
import { LoginForm } from '../components/LoginForm';
import { loginMutation } from '../queries';

const payloadOf = (data: LoginMutation) => data.login;

/**
 * The login page. Once signed in, the session starts over and the app goes on
 * to the page the user was going to (the `next` parameter).
 */
export default function LoginView() {
  const [searchParams] = useSearchParams();
  const startOver = useStartOver();
  const { submit, submitting, errors } = useFormMutation(loginMutation, payloadOf);
  const returning = searchParams.has('next');

  return (
    <AuthPanel
      title="Sign in"
      lead={
        returning
          ? 'Sign in to continue to the page you asked for.'
          : 'Sign in to the Partner Portal with your work email.'
      }
    >
      <LoginForm
        submitting={submitting}
        errors={errors}
        onSubmit={(input) => {
          void submit({ input }).then((payload) => {
            if (payload) startOver();
          });
        }}
      />
    </AuthPanel>
  );
}
