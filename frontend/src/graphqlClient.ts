import { cacheExchange, Client, fetchExchange, mapExchange } from 'urql';
import { hasErrorCode } from './lib/errors';
import { viewerQuery } from './session/queries';

/**
 * The client for the Partner Portal API, served by the same origin at /graphql.
 * Every operation is a POST with a JSON body; the session cookie goes along.
 *
 * When an answer says the caller is not signed in (the session expired or
 * was ended elsewhere), the viewer is asked for again: every screen showing
 * it learns that nobody is signed in, and the app goes to the login page.
 */
export function createGraphqlClient(): Client {
  const client: Client = new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      mapExchange({
        onResult(result) {
          if (result.operation.kind !== 'teardown' && hasErrorCode(result.error, 'UNAUTHENTICATED')) {
            void client.query(viewerQuery, {}, { requestPolicy: 'network-only' }).toPromise();
          }
        },
      }),
      fetchExchange,
    ],
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
  });
  return client;
}
