import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { describeError } from '../lib/errors';
import type { PagedList } from '../lib/usePagedList';
import type { Column } from './DataTable';
import { ErrorAlert } from './ErrorAlert';
import { Pager } from './Pager';
import { TableSkeleton } from './TableSkeleton';

interface PagedContentProps<Filters, Field extends string, Node> {
  list: PagedList<Filters, Field, Node>;
  /** What the list holds, in lower case: "licenses" gives "Loading licenses…" and "Showing 50 licenses". */
  what: string;
  /** The table's caption, columns and class, for its skeleton while the first page loads. */
  table: { caption: string; columns: readonly Column[]; className?: string };
  /** True when filters are in effect: an empty page then offers to clear them. */
  filtered: boolean;
  /** What to say when no row matches the filters, e.g. "No invoice matches these filters." */
  noMatch: string;
  /** What to say, and what to do next, when there is nothing yet. */
  empty: ReactNode;
  /** The table of the page's rows. */
  children: (nodes: readonly Node[]) => ReactNode;
}

/**
 * A table read one page at a time: a skeleton until the first page arrives, why it failed with a
 * Retry button, what to do when it is empty, and the page's rows (dimmed while the next page loads)
 * with the pager.
 */
export function PagedContent<Filters, Field extends string, Node>({
  list,
  what,
  table,
  filtered,
  noMatch,
  empty,
  children,
}: PagedContentProps<Filters, Field, Node>) {
  const { nodes, error, fetching, retry, pager, updating, sorting, state } = list;
  const failure = error ? (
    <ErrorAlert
      message={`${what.charAt(0).toUpperCase()}${what.slice(1)} could not be loaded. ${describeError(error)}`}
      retrying={fetching}
      onRetry={retry}
    />
  ) : null;
  if (nodes === undefined || pager === undefined) {
    return failure ?? <TableSkeleton {...table} sorting={sorting} what={what} />;
  }
  if (nodes.length === 0 && !updating) {
    return (
      <>
        {failure}
        {state.cursor !== null && pager.first !== null ? (
          <p>
            No more {what} on this page. <Link to={{ search: pager.first }}>First page</Link>
          </p>
        ) : filtered ? (
          <p>
            {noMatch} <Link to={{ search: list.clearFilters }}>Clear filters</Link>
          </p>
        ) : (
          empty
        )}
      </>
    );
  }
  return (
    <>
      {failure}
      <div className={updating ? 'paged-rows paged-rows--updating' : 'paged-rows'} aria-busy={updating || undefined}>
        {children(nodes)}
      </div>
      <Pager pager={pager} what={what} updating={updating} />
    </>
  );
}
