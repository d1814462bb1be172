import { useState } from 'react';
import { SelectField } from '../../../components/form/SelectField';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { Page } from '../../../components/Page';
import { useConnection } from '../../../lib/useConnection';
import { canUse } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { actionFilterOptions } from '../actions';
import { AuditTable } from '../components/AuditTable';
import { auditEventsQuery } from '../queries';

/** The audit log: who changed what and when, filtered by kind of action. */
export default function AuditLogView() {
  const isVendor = canUse(useViewer(), 'vendorAuditLog');
  const [action, setAction] = useState('');
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
        <SelectField label="Action" options={actionFilterOptions(isVendor)} value={action} onChange={setAction} />
      </div>
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
