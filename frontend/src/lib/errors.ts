import type { CombinedError } from 'urql';

/** The `extensions.code` the API puts on a GraphQL error, e.g. UNAUTHENTICATED or FORBIDDEN. */
export type ApiErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN';

/** Whether any GraphQL error of the result carries `extensions.code` equal to `code`. */
export function hasErrorCode(error: CombinedError | undefined, code: ApiErrorCode): boolean {
  return error?.graphQLErrors.some((graphQLError) => graphQLError.extensions.code === code) ?? false;
}

/**
 * A sentence for people: the server's own messages, or a plain explanation when
 * the server could not be reached.
 */
export function describeError(error: CombinedError): string {
  if (error.graphQLErrors.length > 0) {
    return error.graphQLErrors.map((graphQLError) => graphQLError.message).join(' ');
  }
  return 'The server could not be reached. Check your connection and try again.';
}
