import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { DateTime } from '../../../components/DateTime';
import { FormErrors } from '../../../components/form/FormErrors';
import { NotAvailablePage } from '../../../components/NotAvailablePage';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { QueryContent } from '../../../components/QueryContent';
import type { RemoveEmployeeMutation, UpdateEmployeeMutation } from '../../../gql/graphql';
import { flash } from '../../../lib/flash';
import { LOGIN_STATUS_LABELS, ROLE_LABELS } from '../../../lib/labels';
import { useFormMutation } from '../../../lib/useFormMutation';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { accessOf } from '../access';
import { InvitationPanel } from '../components/InvitationPanel';
import { PersonForm } from '../components/PersonForm';
import { describeAccessChange, updateEmployeeInput } from '../inputs';
import { personQuery, removeEmployeeMutation, updateEmployeeMutation, type Person } from '../queries';

const updatePayloadOf = (data: UpdateEmployeeMutation) => data.updateEmployee;
const removePayloadOf = (data: RemoveEmployeeMutation) => data.removeEmployee;
const INVALIDATES_PEOPLE = ['Employee'];
const PEOPLE = '/account/people';

/** One person: change their details and access, or remove them. */
export default function EditPersonView() {
  const viewer = useViewer();
  const { employeeId = '' } = useParams();
  const query = useRetryableQuery({
    query: personQuery,
    variables: { id: employeeId },
  });

  if (!hasPermission(viewer, 'ACCOUNT_MANAGE')) {
    return <NotAvailablePage roleLabel={ROLE_LABELS[viewer.role]} />;
  }
  return (
    <QueryContent query={query} what="the person">
      {({ node }) =>
        node?.__typename === 'Employee' ? <EditPerson person={node} /> : <NotFoundPage />
      }
    </QueryContent>
  );
}

function EditPerson({ person }: { person: Person }) {
  const navigate = useNavigate();
  const updating = useFormMutation(updateEmployeeMutation, updatePayloadOf);
  const removing = useFormMutation(removeEmployeeMutation, removePayloadOf, {
    invalidates: INVALIDATES_PEOPLE,
  });
  const hasLogin = person.loginStatus !== 'NONE';

  return (
    <Page title={`Edit ${person.name}`}>
      <p>
        <Link to={PEOPLE}>Back to people</Link>
      </p>
      <dl className="facts">
        <dt>Login</dt>
        <dd>
          {LOGIN_STATUS_LABELS[person.loginStatus]}
          {person.lastLoginAt && (
            <>
              {', last signed in '}
              <DateTime value={person.lastLoginAt} />
            </>
          )}
        </dd>
      </dl>
      {person.loginStatus === 'INVITED' && <InvitationPanel person={person} />}
      <PersonForm
        label={`Edit ${person.name}`}
        initial={{
          name: person.name,
          email: person.email,
          phone: person.phone,
          jobTitle: person.jobTitle,
          access: accessOf(person.role),
        }}
        submitLabel="Save changes"
        busyLabel="Saving…"
        {...(hasLogin ? { emailLockedReason: 'The email is the person’s login and cannot be changed here.' } : {})}
        {...(person.isViewer ? { accessLockedReason: 'You cannot change your own access.' } : {})}
        accessHint={
          hasLogin
            ? 'Change the role, or choose “No login” to take the login away (the person stays as a contact).'
            : 'Choose a role to give this contact a login: they get an email invitation to choose a password.'
        }
        errors={updating.errors}
        submitting={updating.submitting}
        actions={
          <Link to={PEOPLE} className="button-link">
            Cancel
          </Link>
        }
        onSubmit={(values) => {
          void updating.submit({ input: updateEmployeeInput(person, values) }).then(async (payload) => {
            if (payload?.employee) {
              const done = `Changes to ${payload.employee.name} saved.${describeAccessChange(person, values)}`;
              await navigate(PEOPLE, { state: flash(done) });
            }
          });
        }}
      />
      {!person.isViewer && (
        <Panel title="Remove this person">
          <p>
            Removing {person.name} deletes them from the account
            {hasLogin ? ' and their login stops working at once' : ''}.
          </p>
          <FormErrors errors={removing.errors} shownFields={[]} />
          <ConfirmAction
            label="Remove"
            subject={person.name}
            question={`Remove ${person.name}? This cannot be undone.`}
            confirmLabel="Yes, remove"
            busy={removing.submitting}
            onConfirm={() => {
              void removing.submit({ input: { employeeId: person.id } }).then(async (payload) => {
                if (payload) await navigate(PEOPLE, { state: flash(`${person.name} was removed.`) });
              });
            }}
          />
        </Panel>
      )}
    </Page>
  );
}
