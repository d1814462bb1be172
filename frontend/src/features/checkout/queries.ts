import { graphql } from '../../gql';
import type {
  CheckoutDetailsQuery,
  ConfirmationLicenseFieldsFragment,
  ConfirmationOrderFieldsFragment,
  InvoiceStatusFieldsFragment,
} from '../../gql/graphql';

/** The cart to check out, and the account's terms and contact information for the billing form. */
export const checkoutDetailsQuery = graphql(`
  query CheckoutDetails {
    cart {
      ...CartFields
    }
    viewer {
      reseller {
        id
        discountPercent
        mayPayByInvoice
        ...AccountBillingFields
      }
    }
  }
`);

/** An order as its confirmation page shows it. */
export const confirmationOrderFields = graphql(`
  fragment ConfirmationOrderFields on Order {
    id
    number
    placedAt
    paymentMethod
    ...OrderTotalsFields
    lines {
      position
      kind
      description
      quantity
      years
      license {
        id
        key
      }
      assignToEmail
      personal
      product {
        code
        name
      }
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
      unitPrice {
        ...MoneyFields
      }
      subtotal {
        ...MoneyFields
      }
    }
  }
`);

export const confirmationLicenseFields = graphql(`
  fragment ConfirmationLicenseFields on License {
    id
    key
    status
    personal
    ...LicenseChoiceFields
  }
`);

export const checkoutMutation = graphql(`
  mutation Checkout($input: CheckoutInput!) {
    checkout(input: $input) {
      order {
        ...ConfirmationOrderFields
      }
      invoice {
        ...InvoiceStatusFields
      }
      licenses {
        ...ConfirmationLicenseFields
      }
      replayed
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** An order placed earlier, for its confirmation page when it is opened again. */
export const orderConfirmationQuery = graphql(`
  query OrderConfirmation($id: ID!) {
    node(id: $id) {
      __typename
      ... on Order {
        ...ConfirmationOrderFields
        invoice {
          ...InvoiceStatusFields
        }
        licenses {
          ...ConfirmationLicenseFields
        }
      }
    }
  }
`);

export type CheckoutAccount = NonNullable<NonNullable<CheckoutDetailsQuery['viewer']>['reseller']>;
export type ConfirmationOrder = ConfirmationOrderFieldsFragment;
export type ConfirmationInvoice = InvoiceStatusFieldsFragment;
export type ConfirmationLicense = ConfirmationLicenseFieldsFragment;

/** What the confirmation page shows: the order, its invoice (if the role may see it) and its licenses. */
export interface Confirmation {
  order: ConfirmationOrder;
  invoice: ConfirmationInvoice | null;
  licenses: readonly ConfirmationLicense[];
  /** True when the checkout answered a repeated request: nothing new was bought. */
  replayed: boolean;
}
