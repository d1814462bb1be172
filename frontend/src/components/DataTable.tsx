import type { ReactNode } from 'react';

export type Column = string | { label: string; className: string };

interface DataTableProps {
  /** The table's name, read out and shown above it. */
  caption: string;
  columns: readonly Column[];
  /** The body's rows. */
  children: ReactNode;
  className?: string;
}

/** A table that scrolls sideways on narrow screens, with its caption and column headers. */
export function DataTable({ caption, columns, children, className }: DataTableProps) {
  return (
    <div className="table-scroll">
      <table className={className}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" className={column.className}>
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
