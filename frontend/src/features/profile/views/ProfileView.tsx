import { useState } from 'react';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { SuccessMessage } from '../../../components/SuccessMessage';
import type { ChangePasswordMutation } from '../../../gql/graphql';
import { useFormMutation } from '../../../lib/useFormMutation';
import { useViewer } from '../../../session/ViewerContext';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { ProfileSummary } from '../components/ProfileSummary';
import { changePasswordMutation } from '../queries';

const payloadOf = (data: ChangePasswordMutation) => data.changePassword;
const CHANGED =
  'Your password was changed. Your other sessions were signed out; you stay signed in here.';

/** The signed-in user's own page: who they are, and changing their password. */
export default function ProfileView() {
  const viewer = useViewer();
  const { submit, submitting, errors } = useFormMutation(changePasswordMutation, payloadOf);
  const [message, setMessage] = useState<string | null>(null);
  // A new form after each change, so that no password stays in its fields.
  const [formKey, setFormKey] = useState(0);

  return (
    <Page title="Your profile">
      <ProfileSummary viewer={viewer} />
      <Panel title="Change password">
        <p>Changing your password signs you out everywhere else: other browsers and devices.</p>
        <SuccessMessage message={message} />
        <ChangePasswordForm
          key={formKey}
          errors={errors}
          submitting={submitting}
          onSubmit={(input) => {
            setMessage(null);
            void submit({ input }).then((payload) => {
              if (!payload) return;
              setMessage(CHANGED);
              setFormKey((key) => key + 1);
            });
          }}
        />
      </Panel>
    </Page>
  );
}
