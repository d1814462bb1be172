import { ConnectionContent } from '../../../components/ConnectionContent';
import { Page } from '../../../components/Page';
import { useConnection } from '../../../lib/useConnection';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { PaymentsTable } from '../components/PaymentsTable';
import { paymentsQuery } from '../queries';

const ALL_PAYMENTS = { filter: null };

/** The payments of the account's invoices, newest first: by card, or by bank transfer as the vendor recorded it. */
export default function PaymentsView() {
  const viewer = useViewer();
  const payments = useConnection(paymentsQuery, ALL_PAYMENTS, (data) => data.payments);
  const isVendor = viewer.reseller === null;

  return (
    <Page title="Payments">
      <p className="lead">
        {isVendor
          ? 'Payments of every reseller account, newest first: by card, and the bank transfers recorded on invoices.'
          : 'Payments of your invoices, newest first: by card, and bank transfers once the vendor has recorded them.'}
      </p>
      <ConnectionContent
        connection={payments}
        what="payments"
        empty={<p>No payments yet. Paying an invoice, or an order by card, adds one here.</p>}
      >
        {(nodes) => (
          <PaymentsTable
            caption="Payments, newest first"
            payments={nodes}
            showInvoices
            showResellers={hasPermission(viewer, 'RESELLERS_MANAGE')}
          />
        )}
      </ConnectionContent>
    </Page>
  );
}
