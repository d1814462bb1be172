import { useState } from 'react';
import { useQuery, type AnyVariables, type TypedDocumentNode } from 'urql';
import type { QueryState } from './useRetryableQuery';

/** The part of a Relay connection a list screen needs. */
export interface Connection<Node> {
  edges: readonly { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

interface PagingVariables {
  first?: number | null;
  after?: string | null;
}

export const PAGE_SIZE = 50;

interface Pages<Node> {
  /** The filter the pages belong to; a new filter starts over. */
  key: string;
  /** The nodes of the pages before the current one. */
  earlier: readonly Node[];
  /** The cursor the current page starts after. */
  after: string | null;
}

export interface ConnectionState<Node> extends QueryState<readonly Node[]> {
  /** Every node loaded so far, in order; undefined until the first page arrives. */
  data: readonly Node[] | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** Forget the loaded pages and fetch the first one again. */
  reset: () => void;
}

/**
 * A cursor connection read page by page ("Load more"). `variables` are the
 * filters; `first` and `after` are added here. When the filters change the
 * list starts again from its first page.
 */
export function useConnection<Data, Variables extends AnyVariables & PagingVariables, Node>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, 'first' | 'after'>,
  connectionOf: (data: Data) => Connection<Node>,
  pageSize: number = PAGE_SIZE,
): ConnectionState<Node> {
  const key = JSON.stringify(variables);
  const [pages, setPages] = useState<Pages<Node>>({ key, earlier: [], after: null });
  let current = pages;
  if (pages.key !== key) {
    current = { key, earlier: [], after: null };
    setPages(current);
  }

  // Lists change behind the user's back (a colleague, an API key, the audit log itself): show
  // what is cached at once and ask the server again on every visit.
  const [{ data, error, fetching }, reexecute] = useQuery({
    query,
    variables: { ...variables, first: pageSize, after: current.after } as unknown as Variables,
    requestPolicy: 'cache-and-network',
  });
  const page = data ? connectionOf(data) : undefined;
  const nodes = page ? [...current.earlier, ...page.edges.map((edge) => edge.node)] : current.earlier;
  const endCursor = page?.pageInfo.endCursor;

  return {
    data: page !== undefined || current.earlier.length > 0 ? nodes : undefined,
    error,
    fetching,
    hasMore: page?.pageInfo.hasNextPage === true && Boolean(endCursor),
    loadingMore: fetching && current.earlier.length > 0 && page === undefined,
    loadMore: () => {
      if (page?.pageInfo.hasNextPage && endCursor) {
        setPages({ key, earlier: nodes, after: endCursor });
      }
    },
    reset: () => {
      if (current.after === null) {
        reexecute({ requestPolicy: 'network-only' });
      } else {
        setPages({ key, earlier: [], after: null });
      }
    },
    retry: () => {
      reexecute({ requestPolicy: 'network-only' });
    },
  };
}
