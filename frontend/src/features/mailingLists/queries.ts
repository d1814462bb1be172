import { graphql } from '../../gql';
import type { MailingListsQuery } from '../../gql/graphql';

/** The mailing lists with who receives them, and (for the owner's table) the people of the account. */
export const mailingListsQuery = graphql(`
  query MailingLists($withPeople: Boolean!) {
    mailingLists {
      code
      name
      description
      subscribed
      subscribers {
        id
      }
    }
    employees(first: 100) @include(if: $withPeople) {
      edges {
        node {
          id
          name
          email
          isViewer
          mailingLists
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const setSubscriptionMutation = graphql(`
  mutation SetMailingListSubscription($input: SetMailingListSubscriptionInput!) {
    setMailingListSubscription(input: $input) {
      employee {
        id
        mailingLists
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type MailingList = MailingListsQuery['mailingLists'][number];
export type Subscriber = NonNullable<MailingListsQuery['employees']>['edges'][number]['node'];
