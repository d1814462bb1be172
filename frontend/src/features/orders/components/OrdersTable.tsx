import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { ResellerLink } from '../../../components/ResellerLink';
import { PAYMENT_METHOD_LABELS } from '../../../lib/labels';
import { formatMoney } from '../../../lib/money';
import { invoicePath, orderPath } from '../../../lib/paths';
import type { TableSorting } from '../../../lib/usePagedList';
import { InvoiceStatusBadge } from '../../invoices/components/InvoiceStatusBadge';
import type { OrderRow } from '../queries';

/** The columns between the order's number and reseller, and its invoice. */
const COLUMNS: readonly Column[] = [
  { label: 'Placed', sort: 'PLACED_AT' },
  'Placed by',
  'Payment',
  { label: 'Total', className: 'price', sort: 'TOTAL' },
];

/** The table's columns, sorting by number, when placed and total. */
export function orderColumns(showResellers: boolean, showInvoices: boolean): readonly Column[] {
  return [
    { label: 'Order', sort: 'NUMBER' },
    ...(showResellers ? ['Reseller'] : []),
    ...COLUMNS,
    ...(showInvoices ? ['Invoice'] : []),
  ];
}

interface OrdersTableProps {
  caption: string;
  orders: readonly OrderRow[];
  sorting?: TableSorting;
  /** Show each order's invoice (for roles that may read invoices). */
  showInvoices: boolean;
  /** Show which reseller placed each order (the vendor sees every account's). */
  showResellers: boolean;
}

/** Orders: number, reseller, when and by whom, how paid, total and invoice. */
export function OrdersTable({ caption, orders, sorting, showInvoices, showResellers }: OrdersTableProps) {
  return (
    <DataTable caption={caption} columns={orderColumns(showResellers, showInvoices)} sorting={sorting}>
      {orders.map((order) => (
        <tr key={order.id}>
          <th scope="row" className="nowrap">
            <Link to={orderPath(order.id)}>{order.number}</Link>
          </th>
          {showResellers && (
            <td>
              <ResellerLink reseller={order.reseller} />
            </td>
          )}
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
