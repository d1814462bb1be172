import { graphql } from '../../gql';
import type { BillingPeriodFieldsFragment } from '../../gql/graphql';

/** A closed month: when and by whom, and the summary invoices it made. */
export const billingPeriodFields = graphql(`
  fragment BillingPeriodFields on BillingPeriod {
    id
    period
    closedAt
    closedBy
    summaryCount
    invoiceCount
    total {
      ...MoneyFields
    }
  }
`);

export const billingPeriodsQuery = graphql(`
  query BillingPeriods($first: Int!, $after: String) {
    billingPeriods(first: $first, after: $after) {
      edges {
        node {
          ...BillingPeriodFields
        }
      }
      pageInfo {
        ...NextPageFields
      }
    }
  }
`);

/** Closes a month: every reseller's invoices of that month waiting for the summary go into one summary invoice each. */
export const closeBillingPeriodMutation = graphql(`
  mutation CloseBillingPeriod($input: CloseBillingPeriodInput!) {
    closeBillingPeriod(input: $input) {
      billingPeriod {
        ...BillingPeriodFields
      }
      summaryInvoicesCreated
      invoicesSummarized
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type BillingPeriodRow = BillingPeriodFieldsFragment;
