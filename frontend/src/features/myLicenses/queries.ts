import { graphql } from '../../gql';
import type { MyLicensesQuery } from '../../gql/graphql';

/** A license as its customer sees it: what it licenses, its key, M&S, who sold it and where it runs. */
export const myLicenseFields = graphql(`
  fragment MyLicenseFields on License {
    id
    key
    ...LicenseChoiceFields
    maintenanceExpiresAt
    maintenanceStatus
    assignedAt
    soldBy
    ...LicenseInstallationsFields
  }
`);

/** The customer's licenses: the API gives a customer only its own. */
export const myLicensesQuery = graphql(`
  query MyLicenses($first: Int!, $after: String) {
    licenses(first: $first, after: $after) {
      edges {
        node {
          ...MyLicenseFields
        }
      }
      pageInfo {
        ...NextPageFields
      }
    }
  }
`);

export type MyLicense = MyLicensesQuery['licenses']['edges'][number]['node'];
