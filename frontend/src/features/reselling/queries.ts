import { graphql } from '../../gql';
import type { AssignLicenseMutation, ResellerCustomersQuery, UnassignedLicensesQuery } from '../../gql/graphql';

/** A license bought for resale, as the Unassigned Products list and the product dialog show it. */
export const resaleLicenseFields = graphql(`
  fragment ResaleLicenseFields on License {
    id
    key
    ...LicenseChoiceFields
    maintenanceExpiresAt
    maintenanceStatus
    createdAt
  }
`);

/** The account's licenses for resale that no customer has yet, newest first. */
export const unassignedLicensesQuery = graphql(`
  query UnassignedLicenses($first: Int!, $after: String) {
    licenses(first: $first, after: $after, filter: { status: UNASSIGNED, personal: false }) {
      edges {
        node {
          ...ResaleLicenseFields
        }
      }
      pageInfo {
        ...NextPageFields
      }
    }
  }
`);

/** A customer as the Reseller Customers list shows them. */
export const customerRowFields = graphql(`
  fragment CustomerRowFields on Customer {
    id
    email
    name
    licenseCount
    products {
      code
      name
    }
    firstAssignedAt
    lastAssignedAt
  }
`);

export const resellerCustomersQuery = graphql(`
  query ResellerCustomers(
    $first: Int!
    $after: String
    $last: Int
    $before: String
    $orderBy: CustomerOrder
    $search: String
  ) {
    customers(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, search: $search) {
      edges {
        node {
          ...CustomerRowFields
        }
      }
      pageInfo {
        ...PageFields
      }
    }
  }
`);

/** Whom a license is assigned to, for the license's page. */
export const licenseAssignmentFields = graphql(`
  fragment LicenseAssignmentFields on License {
    status
    personal
    customer {
      id
      email
      name
    }
  }
`);

export const assignLicenseMutation = graphql(`
  mutation AssignLicense($input: AssignLicenseInput!) {
    assignLicense(input: $input) {
      license {
        ...ResaleLicenseFields
        ...LicenseAssignmentFields
        assignedAt
      }
      customer {
        ...CustomerRowFields
      }
      customerCreated
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type ResaleLicense = UnassignedLicensesQuery['licenses']['edges'][number]['node'];
export type CustomerRow = ResellerCustomersQuery['customers']['edges'][number]['node'];
export type AssignLicensePayload = AssignLicenseMutation['assignLicense'];
