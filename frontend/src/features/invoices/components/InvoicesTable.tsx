import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { ResellerLink } from '../../../components/ResellerLink';
import { formatMoney } from '../../../lib/money';
import { invoicePath } from '../../../lib/paths';
import type { TableSorting } from '../../../lib/usePagedList';
import { INVOICE_KIND_LABELS } from '../labels';
import type { InvoiceRow } from '../queries';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';

const INVOICE: Column = { label: 'Invoice', sort: 'NUMBER' };
const COLUMNS: readonly Column[] = [
  'Kind',
  { label: 'Issued', sort: 'ISSUED_AT' },
  'Due',
  'Status',
  { label: 'Total', className: 'price', sort: 'TOTAL' },
  { label: 'Amount due', className: 'price' },
  'Notes',
];

/** The table's columns, sorting by number, issue date and total (when the table is given a sorting). */
export function invoiceColumns(showResellers: boolean): readonly Column[] {
  return showResellers ? [INVOICE, 'Reseller', ...COLUMNS] : [INVOICE, ...COLUMNS];
}

interface InvoicesTableProps {
  caption: string;
  invoices: readonly InvoiceRow[];
  sorting?: TableSorting;
  /** Show whose each invoice is (the vendor sees every account's). */
  showResellers: boolean;
}

/** Invoices: number, reseller, kind, dates, status, amounts and notes. */
export function InvoicesTable({ caption, invoices, sorting, showResellers }: InvoicesTableProps) {
  return (
    <DataTable caption={caption} className="compact-table" columns={invoiceColumns(showResellers)} sorting={sorting}>
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
