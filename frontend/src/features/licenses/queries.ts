import { graphql } from '../../gql';
import type { LicenseQuery, LicensesQuery } from '../../gql/graphql';

/** A license as the list shows it. */
export const licenseRowFields = graphql(`
  fragment LicenseRowFields on License {
    id
    key
    status
    personal
    ...LicenseChoiceFields
    maintenanceExpiresAt
    maintenanceStatus
    createdAt
    order {
      id
      number
    }
    reseller {
      id
      name
    }
  }
`);

export const licensesQuery = graphql(`
  query Licenses(
    $first: Int!
    $after: String
    $last: Int
    $before: String
    $orderBy: LicenseOrder
    $filter: LicenseFilter
  ) {
    licenses(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
      edges {
        node {
          ...LicenseRowFields
        }
      }
      pageInfo {
        ...PageFields
      }
    }
  }
`);

/** The products to filter licenses by. */
export const licenseProductsQuery = graphql(`
  query LicenseProducts {
    products {
      id
      code
      name
    }
  }
`);

export const licenseQuery = graphql(`
  query License($key: String!) {
    license(key: $key) {
      ...LicenseRowFields
      ...LicenseAssignmentFields
      ...LicenseModificationFields
      ...LicenseInstallationsFields
      revision
      assignedAt
    }
  }
`);

export type LicenseRow = LicensesQuery['licenses']['edges'][number]['node'];
export type LicenseDetails = NonNullable<LicenseQuery['license']>;
