import { useState } from 'react';
import { useLocation } from 'react-router';
import { DisclosurePanel } from '../../../components/DisclosurePanel';
import { CancelButton } from '../../../components/form/CancelButton';
import { FormErrors } from '../../../components/form/FormErrors';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { Page } from '../../../components/Page';
import { SearchForm } from '../../../components/SearchForm';
import { SuccessMessage } from '../../../components/SuccessMessage';
import { useDisclosure } from '../../../components/useDisclosure';
import type { AddEmployeeMutation, RemoveEmployeeMutation } from '../../../gql/graphql';
import { flashMessageOf } from '../../../lib/flash';
import { useConnection } from '../../../lib/useConnection';
import { useFormMutation } from '../../../lib/useFormMutation';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { PeopleTable } from '../components/PeopleTable';
import { EMPTY_PERSON, PersonForm } from '../components/PersonForm';
import { addEmployeeInput } from '../inputs';
import { addEmployeeMutation, peopleQuery, removeEmployeeMutation, type Person } from '../queries';

const addPayloadOf = (data: AddEmployeeMutation) => data.addEmployee;
const removePayloadOf = (data: RemoveEmployeeMutation) => data.removeEmployee;
const ADD_ACCESS_HINT =
  'With a role, the person gets an email invitation to choose a password. ' +
  'A contact without login receives only the mailing lists you choose.';
const INVALIDATES_PEOPLE = ['Employee'];

/** The people of the account: the list, adding a person and removing one. */
export default function PeopleView() {
  const canManage = hasPermission(useViewer(), 'ACCOUNT_MANAGE');
  const location = useLocation();
  const [search, setSearch] = useState('');
  const people = useConnection(peopleQuery, { search: search || null }, (data) => data.employees);
  const adding = useFormMutation(addEmployeeMutation, addPayloadOf);
  const removing = useFormMutation(removeEmployeeMutation, removePayloadOf, {
    invalidates: INVALIDATES_PEOPLE,
  });
  const addingPanel = useDisclosure(adding.clearErrors);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(() => flashMessageOf(location.state));

  function remove(person: Person) {
    setMessage(null);
    setRemovingId(person.id);
    void removing.submit({ input: { employeeId: person.id } }).then((payload) => {
      setRemovingId(null);
      if (payload) {
        setMessage(`${person.name} was removed.`);
        people.reset();
      }
    });
  }

  return (
    <Page title="People">
      <p className="lead">
        Everyone at your company the Partner Portal knows: people with a login and a role, and
        contacts without a login.
      </p>
      <SuccessMessage message={message} />
      <FormErrors errors={removing.errors} shownFields={[]} />
      {canManage && (
        <DisclosurePanel label="Add a person" open={addingPanel.open} onOpenChange={addingPanel.setOpen}>
          <PersonForm
            label="Add a person"
            initial={EMPTY_PERSON}
            submitLabel="Add person"
            busyLabel="Adding…"
            accessHint={ADD_ACCESS_HINT}
            errors={adding.errors}
            submitting={adding.submitting}
            actions={<CancelButton onCancel={addingPanel.close} />}
            onSubmit={(values) => {
              setMessage(null);
              void adding.submit({ input: addEmployeeInput(values) }).then((payload) => {
                if (!payload?.employee) return;
                const { name, email, role } = payload.employee;
                setMessage(
                  role
                    ? `${name} was added and invited: an email to ${email} has a link to choose a password.`
                    : `${name} was added as a contact without login.`,
                );
                addingPanel.close();
                people.reset();
              });
            }}
          />
        </DisclosurePanel>
      )}
      <SearchForm label="Search people" hint="By name or email." value={search} onSearch={setSearch} />
      <ConnectionContent
        connection={people}
        what="people"
        empty={<p>{search ? `Nobody matches “${search}”.` : 'There is nobody here yet.'}</p>}
      >
        {(nodes) => (
          <PeopleTable people={nodes} canManage={canManage} removingId={removingId} onRemove={remove} />
        )}
      </ConnectionContent>
    </Page>
  );
}
