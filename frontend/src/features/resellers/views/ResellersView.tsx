import { useState } from 'react';
import { DisclosurePanel } from '../../../components/DisclosurePanel';
import { CancelButton } from '../../../components/form/CancelButton';
import { SelectField } from '../../../components/form/SelectField';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { Page } from '../../../components/Page';
import { SearchForm } from '../../../components/SearchForm';
import { SuccessMessage } from '../../../components/SuccessMessage';
import { useDisclosure } from '../../../components/useDisclosure';
import type { CreateResellerMutation, ResellerStatus } from '../../../gql/graphql';
import { RESELLER_STATUS_LABELS } from '../../../lib/labels';
import { useConnection } from '../../../lib/useConnection';
import { useFormMutation } from '../../../lib/useFormMutation';
import { CreateResellerForm } from '../components/CreateResellerForm';
import { ResellersTable } from '../components/ResellersTable';
import { createResellerMutation, resellersQuery } from '../queries';

const createPayloadOf = (data: CreateResellerMutation) => data.createReseller;

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  ...(['ACTIVE', 'SUSPENDED'] as const).map((status) => ({
    value: status,
    label: RESELLER_STATUS_LABELS[status],
  })),
];

function statusOf(value: string): ResellerStatus | null {
  return value === 'ACTIVE' || value === 'SUSPENDED' ? value : null;
}

/** The vendor's reseller accounts: search, filter by status, and create one. */
export default function ResellersView() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const resellers = useConnection(
    resellersQuery,
    { search: search || null, status: statusOf(status) },
    (data) => data.resellers,
  );
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
              resellers.reset();
            });
          }}
        />
      </DisclosurePanel>
      <SearchForm
        label="Search resellers"
        hint="By company name or billing email."
        value={search}
        onSearch={setSearch}
      >
        <SelectField label="Status" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
      </SearchForm>
      <ConnectionContent connection={resellers} what="resellers" empty={<p>No reseller matches.</p>}>
        {(nodes) => <ResellersTable resellers={nodes} />}
      </ConnectionContent>
    </Page>
  );
}
