import { useSearchParams } from 'react-router';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { CheckboxField } from '../../../components/form/CheckboxField';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { describeError } from '../../../lib/errors';
import { useConnection } from '../../../lib/useConnection';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { InvoicesTable } from '../components/InvoicesTable';
import { invoicesQuery, unpaidSummaryInvoicesQuery } from '../queries';

/** The account's invoices: unpaid summary invoices first, then every invoice, optionally only the unpaid ones. */
export default function InvoicesView() {
  const showResellers = hasPermission(useViewer(), 'RESELLERS_MANAGE');
  const [params, setParams] = useSearchParams();
  const unpaidOnly = params.get('unpaid') === '1';
  const summaries = useRetryableQuery({ query: unpaidSummaryInvoicesQuery, requestPolicy: 'cache-and-network' });
  const invoices = useConnection(
    invoicesQuery,
    { filter: unpaidOnly ? { unpaid: true } : null },
    (data) => data.invoices,
  );
  const unpaidSummaries = summaries.data?.invoices.edges.map((edge) => edge.node) ?? [];

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
      <div className="filters" role="group" aria-label="Filter invoices">
        <CheckboxField
          label="Unpaid only"
          checked={unpaidOnly}
          onChange={(checked) => {
            setParams(checked ? { unpaid: '1' } : {});
          }}
        />
      </div>
      <ConnectionContent
        connection={invoices}
        what="invoices"
        empty={unpaidOnly ? <p>Nothing to pay: every invoice is paid.</p> : <p>No invoices yet. Every order gets one.</p>}
      >
        {(nodes) => <InvoicesTable caption="Invoices, newest first" invoices={nodes} showResellers={showResellers} />}
      </ConnectionContent>
    </Page>
  );
}
