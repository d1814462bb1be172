import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { formatMoney } from '../../../lib/money';
import { invoicePath } from '../../../lib/paths';
import { INVOICE_KIND_LABELS } from '../labels';
import type { InvoiceRow } from '../queries';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';

const COLUMNS: readonly Column[] = [
  'Invoice',
  'Kind',
  'Issued',
  'Due',
  'Status',
  { label: 'Total', className: 'price' },
  { label: 'Amount due', className: 'price' },
  'Notes',
];

interface InvoicesTableProps {
  caption: string;
  invoices: readonly InvoiceRow[];
}

/** Invoices: number, kind, dates, status, amounts and notes. */
export function InvoicesTable({ caption, invoices }: InvoicesTableProps) {
  return (
    <DataTable caption={caption} className="compact-table" columns={COLUMNS}>
      {invoices.map((invoice) => (
        <tr key={invoice.id}>
          <th scope="row" className="nowrap">
            <Link to={invoicePath(invoice.id)}>{invoice.number}</Link>
          </th>
          <td>{INVOICE_KIND_LABELS[invoice.kind]}</td>
          <td className="nowrap">
            <DateTime value={invoice.issuedAt} dateOnly />
          </td>
          <td className="nowrap">
            {invoice.dueAt ? <DateTime value={invoice.dueAt} dateOnly /> : <span className="muted">—</span>}
          </td>
          <td>
            <InvoiceStatusBadge status={invoice.status} />
          </td>
          <td className="price">{formatMoney(invoice.total)}</td>
          <td className="price">{formatMoney(invoice.amountDue)}</td>
          <td>{invoice.notes}</td>
        </tr>
      ))}
    </DataTable>
  );
}
