import { graphql } from '../../gql';
import type { OrderQuery, OrdersQuery } from '../../gql/graphql';

export const ordersQuery = graphql(`
  query Orders($first: Int!, $after: String) {
    orders(first: $first, after: $after) {
      edges {
        node {
          id
          number
          placedAt
          placedBy
          paymentMethod
          reseller {
            id
            name
          }
          total {
            amount
            currency
          }
          invoice {
            id
            number
            status
          }
        }
      }
      pageInfo {
        ...NextPageFields
      }
    }
  }
`);

export const orderQuery = graphql(`
  query Order($id: ID!) {
    node(id: $id) {
      __typename
      ... on Order {
        id
        number
        placedAt
        placedBy
        paymentMethod
        reseller {
          id
          name
        }
        discountPercent
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
        invoice {
          id
          number
          status
          dueAt
          amountDue {
            amount
            currency
          }
          notes
        }
        licenses {
          id
          key
          product {
            name
          }
          edition {
            name
          }
          tier {
            name
          }
        }
      }
    }
  }
`);

export type OrderRow = OrdersQuery['orders']['edges'][number]['node'];
export type OrderDetails = Extract<NonNullable<OrderQuery['node']>, { __typename: 'Order' }>;
