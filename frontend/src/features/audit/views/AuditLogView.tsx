import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SelectField } from '../../../components/form/SelectField';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { Page } from '../../../components/Page';
import { describeError } from '../../../lib/errors';
import { useConnection } from '../../../lib/useConnection';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { canUse } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { actionFilterOptions } from '../actions';
import { AuditTable } from '../components/AuditTable';
import { auditActionsQuery, auditEventsQuery } from '../queries';

/** The audit log: who changed what and when, filtered by kind of action. */
export default function AuditLogView() {
  const isVendor = canUse(useViewer(), 'vendorAuditLog');
  const [action, setAction] = useState('');
  // Each visit asks again: the log may hold new kinds of action since the last one.
  const actions = useRetryableQuery({ query: auditActionsQuery, requestPolicy: 'cache-and-network' });
  const events = useConnection(auditEventsQuery, { action: action || null }, (data) => data.auditEvents);

  return (
    <Page title="Audit log">
      <p className="lead">
        {isVendor
          ? 'Every change made in the portal, in every account.'
          : 'Every change made in your account, and every sign-in.'}{' '}
        Times are in your time zone; point at one for UTC.
      </p>
      <div className="filters" role="group" aria-label="Filter the audit log">
        <SelectField
          label="Action"
          options={actionFilterOptions(actions.data?.auditActions ?? [])}
          value={action}
          onChange={setAction}
        />
      </div>
      {actions.error && (
        <ErrorAlert
          message={`The kinds of action to filter by could not be loaded. ${describeError(actions.error)}`}
          retrying={actions.fetching}
          onRetry={actions.retry}
        />
      )}
      <ConnectionContent
        connection={events}
        what="events"
        empty={<p>No events{action ? ' of this kind' : ''} yet.</p>}
      >
        {(nodes) => <AuditTable events={nodes} showAccount={isVendor} />}
      </ConnectionContent>
    </Page>
  );
}
