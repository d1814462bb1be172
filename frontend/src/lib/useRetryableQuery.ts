import { useCallback } from 'react';
import { useQuery, type AnyVariables, type CombinedError, type UseQueryArgs } from 'urql';

/** A query's state as a page shows it: the answer, the failure, and a way to ask again. */
export interface QueryState<Data> {
  /** The answer; null or undefined until there is one (a failed query answers `data: null`). */
  data: Data | null | undefined;
  error: CombinedError | undefined;
  fetching: boolean;
  /** Ask the server again, past the cache. */
  retry: () => void;
}

/** `useQuery`, with `retry` asking the server again past the cache. */
export function useRetryableQuery<Data, Variables extends AnyVariables>(
  args: UseQueryArgs<Variables, Data>,
): QueryState<Data> {
  const [{ data, error, fetching }, reexecuteQuery] = useQuery(args);
  const retry = useCallback(() => {
    reexecuteQuery({ requestPolicy: 'network-only' });
  }, [reexecuteQuery]);
  return { data, error, fetching, retry };
}
