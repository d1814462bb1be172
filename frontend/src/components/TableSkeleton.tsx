import type { TableSorting } from '../lib/usePagedList';
import { DataTable, type Column } from './DataTable';

interface TableSkeletonProps {
  /** The caption and columns of the table on its way, so that nothing moves when it arrives. */
  caption: string;
  columns: readonly Column[];
  sorting?: TableSorting | undefined;
  className?: string | undefined;
  /** What is loading, in lower case: "licenses" gives "Loading licenses…". */
  what: string;
  rows?: number;
}

/** A table still loading: its caption and headers over a few grey rows, busy, with a status to read out. */
export function TableSkeleton({ caption, columns, sorting, className, what, rows = 5 }: TableSkeletonProps) {
  return (
    <div className="table-skeleton">
      <p role="status" className="visually-hidden">
        Loading {what}…
      </p>
      <DataTable caption={caption} columns={columns} sorting={sorting} className={className} busy>
        {Array.from({ length: rows }, (_, row) => (
          <tr key={row} aria-hidden="true">
            {columns.map((_column, cell) => (
              <td key={cell}>
                <span className="skeleton-bar" />
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
