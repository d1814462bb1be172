import { graphql } from '../../gql';
import type { CompanyDetailsQuery } from '../../gql/graphql';

/** Whom the account's invoices are addressed to: company, contact, address and invoice email. */
export const accountBillingFields = graphql(`
  fragment AccountBillingFields on Reseller {
    name
    contactName
    addressLine1
    addressLine2
    city
    postalCode
    region
    country
    billingEmail
  }
`);

/** The account's contact information, notification choices and terms. */
export const companyDetailsFields = graphql(`
  fragment CompanyDetailsFields on Reseller {
    id
    ...AccountBillingFields
    phone
    notifyInvoiceCreated
    notifySummaryInvoiceCreated
    notifyLicenseAssigned
    discountPercent
    mayPayByInvoice
    status
  }
`);

/** The viewer's reseller account. */
export const companyDetailsQuery = graphql(`
  query CompanyDetails {
    viewer {
      reseller {
        ...CompanyDetailsFields
      }
    }
  }
`);

export const updateAccountMutation = graphql(`
  mutation UpdateAccount($input: UpdateAccountInput!) {
    updateAccount(input: $input) {
      account {
        ...CompanyDetailsFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type CompanyAccount = NonNullable<NonNullable<CompanyDetailsQuery['viewer']>['reseller']>;
