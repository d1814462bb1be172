import type { ReactNode } from 'react';
import type { PricedLine } from '../lib/documentFragments';
import { formatMoney, type Money } from '../lib/money';
import { AmountTakenOff } from './AmountTakenOff';
import { TableScroll } from './TableScroll';

/** The totals of an order or an invoice. */
export interface PricedTotals {
  subtotal: Money;
  discount: Money;
  total: Money;
}

interface PricedLinesTableProps<Line extends PricedLine> {
  caption: string;
  lines: readonly Line[];
  totals: PricedTotals;
  /** e.g. "Discount (20%)". */
  discountLabel?: string;
  /** What the Item cell shows of a line; its description by default. */
  itemOf?: (line: Line) => ReactNode;
}

const PRICE_COLUMNS = ['Quantity', 'Unit price', 'Subtotal', 'Discount', 'Total'];

/** The lines with their prices, and the subtotal, discount and total below them. */
export function PricedLinesTable<Line extends PricedLine>({
  caption,
  lines,
  totals,
  discountLabel = 'Discount',
  itemOf,
}: PricedLinesTableProps<Line>) {
  const totalRows: [string, ReactNode][] = [
    ['Subtotal', formatMoney(totals.subtotal)],
    [discountLabel, <AmountTakenOff money={totals.discount} />],
    ['Total', formatMoney(totals.total)],
  ];
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            {PRICE_COLUMNS.map((label) => (
              <th key={label} scope="col" className="price">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.position}>
              <td>{itemOf ? itemOf(line) : line.description}</td>
              <td className="price">{line.quantity}</td>
              <td className="price">{formatMoney(line.unitPrice)}</td>
              <td className="price">{formatMoney(line.subtotal)}</td>
              <td className="price">
                <AmountTakenOff money={line.discount} />
              </td>
              <td className="price">{formatMoney(line.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {totalRows.map(([label, amount]) => (
            <tr key={label}>
              <th scope="row" colSpan={PRICE_COLUMNS.length} className="price">
                {label}
              </th>
              <td className="price">{label === 'Total' ? <strong>{amount}</strong> : amount}</td>
            </tr>
          ))}
        </tfoot>
      </table>
    </TableScroll>
  );
}
