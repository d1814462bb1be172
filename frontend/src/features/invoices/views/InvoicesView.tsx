import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Page } from '../../../components/Page';
import { PagedContent } from '../../../components/PagedContent';
import { Panel } from '../../../components/Panel';
import { describeError } from '../../../lib/errors';
import { sortedCaption } from '../../../lib/listParams';
import { usePagedList } from '../../../lib/usePagedList';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { InvoiceFilters } from '../components/InvoiceFilters';
import { invoiceColumns, InvoicesTable } from '../components/InvoicesTable';
import { apiFilterOf, INVOICE_LIST, INVOICE_SORT_CAPTIONS, isFiltered, type InvoiceListFilters } from '../filters';
import { invoicesQuery, unpaidSummaryInvoicesQuery } from '../queries';

const variablesOf = (filters: InvoiceListFilters) => ({ filter: apiFilterOf(filters) });

/**
 * The account's invoices: unpaid summary invoices first, then every invoice, searched by number,
 * filtered by status and kind, sorted by a column and read a page at a time (all in the address).
 */
export default function InvoicesView() {
  const viewer = useViewer();
  const showResellers = hasPermission(viewer, 'RESELLERS_MANAGE');
  const summaries = useRetryableQuery({ query: unpaidSummaryInvoicesQuery, requestPolicy: 'cache-and-network' });
  const invoices = usePagedList(INVOICE_LIST, invoicesQuery, variablesOf, (data) => data.invoices);
  const { filters, sort } = invoices.state;
  const unpaidSummaries = summaries.data?.invoices.edges.map((edge) => edge.node) ?? [];
  const caption = sortedCaption('Invoices', INVOICE_SORT_CAPTIONS, sort);
  const onlyUnpaid = filters.unpaid && filters.kind === null && filters.search === '';

  return (
    <Page title="Invoices">
      <p className="lead">
        Every order has an invoice. Orders paid by monthly invoice are collected at the start of each month in a
        summary invoice, the one to pay.
      </p>
      {summaries.error && (
        <ErrorAlert
          message={`The summary invoices to pay could not be loaded. ${describeError(summaries.error)}`}
          retrying={summaries.fetching}
          onRetry={summaries.retry}
        />
      )}
      {unpaidSummaries.length > 0 && (
        <Panel title="Unpaid Invoices">
          <p>The summary invoices to pay, each collecting a month’s orders on monthly invoice. Open one to pay it.</p>
          <InvoicesTable caption="Unpaid summary invoices" invoices={unpaidSummaries} showResellers={showResellers} />
        </Panel>
      )}
      <h2>All invoices</h2>
      <InvoiceFilters filters={filters} onChange={invoices.setFilters} />
      <PagedContent
        list={invoices}
        what="invoices"
        table={{ caption, columns: invoiceColumns(showResellers), className: 'compact-table' }}
        filtered={isFiltered(filters)}
        noMatch={onlyUnpaid ? 'Nothing to pay: every invoice is paid.' : 'No invoice matches these filters.'}
        empty={
          hasPermission(viewer, 'SHOP') ? (
            <p>
              No invoices yet. Every order gets one: buy licenses in the <Link to="/shop">Shop</Link>.
            </p>
          ) : (
            <p>No invoices yet. Every order gets one.</p>
          )
        }
      >
        {(nodes) => (
          <InvoicesTable caption={caption} invoices={nodes} sorting={invoices.sorting} showResellers={showResellers} />
        )}
      </PagedContent>
    </Page>
  );
}
