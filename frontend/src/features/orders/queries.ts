import { graphql } from '../../gql';
import type { OrderQuery, OrdersQuery } from '../../gql/graphql';

/** An order as the list shows it. */
export const orderRowFields = graphql(`
  fragment OrderRowFields on Order {
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
      ...MoneyFields
    }
    invoice {
      id
      number
      status
    }
  }
`);

/** A license as it was before or after an order line changed it. */
export const licenseSnapshotFields = graphql(`
  fragment LicenseSnapshotFields on LicenseSnapshot {
    edition {
      code
      name
    }
    tier {
      code
      name
    }
    addons {
      code
      name
    }
    maintenanceExpiresAt
    revision
  }
`);

/** What an order charges: the discount applied, and its subtotal, discount and total. */
export const orderTotalsFields = graphql(`
  fragment OrderTotalsFields on Order {
    discountPercent
    subtotal {
      ...MoneyFields
    }
    discount {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
  }
`);

export const ordersQuery = graphql(`
  query Orders(
    $first: Int!
    $after: String
    $last: Int
    $before: String
    $orderBy: OrderOrder
    $search: String
    $paymentMethod: PaymentMethod
  ) {
    orders(
      first: $first
      after: $after
      last: $last
      before: $before
      orderBy: $orderBy
      search: $search
      paymentMethod: $paymentMethod
    ) {
      edges {
        node {
          ...OrderRowFields
        }
      }
      pageInfo {
        ...PageFields
      }
    }
  }
`);

export const orderQuery = graphql(`
  query Order($id: ID!) {
    node(id: $id) {
      __typename
      ... on Order {
        ...OrderRowFields
        ...OrderTotalsFields
        billing {
          ...DocumentBillingFields
        }
        lines {
          ...PricedOrderLineFields
          kind
          years
          license {
            id
            key
          }
          change {
            before {
              ...LicenseSnapshotFields
            }
            after {
              ...LicenseSnapshotFields
            }
          }
        }
        invoice {
          ...InvoiceStatusFields
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
export type OrderLine = OrderDetails['lines'][number];
