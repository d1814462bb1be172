import { graphql } from '../gql';

/** The user errors every mutation payload returns. */
export const userErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    code
    message
    field
  }
`);

/** What "Load more" needs of a connection's page. */
export const nextPageFields = graphql(`
  fragment NextPageFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

/** What a pager needs of a connection's page: whether there are pages on either side, and where. */
export const pageFields = graphql(`
  fragment PageFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);

/** An amount of money as the API sends it (see lib/money's Money). */
export const moneyFields = graphql(`
  fragment MoneyFields on Money {
    amount
    currency
  }
`);
