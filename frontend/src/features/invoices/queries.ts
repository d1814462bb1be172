import { graphql } from '../../gql';
import type { InvoiceQuery, InvoicesQuery } from '../../gql/graphql';

/** An invoice as the list shows it. */
export const invoiceRowFields = graphql(`
  fragment InvoiceRowFields on Invoice {
    id
    number
    kind
    status
    issuedAt
    dueAt
    total {
      amount
      currency
    }
    amountDue {
      amount
      currency
    }
    notes
    reseller {
      id
      name
    }
  }
`);

export const invoicesQuery = graphql(`
  query Invoices($first: Int!, $after: String, $filter: InvoiceFilter) {
    invoices(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          ...InvoiceRowFields
        }
      }
      pageInfo {
        ...NextPageFields
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
          amount
          currency
        }
        discount {
          amount
          currency
        }
        amountPaid {
          amount
          currency
        }
        billing {
          ...DocumentBillingFields
        }
        lines {
          position
          description
          quantity
          unitPrice {
            amount
            currency
          }
          subtotal {
            amount
            currency
          }
          discount {
            amount
            currency
          }
          total {
            amount
            currency
          }
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
      }
    }
  }
`);

export type InvoiceRow = InvoicesQuery['invoices']['edges'][number]['node'];
export type InvoiceDetails = Extract<NonNullable<InvoiceQuery['node']>, { __typename: 'Invoice' }>;
