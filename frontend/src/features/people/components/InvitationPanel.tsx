import { useState } from 'react';
import { FormErrors } from '../../../components/form/FormErrors';
import { Panel } from '../../../components/Panel';
import { SuccessMessage } from '../../../components/SuccessMessage';
import type { ResendInvitationMutation } from '../../../gql/graphql';
import { useFormMutation } from '../../../lib/useFormMutation';
import { resendInvitationMutation, type Person } from '../queries';

const payloadOf = (data: ResendInvitationMutation) => data.resendInvitation;

interface InvitationPanelProps {
  /** Someone invited who has not chosen a password yet. */
  person: Person;
}

/** Sends an invited person a new invitation; the link of the previous one stops working. */
export function InvitationPanel({ person }: InvitationPanelProps) {
  const { submit, submitting, errors } = useFormMutation(resendInvitationMutation, payloadOf);
  const [message, setMessage] = useState<string | null>(null);

  function resend() {
    setMessage(null);
    void submit({ input: { employeeId: person.id } }).then((payload) => {
      if (!payload) return;
      const email = payload.employee?.email ?? person.email;
      setMessage(`A new invitation is on its way to ${email}; the previous link no longer works.`);
    });
  }

  return (
    <Panel title="Invitation">
      <p>
        {person.name} was invited but has not chosen a password yet. If the email got lost or its
        link expired, send a new invitation to {person.email}.
      </p>
      <SuccessMessage message={message} />
      <FormErrors errors={errors} shownFields={[]} />
      <button
        type="button"
        aria-disabled={submitting}
        onClick={() => {
          if (!submitting) resend();
        }}
      >
        {submitting ? 'Sending…' : 'Send a new invitation'}
      </button>
    </Panel>
  );
}
