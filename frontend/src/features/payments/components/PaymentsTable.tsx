import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { ResellerLink } from '../../../components/ResellerLink';
import { formatMoney } from '../../../lib/money';
import { invoicePath } from '../../../lib/paths';
import type { TableSorting } from '../../../lib/usePagedList';
import { PAYMENT_KIND_LABELS } from '../labels';
import '../payments.css';
import type { PaymentRow } from '../queries';

/** The table's columns, sorting by when received and amount (when the table is given a sorting). */
export function paymentColumns(showInvoices: boolean, showResellers: boolean): readonly Column[] {
  return [
    { label: 'Received', sort: 'RECEIVED_AT' },
    ...(showInvoices ? ['Invoice'] : []),
    ...(showResellers ? ['Reseller'] : []),
    'Kind',
    'Reference',
    'Recorded by',
    { label: 'Amount', className: 'price', sort: 'AMOUNT' },
  ];
}

interface PaymentsTableProps {
  caption: string;
  payments: readonly PaymentRow[];
  sorting?: TableSorting;
  /** Show the invoice each payment paid (not on the invoice's own page). */
  showInvoices: boolean;
  /** Show whose each payment is (the vendor sees every account's). */
  showResellers: boolean;
}

/** Payments: when received, the invoice and reseller, how, the bank's or gateway's reference, by whom, and how much. */
export function PaymentsTable({ caption, payments, sorting, showInvoices, showResellers }: PaymentsTableProps) {
  return (
    <DataTable
      caption={caption}
      className="compact-table"
      columns={paymentColumns(showInvoices, showResellers)}
      sorting={sorting}
    >
      {payments.map((payment) => (
        <tr key={payment.id}>
          <th scope="row">
            <DateTime value={payment.receivedAt} />
          </th>
          {showInvoices && (
            <td className="nowrap">
              <Link to={invoicePath(payment.invoice.id)}>{payment.invoice.number}</Link>
            </td>
          )}
          {showResellers && (
            <td>
              <ResellerLink reseller={payment.reseller} />
            </td>
          )}
          <td>{PAYMENT_KIND_LABELS[payment.kind]}</td>
          <td>
            <code className="payment-reference">{payment.reference}</code>
          </td>
          <td>{payment.recordedBy}</td>
          <td className="price">{formatMoney(payment.amount)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
