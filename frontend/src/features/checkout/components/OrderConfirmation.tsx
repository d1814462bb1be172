import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime';
import { DetailsList, type Detail } from '../../../components/DetailsList';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { PAYMENT_METHOD_LABELS } from '../../../lib/labels';
import { formatMoney } from '../../../lib/money';
import { canUse } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { LinesTable } from '../../cart/components/CartLinesTable';
import { CartTotals } from '../../cart/components/CartTotals';
import { InvoiceStatusBadge } from '../../invoices/components/InvoiceStatusBadge';
import type { Confirmation } from '../queries';
import { LicenseKeysTable } from './LicenseKeysTable';

/** A placed order: its number, invoice and status, totals and the new license keys. */
export function OrderConfirmation({ confirmation }: { confirmation: Confirmation }) {
  const viewer = useViewer();
  const { order, invoice, licenses, replayed } = confirmation;
  const count = licenses.length;
  const details: Detail[] = [
    ['Order', order.number],
    ['Placed', <DateTime key="placed" value={order.placedAt} />],
    ['Payment', PAYMENT_METHOD_LABELS[order.paymentMethod]],
    ...(invoice
      ? ([
          ['Invoice', invoice.number],
          ['Invoice status', <InvoiceStatusBadge key="status" status={invoice.status} />],
          ...(invoice.notes ? [['Invoice note', invoice.notes] as Detail] : []),
          ['Invoice total', formatMoney(invoice.total)],
          ...(invoice.status === 'OPEN' ? [['Amount due', formatMoney(invoice.amountDue)] as Detail] : []),
        ] satisfies Detail[])
      : []),
  ];

  return (
    <Page title={`Order ${order.number} placed`}>
      <div className="success">
        <p>
          {replayed
            ? 'Your earlier attempt placed this order; sending it again did not buy anything twice.'
            : count === 0
              ? 'Thank you: your order is placed and its changes are made to your licenses.'
              : `Thank you: your order is placed and ${count} new ${count === 1 ? 'license was' : 'licenses were'} issued.`}
        </p>
      </div>
      <DetailsList details={details} />
      {count > 0 && (
        <Panel title="License keys">
          <p>A license for resale can be activated once it is assigned to a customer.</p>
          <LicenseKeysTable licenses={licenses} />
        </Panel>
      )}
      <Panel title="Order summary">
        <LinesTable
          caption={`Lines of order ${order.number}`}
          lines={order.lines}
          keyOf={(line) => String(line.position)}
          placed
        />
        <CartTotals
          caption="Order total"
          subtotal={order.subtotal}
          discount={order.discount}
          discountPercent={order.discountPercent}
          total={order.total}
        />
      </Panel>
      <div className="form-actions">
        {canUse(viewer, 'licenses') && (
          <Link to="/licenses" className="button-link button-link--primary">
            Go to Licenses
          </Link>
        )}
        {canUse(viewer, 'invoices') && (
          <Link to="/invoices" className="button-link">
            Go to Invoices
          </Link>
        )}
        <Link to="/shop" className="button-link">
          Continue shopping
        </Link>
      </div>
    </Page>
  );
}
