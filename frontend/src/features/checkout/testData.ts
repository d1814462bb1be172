import type { Cart } from '../cart/queries';
import type { ConfirmationInvoice, ConfirmationOrder } from './queries';

/** Fixtures for the tests of the checkout and the order confirmation. */

export const ORDER_ID = 'T3JkZXI6Nw==';

/**
 * The order the cart becomes on the monthly invoice, as the checkout answers:
 * ORD-2026-000007 with the cart's lines and amounts, and its invoice waiting
 * for the month's summary.
 */
export function placedOnInvoice(cart: Cart): { order: ConfirmationOrder; invoice: ConfirmationInvoice } {
  return {
    order: {
      id: ORDER_ID,
      number: 'ORD-2026-000007',
      placedAt: '2026-03-02T10:00:00Z',
      paymentMethod: 'INVOICE',
      discountPercent: cart.discountPercent,
      subtotal: cart.subtotal,
      discount: cart.discount,
      total: cart.total,
      lines: cart.lines.map((line, index) => ({ ...line, position: index + 1 })),
    },
    invoice: {
      id: 'SW52b2ljZTo3',
      number: 'INV-2026-000007',
      status: 'PENDING_SUMMARY',
      notes: 'This invoice will be summarized in the monthly summarized invoice and does not need to be paid immediately.',
      dueAt: null,
      total: cart.total,
      amountDue: cart.total,
    },
  };
}
