import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TableSorting } from '../lib/usePagedList';
import { TableScroll } from './TableScroll';

/** A column: its header, or the header with a class for its cells and the field it sorts by. */
export type Column = string | { label: string; className?: string; sort?: string };

interface DataTableProps {
  /** The table's name, read out and shown above it. */
  caption: string;
  columns: readonly Column[];
  /** The order the rows are in; columns with a `sort` field then get a header that sorts by it. */
  sorting?: TableSorting | undefined;
  /** True while the rows are about to be replaced (a new page loading): they stay, dimmed. */
  busy?: boolean;
  /** The body's rows. */
  children: ReactNode;
  className?: string | undefined;
}

const ARIA_SORT = { ASC: 'ascending', DESC: 'descending' } as const;

function Header({ column, sorting }: { column: Column; sorting: TableSorting | undefined }) {
  if (typeof column === 'string') return <th scope="col">{column}</th>;
  const { label, className, sort } = column;
  if (!sort || !sorting) {
    return (
      <th scope="col" className={className}>
        {label}
      </th>
    );
  }
  const sorted = sorting.field === sort ? ARIA_SORT[sorting.direction] : undefined;
  return (
    <th scope="col" className={className} aria-sort={sorted ?? 'none'}>
      <Link to={{ search: sorting.searchFor(sort) }} className="sort-link" data-sorted={sorted ?? 'none'}>
        {label}
      </Link>
    </th>
  );
}

function keyOf(column: Column): string {
  return typeof column === 'string' ? column : column.label;
}

/** A table that scrolls sideways on narrow screens, with its caption and column headers (some sorting the rows). */
export function DataTable({ caption, columns, sorting, busy = false, children, className }: DataTableProps) {
  return (
    <TableScroll label={caption}>
      <table className={busy ? `${className ?? ''} table-busy`.trim() : className} aria-busy={busy || undefined}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <Header key={keyOf(column)} column={column} sorting={sorting} />
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
