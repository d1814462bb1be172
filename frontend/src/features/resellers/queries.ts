import { graphql } from '../../gql';
import type { ResellerQuery, ResellersQuery } from '../../gql/graphql';

/** A reseller as the list shows it: terms, status and owner. */
export const resellerRowFields = graphql(`
  fragment ResellerRowFields on Reseller {
    id
    name
    ownerEmail
    billingEmail
    discountPercent
    mayPayByInvoice
    status
    createdAt
  }
`);

export const resellersQuery = graphql(`
  query Resellers(
    $first: Int!
    $after: String
    $last: Int
    $before: String
    $orderBy: ResellerOrder
    $search: String
    $status: ResellerStatus
  ) {
    resellers(
      first: $first
      after: $after
      last: $last
      before: $before
      orderBy: $orderBy
      search: $search
      status: $status
    ) {
      edges {
        node {
          ...ResellerRowFields
        }
      }
      pageInfo {
        ...PageFields
      }
    }
  }
`);

export const resellerQuery = graphql(`
  query Reseller($id: ID!) {
    node(id: $id) {
      __typename
      ... on Reseller {
        ...ResellerRowFields
        contactName
        phone
        addressLine1
        addressLine2
        city
        postalCode
        region
        country
      }
    }
  }
`);

export const createResellerMutation = graphql(`
  mutation CreateReseller($input: CreateResellerInput!) {
    createReseller(input: $input) {
      reseller {
        id
        name
        ownerEmail
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateResellerMutation = graphql(`
  mutation UpdateReseller($input: UpdateResellerInput!) {
    updateReseller(input: $input) {
      reseller {
        ...ResellerRowFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type ResellerRow = ResellersQuery['resellers']['edges'][number]['node'];
export type ResellerDetails = Extract<NonNullable<ResellerQuery['node']>, { __typename: 'Reseller' }>;
