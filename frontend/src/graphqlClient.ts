import { cacheExchange, Client, fetchExchange } from 'urql';

/**
 * The client for the Partner Portal API, served by the same origin at /graphql.
 * Every operation is a POST with a JSON body; the session cookie goes along.
 */
export function createGraphqlClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
  });
}
