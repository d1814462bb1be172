import { graphql } from '../../gql';
import type { PaymentRowFieldsFragment } from '../../gql/graphql';

/** A payment as the lists show it: when, how much, how and by whom, and the invoice it paid. */
export const paymentRowFields = graphql(`
  fragment PaymentRowFields on Payment {
    id
    kind
    amount {
      ...MoneyFields
    }
    gateway
    reference
    receivedAt
    recordedBy
    invoice {
      id
      number
    }
    reseller {
      id
      name
    }
  }
`);

export const paymentsQuery = graphql(`
  query Payments($first: Int!, $after: String, $filter: PaymentFilter) {
    payments(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          ...PaymentRowFields
        }
      }
      pageInfo {
        ...NextPageFields
      }
    }
  }
`);

export type PaymentRow = PaymentRowFieldsFragment;
