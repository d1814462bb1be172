import type { InvoiceStatus } from '../../gql/graphql';

/**
 * Whether an invoice is to be paid itself: not paid or void, and not waiting
 * for the monthly summary (whose summary invoice is the one to pay).
 */
export function isPayable(invoice: { status: InvoiceStatus }): boolean {
  return invoice.status !== 'PAID' && invoice.status !== 'VOID' && invoice.status !== 'PENDING_SUMMARY';
}
