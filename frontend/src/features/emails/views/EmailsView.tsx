import { useState } from 'react';
import { SelectField } from '../../../components/form/SelectField';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { Page } from '../../../components/Page';
import type { EmailStatus } from '../../../gql/graphql';
import { EMAIL_STATUS_LABELS } from '../../../lib/labels';
import { useConnection } from '../../../lib/useConnection';
import { EmailsTable } from '../components/EmailsTable';
import { emailsQuery } from '../queries';

const STATUSES: readonly EmailStatus[] = ['PENDING', 'SENT', 'FAILED'];
const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  ...STATUSES.map((status) => ({ value: status, label: EMAIL_STATUS_LABELS[status] })),
];

/** The email the portal sent or is about to send, with delivery status. */
export default function EmailsView() {
  const [status, setStatus] = useState('');
  const emails = useConnection(
    emailsQuery,
    { status: STATUSES.find((each) => each === status) ?? null },
    (data) => data.emails,
  );

  return (
    <Page title="Email">
      <p className="lead">
        Every message the portal sent or is about to send, newest first. Open one to read it as its
        recipient does.
      </p>
      <div className="filters" role="group" aria-label="Filter email">
        <SelectField label="Status" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
      </div>
      <ConnectionContent
        connection={emails}
        what="messages"
        empty={<p>No email{status ? ' with this status' : ''} yet.</p>}
      >
        {(nodes) => <EmailsTable emails={nodes} />}
      </ConnectionContent>
    </Page>
  );
}
