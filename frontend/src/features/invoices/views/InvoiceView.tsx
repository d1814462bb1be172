import { Link, useParams } from 'react-router';
import { BillingDetailsList } from '../../../components/BillingDetailsList';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { PricedLinesTable } from '../../../components/PricedLinesTable';
import { QueryContent } from '../../../components/QueryContent';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { InvoicesTable } from '../components/InvoicesTable';
import { InvoiceSummary } from '../components/InvoiceSummary';
import { invoiceQuery, type InvoiceDetails } from '../queries';

/** One invoice: its status and amounts, its lines and totals, who it is billed to and what it is for. */
export default function InvoiceView() {
  const { invoiceId = '' } = useParams();
  const query = useRetryableQuery({ query: invoiceQuery, variables: { id: invoiceId } });
  return (
    <QueryContent query={query} what="the invoice">
      {({ node }) => (node?.__typename === 'Invoice' ? <Invoice invoice={node} /> : <NotFoundPage />)}
    </QueryContent>
  );
}

function Invoice({ invoice }: { invoice: InvoiceDetails }) {
  const showReseller = hasPermission(useViewer(), 'RESELLERS_MANAGE');
  return (
    <Page title={`Invoice ${invoice.number}`}>
      <p>
        <Link to="/invoices">Back to invoices</Link>
      </p>
      {invoice.notes && <p className="lead">{invoice.notes}</p>}
      <InvoiceSummary invoice={invoice} showReseller={showReseller} />
      <Panel title="Lines">
        <PricedLinesTable caption={`Lines of invoice ${invoice.number}`} lines={invoice.lines} totals={invoice} />
      </Panel>
      {invoice.kind === 'SUMMARY' && (
        <Panel title="Invoices summarized">
          {invoice.summarizedInvoices.length > 0 ? (
            <InvoicesTable
              caption={`Invoices summarized in ${invoice.number}`}
              invoices={invoice.summarizedInvoices}
              showResellers={false}
            />
          ) : (
            <p>This summary collects no invoices.</p>
          )}
        </Panel>
      )}
      <Panel title="Billing details">
        <BillingDetailsList billing={invoice.billing} />
      </Panel>
    </Page>
  );
}
