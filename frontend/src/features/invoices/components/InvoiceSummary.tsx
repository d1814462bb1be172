import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime';
import { DetailsList, type Detail } from '../../../components/DetailsList';
import { formatMoney } from '../../../lib/money';
import { invoicePath, orderPath } from '../../../lib/paths';
import { INVOICE_KIND_LABELS } from '../labels';
import type { InvoiceDetails } from '../queries';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';

/** An invoice's kind, status, dates, what is paid and due, and what it belongs to. */
export function InvoiceSummary({ invoice }: { invoice: InvoiceDetails }) {
  const details: Detail[] = [
    ['Kind', INVOICE_KIND_LABELS[invoice.kind]],
    ['Status', <InvoiceStatusBadge key="status" status={invoice.status} />],
    ['Issued', <DateTime key="issued" value={invoice.issuedAt} />],
    ['Due', invoice.dueAt ? <DateTime key="due" value={invoice.dueAt} dateOnly /> : '—'],
  ];
  if (invoice.paidAt) details.push(['Paid', <DateTime key="paid" value={invoice.paidAt} />]);
  details.push(['Amount paid', formatMoney(invoice.amountPaid)], ['Amount due', formatMoney(invoice.amountDue)]);
  if (invoice.order) {
    details.push(['Order', <Link key="order" to={orderPath(invoice.order.id)}>{invoice.order.number}</Link>]);
  }
  if (invoice.summaryInvoice) {
    details.push([
      'Summarized in',
      <Link key="summary" to={invoicePath(invoice.summaryInvoice.id)}>
        {invoice.summaryInvoice.number}
      </Link>,
    ]);
  }
  return <DetailsList details={details} />;
}
