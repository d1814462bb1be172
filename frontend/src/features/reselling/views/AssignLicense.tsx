import { useCallback } from 'react';
import { useQuery } from 'urql';
import type { AssignLicenseMutation } from '../../../gql/graphql';
import { describeError } from '../../../lib/errors';
import { useFormMutation } from '../../../lib/useFormMutation';
import type { AssignableLicense, Assignment, AssignRequest } from '../assignment';
import { AssignLicenseDialog, type AssignValues } from '../components/AssignLicenseDialog';
import { assignLicenseMutation, unassignedLicensesQuery } from '../queries';

/** How many unassigned licenses the dialog offers (the newest). */
const CHOICES = 100;
const CHOICE_VARIABLES = { first: CHOICES, after: null };
// The answer holds the License and the Customer, so urql's cache asks again for every query that
// showed either (a license's page, the licenses lists). A list that held neither yet, such as an
// empty customers list, is refreshed by the page in `onAssigned`.
const payloadOf = (data: AssignLicenseMutation) => data.assignLicense;

interface AssignLicenseProps {
  /** The license and customer to start with; null while the dialog is closed. */
  request: AssignRequest | null;
  onClose: () => void;
  /** After the assignment: the dialog is to close, and the page to say who got the license. */
  onAssigned: (assignment: Assignment) => void;
}

/** The Assign Product dialog with its data: the unassigned licenses to choose from, and the assignment. */
export function AssignLicense({ request, onClose, onAssigned }: AssignLicenseProps) {
  const open = request !== null;
  const [choices] = useQuery({
    query: unassignedLicensesQuery,
    variables: CHOICE_VARIABLES,
    pause: !open,
    requestPolicy: 'cache-and-network',
  });
  const assigning = useFormMutation(assignLicenseMutation, payloadOf);
  const { clearErrors, submit } = assigning;

  const close = useCallback(() => {
    clearErrors();
    onClose();
  }, [clearErrors, onClose]);

  const assign = useCallback(
    async (values: AssignValues): Promise<boolean> => {
      const payload = await submit({ input: values });
      if (!payload?.license || !payload.customer) return false;
      clearErrors();
      onAssigned({
        license: payload.license,
        email: payload.customer.email,
        name: payload.customer.name,
        customerCreated: payload.customerCreated,
      });
      return true;
    },
    [clearErrors, onAssigned, submit],
  );

  const loaded: readonly AssignableLicense[] = choices.data?.licenses.edges.map((edge) => edge.node) ?? [];
  const preset = request?.license;
  // The license the dialog was opened for is offered even when it is not among the newest.
  const offered = preset && !loaded.some((license) => license.key === preset.key) ? [preset, ...loaded] : loaded;
  const note = choices.data
    ? undefined
    : choices.error
      ? `Your unassigned licenses could not be loaded. ${describeError(choices.error)}`
      : 'Loading your unassigned licenses…';

  return (
    <AssignLicenseDialog
      open={open}
      onClose={close}
      choices={offered}
      choicesNote={note}
      initial={{ licenseKey: preset?.key ?? '', email: request?.email ?? '', name: request?.name ?? '' }}
      errors={assigning.errors}
      submitting={assigning.submitting}
      onAssign={assign}
    />
  );
}
