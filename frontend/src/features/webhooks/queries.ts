import { graphql } from '../../gql';
import type { WebhookDeliveriesQuery, WebhookEndpointQuery, WebhookEndpointsQuery } from '../../gql/graphql';

export const webhookEndpointsQuery = graphql(`
  query WebhookEndpoints($first: Int!, $after: String) {
    webhookEndpoints(first: $first, after: $after) {
      edges {
        node {
          id
          url
          description
          events
          enabled
          createdAt
          createdBy
          lastDelivery {
            id
            status
            lastStatusCode
            createdAt
          }
          deliveryCounts {
            pending
            failed
          }
        }
      }
      pageInfo {
        ...NextPageFields
      }
    }
  }
`);

export const webhookEndpointQuery = graphql(`
  query WebhookEndpoint($id: ID!) {
    webhookEndpoint(id: $id) {
      id
      url
      description
      events
      enabled
      createdAt
      createdBy
      disabledAt
    }
  }
`);

export const webhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($id: ID!, $status: WebhookDeliveryStatus, $first: Int!, $after: String) {
    webhookEndpoint(id: $id) {
      id
      deliveries(first: $first, after: $after, status: $status) {
        edges {
          node {
            id
            status
            attempts
            lastStatusCode
            lastError
            createdAt
            nextAttemptAt
            deliveredAt
            event {
              eventId
              type
              occurredAt
              payload
            }
            attemptLog {
              at
              statusCode
              error
              durationMs
            }
          }
        }
        pageInfo {
          ...NextPageFields
        }
      }
    }
  }
`);

export const createWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        id
        url
      }
      secret
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      endpoint {
        id
        url
        description
        events
        enabled
        disabledAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const deleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($input: WebhookEndpointInput!) {
    deleteWebhookEndpoint(input: $input) {
      deletedEndpointId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const rollWebhookSecretMutation = graphql(`
  mutation RollWebhookSecret($input: WebhookEndpointInput!) {
    rollWebhookSecret(input: $input) {
      endpoint {
        id
      }
      secret
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const sendTestWebhookMutation = graphql(`
  mutation SendTestWebhook($input: WebhookEndpointInput!) {
    sendTestWebhook(input: $input) {
      delivery {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const redeliverWebhookDeliveryMutation = graphql(`
  mutation RedeliverWebhookDelivery($input: RedeliverWebhookDeliveryInput!) {
    redeliverWebhookDelivery(input: $input) {
      delivery {
        id
        status
        attempts
        nextAttemptAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type WebhookEndpointRow = WebhookEndpointsQuery['webhookEndpoints']['edges'][number]['node'];
export type WebhookEndpointDetails = NonNullable<WebhookEndpointQuery['webhookEndpoint']>;
export type WebhookDeliveryRow = NonNullable<
  WebhookDeliveriesQuery['webhookEndpoint']
>['deliveries']['edges'][number]['node'];
