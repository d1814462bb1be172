import { Badge } from '../../../components/Badge';
import type { InvoiceStatus } from '../../../gql/graphql';
import { INVOICE_STATUS_LABELS } from '../../../lib/labels';
import { INVOICE_STATUS_TONES } from '../labels';

/** Where an invoice is in its life, as a coloured label. */
export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return <Badge tone={INVOICE_STATUS_TONES[status]}>{INVOICE_STATUS_LABELS[status]}</Badge>;
}
