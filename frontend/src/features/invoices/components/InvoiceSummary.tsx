import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime';
import { DetailsList, type Detail } from '../../../components/DetailsList';
import { ResellerLink } from '../../../components/ResellerLink';
import { formatMoney } from '../../../lib/money';
import { invoicePath, orderPath } from '../../../lib/paths';
import { formatPeriod } from '../../billingAdmin/period';
import { INVOICE_KIND_LABELS } from '../labels';
import type { InvoiceDetails } from '../queries';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';

interface InvoiceSummaryProps {
  invoice: InvoiceDetails;
  /** Name the reseller account it bills (the vendor sees every account's). */
  showReseller: boolean;
}

/** An invoice's reseller, kind (and a summary's month), status, dates, what is paid and due, and what it belongs to. */
export function InvoiceSummary({ invoice, showReseller }: InvoiceSummaryProps) {
  const details: Detail[] = [
    ...(showReseller
      ? [['Reseller', <ResellerLink key="reseller" reseller={invoice.reseller} />] satisfies Detail]
      : []),
    ['Kind', INVOICE_KIND_LABELS[invoice.kind]],
    ...(invoice.period ? [['Month', formatPeriod(invoice.period)] satisfies Detail] : []),
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
