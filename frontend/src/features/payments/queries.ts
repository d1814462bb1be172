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
  query Payments(
    $first: Int!
    $after: String
    $last: Int
    $before: String
    $orderBy: PaymentOrder
    $filter: PaymentFilter
  ) {
    payments(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
      edges {
        node {
          ...PaymentRowFields
        }
      }
      pageInfo {
        ...PageFields
      }
    }
  }
`);

export type PaymentRow = PaymentRowFieldsFragment;
