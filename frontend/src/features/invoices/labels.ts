import type { BadgeTone } from '../../components/Badge';
import type { InvoiceKind, InvoiceStatus } from '../../gql/graphql';

export const INVOICE_STATUS_TONES: Record<InvoiceStatus, BadgeTone> = {
  OPEN: 'warning',
  PENDING_SUMMARY: 'neutral',
  PAID: 'success',
  VOID: 'neutral',
};

export const INVOICE_KIND_LABELS: Record<InvoiceKind, string> = {
  ORDER: 'Order',
  SUMMARY: 'Summary',
};
