import { graphql } from '../gql';
import type { DocumentBillingFieldsFragment } from '../gql/graphql';

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

export type DocumentBilling = DocumentBillingFieldsFragment;
