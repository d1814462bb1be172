import { graphql } from '../../gql';
import type { ApiKeysQuery } from '../../gql/graphql';

export const apiKeysQuery = graphql(`
  query ApiKeys($first: Int!, $after: String) {
    apiKeys(first: $first, after: $after) {
      edges {
        node {
          id
          name
          role
          prefix
          createdAt
          createdBy
          lastUsedAt
          revokedAt
          active
        }
      }
      pageInfo {
        ...NextPageFields
      }
    }
  }
`);

export const createApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey {
        id
        name
        role
        prefix
      }
      secret
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const revokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        active
        revokedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type ApiKey = ApiKeysQuery['apiKeys']['edges'][number]['node'];
