import { useState } from 'react';
import { useLocation } from 'react-router';
import { DisclosurePanel } from '../../../components/DisclosurePanel';
import { CancelButton } from '../../../components/form/CancelButton';
import { FormErrors } from '../../../components/form/FormErrors';
import { SelectField, type SelectOption } from '../../../components/form/SelectField';
import { Page } from '../../../components/Page';
import { PagedContent } from '../../../components/PagedContent';
import { SearchForm } from '../../../components/SearchForm';
import { SuccessMessage } from '../../../components/SuccessMessage';
import { useDisclosure } from '../../../components/useDisclosure';
import type { AddEmployeeMutation, RemoveEmployeeMutation } from '../../../gql/graphql';
import { flashMessageOf } from '../../../lib/flash';
import { ROLE_LABELS } from '../../../lib/labels';
import { oneOf, sortedCaption } from '../../../lib/listParams';
import { usePagedList } from '../../../lib/usePagedList';
import { useFormMutation } from '../../../lib/useFormMutation';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { peopleColumns, PeopleTable } from '../components/PeopleTable';
import { EMPLOYEE_ROLES, isFiltered, PEOPLE_LIST, PEOPLE_SORT_CAPTIONS, type PeopleListFilters } from '../filters';
import { EMPTY_PERSON, PersonForm } from '../components/PersonForm';
import { addEmployeeInput } from '../inputs';
import { addEmployeeMutation, peopleQuery, removeEmployeeMutation, type Person } from '../queries';

const addPayloadOf = (data: AddEmployeeMutation) => data.addEmployee;
const removePayloadOf = (data: RemoveEmployeeMutation) => data.removeEmployee;
const ADD_ACCESS_HINT =
  'With a role, the person gets an email invitation to choose a password. ' +
  'A contact without login receives only the mailing lists you choose.';
const INVALIDATES_PEOPLE = ['Employee'];
const ROLE_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Any role' },
  ...EMPLOYEE_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
];
const variablesOf = ({ search, role }: PeopleListFilters) => ({ search: search || null, role });

/** The people of the account: the list (searched, filtered by role, sorted, paged in the address), adding a person and removing one. */
export default function PeopleView() {
  const canManage = hasPermission(useViewer(), 'ACCOUNT_MANAGE');
  const location = useLocation();
  const people = usePagedList(PEOPLE_LIST, peopleQuery, variablesOf, (data) => data.employees);
  const { filters, sort } = people.state;
  const caption = sortedCaption('People of the account', PEOPLE_SORT_CAPTIONS, sort);
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
        people.retry();
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
                people.retry();
              });
            }}
          />
        </DisclosurePanel>
      )}
      <SearchForm
        // A new search from outside (the address changed) shows in the field.
        key={filters.search}
        label="Search people"
        hint="By name or email."
        value={filters.search}
        onSearch={(search) => {
          people.setFilters({ ...filters, search });
        }}
      >
        <SelectField
          label="Role"
          options={ROLE_OPTIONS}
          value={filters.role ?? ''}
          onChange={(value) => {
            people.setFilters({ ...filters, role: oneOf(EMPLOYEE_ROLES, value) });
          }}
        />
      </SearchForm>
      <PagedContent
        list={people}
        what="people"
        table={{ caption, columns: peopleColumns(canManage) }}
        filtered={isFiltered(filters)}
        noMatch={filters.search && !filters.role ? `Nobody matches “${filters.search}”.` : 'Nobody matches these filters.'}
        empty={<p>There is nobody here yet.{canManage ? ' Add a person above.' : ''}</p>}
      >
        {(nodes) => (
          <PeopleTable
            caption={caption}
            people={nodes}
            sorting={people.sorting}
            canManage={canManage}
            removingId={removingId}
            onRemove={remove}
          />
        )}
      </PagedContent>
    </Page>
  );
}
