import type { InvoiceStatus, PaymentMethod } from '../../gql/graphql';

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  OPEN: 'Open',
  PENDING_SUMMARY: 'Pending summary',
  PAID: 'Paid',
  VOID: 'Void',
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  PAY_ON_ORDER: 'Paid by card',
  INVOICE: 'On the monthly invoice',
};

/** The badge of each status: paid is done, open and pending wait, void is cancelled. */
export const INVOICE_STATUS_BADGES: Record<InvoiceStatus, string> = {
  OPEN: 'badge--pending',
  PENDING_SUMMARY: 'badge--pending',
  PAID: 'badge--active',
  VOID: 'badge--failed',
};
