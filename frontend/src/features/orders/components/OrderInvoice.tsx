import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime';
import { DetailsList } from '../../../components/DetailsList';
import type { InvoiceStatusFieldsFragment } from '../../../gql/graphql';
import { formatMoney } from '../../../lib/money';
import { invoicePath } from '../../../lib/paths';
import { InvoiceStatusBadge } from '../../invoices/components/InvoiceStatusBadge';

/** The invoice of an order: its number, status, what is due and when. */
export function OrderInvoice({ invoice }: { invoice: InvoiceStatusFieldsFragment }) {
  return (
    <>
      <DetailsList
        details={[
          ['Invoice', <Link key="invoice" to={invoicePath(invoice.id)}>{invoice.number}</Link>],
          ['Status', <InvoiceStatusBadge key="status" status={invoice.status} />],
          ['Amount due', formatMoney(invoice.amountDue)],
          ['Due', invoice.dueAt ? <DateTime key="due" value={invoice.dueAt} dateOnly /> : '—'],
        ]}
      />
      {invoice.notes && <p>{invoice.notes}</p>}
    </>
  );
}
