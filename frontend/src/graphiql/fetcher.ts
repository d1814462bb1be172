/**
 * GraphiQL's fetcher: each operation POSTed as JSON to /graphql on this origin, with the
 * session cookie (the CSRF guard takes a JSON POST with the page's Origin, which the browser
 * sends), plus the headers typed in GraphiQL's headers editor.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';

export interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

export interface FetcherOptions {
  headers?: Record<string, unknown>;
}

export const ENDPOINT = '/graphql';

function headerEntries(headers: Record<string, unknown> | undefined): [string, string][] {
  return Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]);
}

/** The answer's JSON; an answer that is not JSON (a proxy's error page) as a GraphQL error. */
export async function graphqlFetcher(params: FetcherParams, options?: FetcherOptions): Promise<ExecutionResult> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: [
      ['Content-Type', 'application/json'],
      ['Accept', 'application/graphql-response+json, application/json'],
      ...headerEntries(options?.headers),
    ],
    body: JSON.stringify(params),
  });
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    return (await response.json()) as ExecutionResult;
  }
  return {
    errors: [new GraphQLError(`The server answered ${response.status} ${response.statusText} without a GraphQL result.`)],
  };
}
