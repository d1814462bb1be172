import { useCallback, useState } from 'react';
import type { LicenseAssignmentFieldsFragment } from '../../../gql/graphql';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { describeCustomer, type AssignableLicense, type Assignment, type AssignRequest } from '../assignment';
import { AssignedMessage } from '../components/AssignedMessage';
import '../reselling.css';
import { AssignLicense } from './AssignLicense';

interface LicenseAssignmentProps {
  license: AssignableLicense & LicenseAssignmentFieldsFragment;
}

/**
 * On a license's page: whom the license is assigned to, or, while a license
 * for resale waits for a customer, a way to assign it (opening the Assign
 * Product dialog with the license chosen).
 */
export function LicenseAssignment({ license }: LicenseAssignmentProps) {
  const canAssign = hasPermission(useViewer(), 'LICENSES_ASSIGN');
  const [request, setRequest] = useState<AssignRequest | null>(null);
  const [assigned, setAssigned] = useState<Assignment | null>(null);
  const close = useCallback(() => {
    setRequest(null);
  }, []);
  const onAssigned = useCallback((assignment: Assignment) => {
    setRequest(null);
    setAssigned(assignment);
  }, []);

  return (
    <>
      {assigned && <AssignedMessage assignment={assigned} />}
      <AssignmentStatus license={license} />
      {license.status === 'UNASSIGNED' && !license.personal && canAssign && (
        <>
          <p>
            <button
              type="button"
              onClick={() => {
                setRequest({ license });
              }}
            >
              Assign license
            </button>
          </p>
          <AssignLicense request={request} onClose={close} onAssigned={onAssigned} />
        </>
      )}
    </>
  );
}

function AssignmentStatus({ license }: LicenseAssignmentProps) {
  if (license.personal) {
    return <p>This is a personal license, for your account’s own use: it is not assigned to a customer.</p>;
  }
  if (license.status === 'UNASSIGNED') {
    return (
      <p>
        This license is for resale and not assigned to a customer yet. Assigned, it goes to the customer for good: the
        customer gets an email with the key, and it can never be re-assigned.
      </p>
    );
  }
  const { customer } = license;
  return (
    <p>
      {customer ? (
        <>
          Assigned to <strong>{describeCustomer(customer.email, customer.name)}</strong>.
        </>
      ) : (
        'Assigned to a customer.'
      )}{' '}
      An assigned license can never be re-assigned.
    </p>
  );
}
