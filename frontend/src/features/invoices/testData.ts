import type { InvoiceQuery, PayInvoiceMutation, RecordPaymentMutation } from '../../gql/graphql';
import { BILLING } from '../../test/billing';
import { usd } from '../../test/money';
import type { PaymentRow } from '../payments/queries';
import type { InvoiceDetails } from './queries';

/** Fixtures for the tests of the invoice's page, its dialogs and the Payments page. */

export const PENDING_NOTE =
  'This invoice will be summarized in the monthly summarized invoice and does not need to be paid immediately.';

const RESELLER = { id: 'UmVzZWxsZXI6MQ==', name: 'Reseller Example Inc.' };

/** An order's invoice on the monthly invoice, not summarized yet: INV-2026-000001. */
export const PENDING: InvoiceDetails = {
  __typename: 'Invoice',
  id: 'SW52b2ljZTox',
  number: 'INV-2026-000001',
  kind: 'ORDER',
  status: 'PENDING_SUMMARY',
  issuedAt: '2026-11-27T12:00:00+00:00',
  dueAt: null,
  paidAt: null,
  subtotal: usd('1249.00'),
  discount: usd('249.80'),
  total: usd('999.20'),
  amountPaid: usd('0.00'),
  amountDue: usd('999.20'),
  notes: PENDING_NOTE,
  billing: { ...BILLING, addressLine2: 'Suite 5', region: '' },
  lines: [
    {
      position: 1,
      description: 'SmarterMail Enterprise, 250 mailboxes',
      quantity: 1,
      unitPrice: usd('1249.00'),
      subtotal: usd('1249.00'),
      discount: usd('249.80'),
      total: usd('999.20'),
    },
  ],
  order: { id: 'T3JkZXI6MQ==', number: 'ORD-2026-000001' },
  summaryInvoice: null,
  summarizedInvoices: [],
  period: null,
  pdfUrl: '/invoices/SW52b2ljZTox/pdf',
  payments: [],
  reseller: RESELLER,
};

/** October's summary invoice collecting PENDING, open: INV-2026-000003, $999.20 due. */
export const SUMMARY: InvoiceDetails = {
  ...PENDING,
  id: 'SW52b2ljZToz',
  number: 'INV-2026-000003',
  kind: 'SUMMARY',
  status: 'OPEN',
  issuedAt: '2026-11-01T00:00:00+00:00',
  dueAt: '2026-12-01T00:00:00+00:00',
  notes: 'Summary Invoice',
  order: null,
  period: '2026-10',
  pdfUrl: '/invoices/SW52b2ljZToz/pdf',
  summarizedInvoices: [
    {
      id: PENDING.id,
      number: PENDING.number,
      kind: PENDING.kind,
      status: 'PENDING_SUMMARY',
      issuedAt: PENDING.issuedAt,
      dueAt: null,
      total: PENDING.total,
      amountDue: PENDING.amountDue,
      notes: PENDING.notes,
      reseller: RESELLER,
    },
  ],
};

export const CARD_PAYMENT: PaymentRow = {
  id: 'UGF5bWVudDox',
  kind: 'CARD',
  amount: usd('999.20'),
  gateway: 'sandbox',
  reference: 'ch_sandbox_0001',
  receivedAt: '2026-11-28T09:30:00+00:00',
  recordedBy: 'owner@reseller.example',
  invoice: { id: SUMMARY.id, number: SUMMARY.number },
  reseller: RESELLER,
};

export const BANK_PAYMENT: PaymentRow = {
  ...CARD_PAYMENT,
  id: 'UGF5bWVudDoy',
  kind: 'BANK_TRANSFER',
  amount: usd('400.00'),
  gateway: 'bank',
  reference: 'BANK-REF-77',
  receivedAt: '2026-11-20T12:00:00+00:00',
  recordedBy: 'admin@example.com',
};

/** SUMMARY once paid in full by card. */
export const PAID_SUMMARY: InvoiceDetails = {
  ...SUMMARY,
  status: 'PAID',
  paidAt: CARD_PAYMENT.receivedAt,
  amountPaid: usd('999.20'),
  amountDue: usd('0.00'),
  payments: [CARD_PAYMENT],
};

/** The invoice query's answer with this invoice. */
export function invoiceAnswer(invoice: InvoiceDetails): { data: InvoiceQuery } {
  return { data: { node: invoice } };
}

/** What paying or recording a payment answers: the invoice as it is now and the payment. */
export function paymentMade(invoice: InvoiceDetails, payment: PaymentRow) {
  const changed = {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    dueAt: invoice.dueAt,
    notes: invoice.notes,
    total: invoice.total,
    amountDue: invoice.amountDue,
    paidAt: invoice.paidAt,
    amountPaid: invoice.amountPaid,
    payments: invoice.payments,
  };
  return {
    pay: {
      data: { payInvoice: { invoice: changed, payment, replayed: false, userErrors: [] } } satisfies PayInvoiceMutation,
    },
    record: {
      data: { recordPayment: { invoice: changed, payment, userErrors: [] } } satisfies RecordPaymentMutation,
    },
  };
}

type UserErrors = PayInvoiceMutation['payInvoice']['userErrors'];

/** A payment refused with these user errors: nothing changed. */
export function paymentRefused(userErrors: UserErrors) {
  return {
    pay: {
      data: { payInvoice: { invoice: null, payment: null, replayed: false, userErrors } } satisfies PayInvoiceMutation,
    },
    record: { data: { recordPayment: { invoice: null, payment: null, userErrors } } satisfies RecordPaymentMutation },
  };
}
