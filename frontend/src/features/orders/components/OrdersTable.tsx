import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { formatMoney } from '../../../lib/money';
import { invoicePath, orderPath } from '../../../lib/paths';
import { InvoiceStatusBadge } from '../../invoices/components/InvoiceStatusBadge';
import { PAYMENT_METHOD_LABELS } from '../labels';
import type { OrderRow } from '../queries';

const COLUMNS: readonly Column[] = ['Order', 'Placed', 'Placed by', 'Payment', { label: 'Total', className: 'price' }];
const COLUMNS_WITH_INVOICE: readonly Column[] = [...COLUMNS, 'Invoice'];

interface OrdersTableProps {
  orders: readonly OrderRow[];
  /** Show each order's invoice (for roles that may read invoices). */
  showInvoices: boolean;
}

/** Orders, newest first: number, when and by whom, how paid, total and invoice. */
export function OrdersTable({ orders, showInvoices }: OrdersTableProps) {
  return (
    <DataTable caption="Orders, newest first" columns={showInvoices ? COLUMNS_WITH_INVOICE : COLUMNS}>
      {orders.map((order) => (
        <tr key={order.id}>
          <th scope="row" className="nowrap">
            <Link to={orderPath(order.id)}>{order.number}</Link>
          </th>
          <td>
            <DateTime value={order.placedAt} />
          </td>
          <td>{order.placedBy}</td>
          <td>{PAYMENT_METHOD_LABELS[order.paymentMethod]}</td>
          <td className="price">{formatMoney(order.total)}</td>
          {showInvoices && (
            <td className="nowrap">
              {order.invoice ? (
                <>
                  <Link to={invoicePath(order.invoice.id)}>{order.invoice.number}</Link>{' '}
                  <InvoiceStatusBadge status={order.invoice.status} />
                </>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
