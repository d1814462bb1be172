import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { createRequest, useQuery, type AnyVariables, type CombinedError, type TypedDocumentNode } from 'urql';
import {
  isSortField,
  listSearch,
  listStateFromParams,
  pagingVariables,
  withCursor,
  withFilters,
  withSize,
  withSortBy,
  type ListSpec,
  type ListState,
  type PageSize,
  type SortDirection,
} from './listParams';

/** The part of a Relay connection a paged table needs. */
export interface PagedConnection<Node> {
  edges: readonly { node: Node }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor?: string | null;
    endCursor?: string | null;
  };
}

/** A table's sort order and, for each field, the address that sorts by it. */
export interface TableSorting {
  field: string;
  direction: SortDirection;
  /** The address's query (`?…`) sorting by the field: the one in effect turns around. */
  searchFor: (field: string) => string;
}

/** Where a page stands among the others, and the addresses (`?…`) of the pages around it; null where there is none. */
export interface PagerState {
  /** How many rows the page shows. */
  shown: number;
  /** Nothing comes before the page. */
  atStart: boolean;
  /** Nothing comes after the page. */
  atEnd: boolean;
  first: string | null;
  previous: string | null;
  next: string | null;
  size: PageSize;
  searchForSize: (size: PageSize) => string;
}

export interface PagedList<Filters, Field extends string, Node> {
  /** The view the address asks for. */
  state: ListState<Filters, Field>;
  /** The rows of the page; undefined until the first page arrives (then the last page shown while the next loads). */
  nodes: readonly Node[] | undefined;
  error: CombinedError | undefined;
  fetching: boolean;
  /** True while the rows shown belong to another view than the one asked for (a new page, sort or filter loading). */
  updating: boolean;
  /** Ask the server again for the page, past the cache (after a failure, or a change to the list). */
  retry: () => void;
  sorting: TableSorting;
  pager: PagerState | undefined;
  /** Show other filters, from the first page. */
  setFilters: (filters: Filters) => void;
  /** The address's query (`?…`) of the view with no filter, keeping the sort. */
  clearFilters: string;
}

function pagerOf<Filters, Field extends string>(
  spec: ListSpec<Filters, Field>,
  state: ListState<Filters, Field>,
  connection: PagedConnection<unknown>,
): PagerState {
  const { pageInfo, edges } = connection;
  const { cursor } = state;
  const goingBack = cursor !== null && 'before' in cursor;
  // Relay only promises hasPreviousPage when paging back and hasNextPage when paging on: the cursor
  // a page was reached by tells the other side.
  const atStart = cursor === null || (goingBack && !pageInfo.hasPreviousPage);
  const atEnd = !goingBack && !pageInfo.hasNextPage;
  const first = listSearch(spec, withCursor(state, null));
  return {
    shown: edges.length,
    atStart,
    atEnd,
    first: cursor === null ? null : first,
    // A page without rows (emptied meanwhile) has no cursor to go back from: back to the start then.
    previous: atStart
      ? null
      : pageInfo.startCursor
        ? listSearch(spec, withCursor(state, { before: pageInfo.startCursor }))
        : first,
    next: !atEnd && pageInfo.endCursor ? listSearch(spec, withCursor(state, { after: pageInfo.endCursor })) : null,
    size: state.size,
    searchForSize: (size) => listSearch(spec, withSize(state, size)),
  };
}

/**
 * A table read one page at a time, its view (filters, sort, page) in the address: runs the
 * query with `first`/`after` or `last`/`before` and `orderBy`, and gives the page's rows with
 * the links to the pages around it. `variablesOf` gives the query's filter variables.
 */
export function usePagedList<Data, Variables extends AnyVariables, Node, Filters, Field extends string>(
  spec: ListSpec<Filters, Field>,
  query: TypedDocumentNode<Data, Variables>,
  variablesOf: (filters: Filters) => object,
  connectionOf: (data: Data) => PagedConnection<Node>,
): PagedList<Filters, Field, Node> {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const state = useMemo(() => listStateFromParams(spec, new URLSearchParams(search)), [spec, search]);
  const filterVariables = JSON.stringify(variablesOf(state.filters));
  const variables = useMemo(
    () =>
      ({
        ...(JSON.parse(filterVariables) as object),
        ...pagingVariables(state),
        orderBy: { field: state.sort.field, direction: state.sort.direction },
      }) as unknown as Variables,
    [filterVariables, state],
  );
  const requestKey = useMemo(() => createRequest(query, variables).key, [query, variables]);

  // Lists change behind the user's back (a colleague, an API key): show what is cached at once and
  // ask the server again on every visit.
  const [result, reexecute] = useQuery({ query, variables, requestPolicy: 'cache-and-network' });
  const connection = result.data ? connectionOf(result.data) : undefined;
  const retry = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' });
  }, [reexecute]);

  return {
    state,
    nodes: connection?.edges.map((edge) => edge.node),
    error: result.error,
    fetching: result.fetching,
    updating: connection !== undefined && result.operation !== undefined && result.operation.key !== requestKey,
    retry,
    sorting: {
      field: state.sort.field,
      direction: state.sort.direction,
      searchFor: (field) => (isSortField(spec, field) ? listSearch(spec, withSortBy(spec, state, field)) : `?${search}`),
    },
    pager: connection ? pagerOf(spec, state, connection) : undefined,
    setFilters: (filters) => {
      setParams(new URLSearchParams(listSearch(spec, withFilters(state, filters))));
    },
    clearFilters: listSearch(spec, withFilters(state, spec.noFilters)),
  };
}
