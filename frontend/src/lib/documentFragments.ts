import { graphql } from '../gql';
import type {
  DocumentBillingFieldsFragment,
  PricedInvoiceLineFieldsFragment,
  PricedOrderLineFieldsFragment,
} from '../gql/graphql';

/** Who an order or invoice is billed to. */
export const documentBillingFields = graphql(`
  fragment DocumentBillingFields on BillingDetails {
    name
    contactName
    addressLine1
    addressLine2
    city
    postalCode
    region
    country
    email
  }
`);

/** An order's line as the order's page lists it: what, how many, and its prices. */
export const pricedOrderLineFields = graphql(`
  fragment PricedOrderLineFields on OrderLine {
    position
    description
    quantity
    unitPrice {
      ...MoneyFields
    }
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

/** The same of an invoice's line (the schema gives the two line types no common interface). */
export const pricedInvoiceLineFields = graphql(`
  fragment PricedInvoiceLineFields on InvoiceLine {
    position
    description
    quantity
    unitPrice {
      ...MoneyFields
    }
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

export type DocumentBilling = DocumentBillingFieldsFragment;
/** A line of an order or an invoice: what, how many, and its prices. */
export type PricedLine = PricedOrderLineFieldsFragment | PricedInvoiceLineFieldsFragment;
