import type { ReactNode } from 'react';
import { describeError } from '../lib/errors';
import type { QueryState } from '../lib/useRetryableQuery';
import { ErrorAlert } from './ErrorAlert';
import { LoadingStatus } from './LoadingStatus';

interface QueryContentProps<Data> {
  query: QueryState<Data>;
  /** What is loading, in lower case: "people" gives "Loading people…". */
  what: string;
  children: (data: Data) => ReactNode;
}

/** A query's answer once it is there; until then that it is loading, or why it failed with a Retry button. */
export function QueryContent<Data>({ query, what, children }: QueryContentProps<Data>) {
  const { data, error, fetching, retry } = query;
  if (data !== undefined && data !== null) return children(data);
  if (error) {
    return (
      <ErrorAlert
        message={`${what.charAt(0).toUpperCase()}${what.slice(1)} could not be loaded. ${describeError(error)}`}
        retrying={fetching}
        onRetry={retry}
      />
    );
  }
  return <LoadingStatus label={`Loading ${what}…`} />;
}
