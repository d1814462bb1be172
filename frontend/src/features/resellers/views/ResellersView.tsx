import { useState } from 'react';
import { DisclosurePanel } from '../../../components/DisclosurePanel';
import { CancelButton } from '../../../components/form/CancelButton';
import { SelectField } from '../../../components/form/SelectField';
import { Page } from '../../../components/Page';
import { PagedContent } from '../../../components/PagedContent';
import { SearchForm } from '../../../components/SearchForm';
import { SuccessMessage } from '../../../components/SuccessMessage';
import { useDisclosure } from '../../../components/useDisclosure';
import type { CreateResellerMutation } from '../../../gql/graphql';
import { RESELLER_STATUS_LABELS } from '../../../lib/labels';
import { oneOf, sortedCaption } from '../../../lib/listParams';
import { usePagedList } from '../../../lib/usePagedList';
import { useFormMutation } from '../../../lib/useFormMutation';
import { CreateResellerForm } from '../components/CreateResellerForm';
import { RESELLER_COLUMNS, ResellersTable } from '../components/ResellersTable';
import { isFiltered, RESELLER_LIST, RESELLER_SORT_CAPTIONS, RESELLER_STATUSES, type ResellerListFilters } from '../filters';
import { createResellerMutation, resellersQuery } from '../queries';

const createPayloadOf = (data: CreateResellerMutation) => data.createReseller;

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  ...RESELLER_STATUSES.map((status) => ({ value: status, label: RESELLER_STATUS_LABELS[status] })),
];

const variablesOf = ({ search, status }: ResellerListFilters) => ({ search: search || null, status });

/** The vendor's reseller accounts: search, filter by status, sort, page (all in the address), and create one. */
export default function ResellersView() {
  const resellers = usePagedList(RESELLER_LIST, resellersQuery, variablesOf, (data) => data.resellers);
  const { filters, sort } = resellers.state;
  const caption = sortedCaption('Reseller accounts', RESELLER_SORT_CAPTIONS, sort);
  const creating = useFormMutation(createResellerMutation, createPayloadOf);
  const [message, setMessage] = useState<string | null>(null);
  const creatingPanel = useDisclosure(creating.clearErrors);

  return (
    <Page title="Resellers">
      <p className="lead">Partner accounts, their discounts and whether they may pay by monthly invoice.</p>
      <SuccessMessage message={message} />
      <DisclosurePanel label="Create a reseller" open={creatingPanel.open} onOpenChange={creatingPanel.setOpen}>
        <CreateResellerForm
          errors={creating.errors}
          submitting={creating.submitting}
          actions={<CancelButton onCancel={creatingPanel.close} />}
          onSubmit={(input) => {
            setMessage(null);
            void creating.submit({ input }).then((payload) => {
              if (!payload?.reseller) return;
              const { name, ownerEmail } = payload.reseller;
              setMessage(
                `${name} was created. ${ownerEmail ?? 'The owner'} was invited by email to choose a password.`,
              );
              creatingPanel.close();
              resellers.retry();
            });
          }}
        />
      </DisclosurePanel>
      <SearchForm
        // A new search from outside (the address changed) shows in the field.
        key={filters.search}
        label="Search resellers"
        hint="By company name or billing email."
        value={filters.search}
        onSearch={(search) => {
          resellers.setFilters({ ...filters, search });
        }}
      >
        <SelectField
          label="Status"
          options={STATUS_OPTIONS}
          value={filters.status ?? ''}
          onChange={(value) => {
            resellers.setFilters({ ...filters, status: oneOf(RESELLER_STATUSES, value) });
          }}
        />
      </SearchForm>
      <PagedContent
        list={resellers}
        what="resellers"
        table={{ caption, columns: RESELLER_COLUMNS }}
        filtered={isFiltered(filters)}
        noMatch="No reseller matches these filters."
        empty={<p>No reseller accounts yet. Create one above: its owner is invited by email.</p>}
      >
        {(nodes) => <ResellersTable caption={caption} resellers={nodes} sorting={resellers.sorting} />}
      </PagedContent>
    </Page>
  );
}
