import { useState } from 'react';
import { Link } from 'react-router';
import { SuccessMessage } from '../../../components/SuccessMessage';
import type { RequestPasswordResetMutation } from '../../../gql/graphql';
import { useFormMutation } from '../../../lib/useFormMutation';
import { AuthPanel } from '../components/AuthPanel';
import { ForgotPasswordForm } from '../components/ForgotPasswordForm';
import { requestPasswordResetMutation } from '../queries';

const payloadOf = (data: RequestPasswordResetMutation) => data.requestPasswordReset;

/**
 * Asks for a link to choose a new password. The answer is the same whether
 * or not the address has a login, so the page tells nobody which addresses do.
 */
export default function ForgotPasswordView() {
  const { submit, submitting, errors } = useFormMutation(requestPasswordResetMutation, payloadOf);
  const [sentTo, setSentTo] = useState<string | null>(null);

  return (
    <AuthPanel
      title="Forgot your password?"
      lead="Enter the email address you sign in with. We will send a link to choose a new password."
    >
      <SuccessMessage
        message={
          sentTo &&
          `If ${sentTo} has a login, a link to choose a new password is on its way. ` +
            'Check your inbox; the link works once.'
        }
      />
      {sentTo === null && (
        <ForgotPasswordForm
          submitting={submitting}
          errors={errors}
          onSubmit={(email) => {
            void submit({ input: { email } }).then((payload) => {
              if (payload) setSentTo(email);
            });
          }}
        />
      )}
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </AuthPanel>
  );
}
