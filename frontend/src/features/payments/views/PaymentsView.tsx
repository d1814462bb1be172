import { SelectField, type SelectOption } from '../../../components/form/SelectField';
import { Page } from '../../../components/Page';
import { PagedContent } from '../../../components/PagedContent';
import { oneOf, sortedCaption } from '../../../lib/listParams';
import { usePagedList } from '../../../lib/usePagedList';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { paymentColumns, PaymentsTable } from '../components/PaymentsTable';
import { PAYMENT_KINDS, PAYMENT_LIST, PAYMENT_SORT_CAPTIONS, type PaymentListFilters } from '../filters';
import { PAYMENT_KIND_LABELS } from '../labels';
import { paymentsQuery } from '../queries';

const KIND_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Any kind' },
  ...PAYMENT_KINDS.map((kind) => ({ value: kind, label: PAYMENT_KIND_LABELS[kind] })),
];

const variablesOf = ({ kind }: PaymentListFilters) => ({ filter: kind ? { kind } : null });

/**
 * The payments of the account's invoices (by card, or by bank transfer as the vendor recorded
 * it), filtered by kind, sorted by a column and read a page at a time (all in the address).
 */
export default function PaymentsView() {
  const viewer = useViewer();
  const payments = usePagedList(PAYMENT_LIST, paymentsQuery, variablesOf, (data) => data.payments);
  const { filters, sort } = payments.state;
  const isVendor = viewer.reseller === null;
  const showResellers = hasPermission(viewer, 'RESELLERS_MANAGE');
  const caption = sortedCaption('Payments', PAYMENT_SORT_CAPTIONS, sort);

  return (
    <Page title="Payments">
      <p className="lead">
        {isVendor
          ? 'Payments of every reseller account, newest first: by card, and the bank transfers recorded on invoices.'
          : 'Payments of your invoices, newest first: by card, and bank transfers once the vendor has recorded them.'}
      </p>
      <div className="filters" role="group" aria-label="Filter payments">
        <SelectField
          label="Kind"
          options={KIND_OPTIONS}
          value={filters.kind ?? ''}
          onChange={(value) => {
            payments.setFilters({ kind: oneOf(PAYMENT_KINDS, value) });
          }}
        />
      </div>
      <PagedContent
        list={payments}
        what="payments"
        table={{ caption, columns: paymentColumns(true, showResellers), className: 'compact-table' }}
        filtered={filters.kind !== null}
        noMatch={`No ${filters.kind === 'CARD' ? 'card payments' : 'bank transfers'} yet.`}
        empty={
          isVendor ? (
            <p>No payments yet. Card payments appear here, and bank transfers once you record them on an invoice.</p>
          ) : (
            <p>No payments yet. Paying an invoice, or an order by card, adds one here.</p>
          )
        }
      >
        {(nodes) => (
          <PaymentsTable
            caption={caption}
            payments={nodes}
            sorting={payments.sorting}
            showInvoices
            showResellers={showResellers}
          />
        )}
      </PagedContent>
    </Page>
  );
}
