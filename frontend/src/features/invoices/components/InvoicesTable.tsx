import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { ResellerLink } from '../../../components/ResellerLink';
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
const COLUMNS_WITH_RESELLER: readonly Column[] = ['Invoice', 'Reseller', ...COLUMNS.slice(1)];

interface InvoicesTableProps {
  caption: string;
  invoices: readonly InvoiceRow[];
  /** Show whose each invoice is (the vendor sees every account's). */
  showResellers: boolean;
}

/** Invoices: number, reseller, kind, dates, status, amounts and notes. */
export function InvoicesTable({ caption, invoices, showResellers }: InvoicesTableProps) {
  return (
    <DataTable caption={caption} className="compact-table" columns={showResellers ? COLUMNS_WITH_RESELLER : COLUMNS}>
      {invoices.map((invoice) => (
        <tr key={invoice.id}>
          <th scope="row" className="nowrap">
            <Link to={invoicePath(invoice.id)}>{invoice.number}</Link>
          </th>
          {showResellers && (
            <td>
              <ResellerLink reseller={invoice.reseller} />
            </td>
          )}
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
