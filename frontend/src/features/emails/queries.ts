import { graphql } from '../../gql';
import type { EmailQuery, EmailsQuery } from '../../gql/graphql';

/** A message's headers and delivery status. */
export const emailSummaryFields = graphql(`
  fragment EmailSummaryFields on EmailMessage {
    id
    template
    to
    subject
    status
    attempts
    lastError
    createdAt
    sentAt
  }
`);

export const emailsQuery = graphql(`
  query Emails($first: Int!, $after: String, $status: EmailStatus) {
    emails(first: $first, after: $after, status: $status) {
      edges {
        node {
          ...EmailSummaryFields
        }
      }
      pageInfo {
        ...NextPageFields
      }
    }
  }
`);

export const emailQuery = graphql(`
  query Email($id: ID!) {
    node(id: $id) {
      __typename
      ... on EmailMessage {
        ...EmailSummaryFields
        textBody
        htmlBody
      }
    }
  }
`);

export type EmailRow = EmailsQuery['emails']['edges'][number]['node'];
export type EmailDetails = Extract<NonNullable<EmailQuery['node']>, { __typename: 'EmailMessage' }>;
