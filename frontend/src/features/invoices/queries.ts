import { graphql } from '../../gql';
import type { InvoiceQuery, InvoicesQuery } from '../../gql/graphql';

/**
 * An invoice's number and where it stands: its status, total, what is left to
 * pay and by when, and its note. Also what an order's pages show of its invoice.
 */
export const invoiceStatusFields = graphql(`
  fragment InvoiceStatusFields on Invoice {
    id
    number
    status
    dueAt
    notes
    total {
      ...MoneyFields
    }
    amountDue {
      ...MoneyFields
    }
  }
`);

/** An invoice as the list shows it. */
export const invoiceRowFields = graphql(`
  fragment InvoiceRowFields on Invoice {
    ...InvoiceStatusFields
    kind
    issuedAt
    reseller {
      id
      name
    }
  }
`);

export const invoicesQuery = graphql(`
  query Invoices(
    $first: Int!
    $after: String
    $last: Int
    $before: String
    $orderBy: InvoiceOrder
    $filter: InvoiceFilter
  ) {
    invoices(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
      edges {
        node {
          ...InvoiceRowFields
        }
      }
      pageInfo {
        ...PageFields
      }
    }
  }
`);

/** The summary invoices still to pay, shown above all invoices. */
export const unpaidSummaryInvoicesQuery = graphql(`
  query UnpaidSummaryInvoices {
    invoices(first: 100, filter: { unpaid: true, kind: SUMMARY }) {
      edges {
        node {
          ...InvoiceRowFields
        }
      }
    }
  }
`);

export const invoiceQuery = graphql(`
  query Invoice($id: ID!) {
    node(id: $id) {
      __typename
      ... on Invoice {
        ...InvoiceRowFields
        paidAt
        subtotal {
          ...MoneyFields
        }
        discount {
          ...MoneyFields
        }
        amountPaid {
          ...MoneyFields
        }
        billing {
          ...DocumentBillingFields
        }
        lines {
          ...PricedInvoiceLineFields
        }
        order {
          id
          number
        }
        summaryInvoice {
          id
          number
        }
        summarizedInvoices {
          ...InvoiceRowFields
        }
        period
        pdfUrl
        payments {
          ...PaymentRowFields
        }
      }
    }
  }
`);

/** What a payment changes of an invoice: its status, what is paid and due, and its payments. */
export const invoicePaymentFields = graphql(`
  fragment InvoicePaymentFields on Invoice {
    ...InvoiceStatusFields
    paidAt
    amountPaid {
      ...MoneyFields
    }
    payments {
      ...PaymentRowFields
    }
  }
`);

/** Pays what is due of an invoice by card: the card's one-time token, once per idempotency key. */
export const payInvoiceMutation = graphql(`
  mutation PayInvoice($input: PayInvoiceInput!) {
    payInvoice(input: $input) {
      invoice {
        ...InvoicePaymentFields
      }
      payment {
        ...PaymentRowFields
      }
      replayed
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The vendor records a payment received outside the portal (a bank transfer), in full or in part. */
export const recordPaymentMutation = graphql(`
  mutation RecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      invoice {
        ...InvoicePaymentFields
      }
      payment {
        ...PaymentRowFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Emails the invoice, its PDF attached, to the addresses given. */
export const emailInvoiceMutation = graphql(`
  mutation EmailInvoice($input: EmailInvoiceInput!) {
    emailInvoice(input: $input) {
      sentTo
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type InvoiceRow = InvoicesQuery['invoices']['edges'][number]['node'];
export type InvoiceDetails = Extract<NonNullable<InvoiceQuery['node']>, { __typename: 'Invoice' }>;
