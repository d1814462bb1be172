import { formatMoney, type Money } from '../../../lib/money';

interface PriceCellProps {
  /** The price, or undefined where the combination is not offered. */
  price: Money | undefined;
}

/** A table cell with a price, or a dash read out as "not offered". */
export function PriceCell({ price }: PriceCellProps) {
  if (price === undefined) {
    return (
      <td className="price not-offered">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">not offered</span>
      </td>
    );
  }
  return <td className="price">{formatMoney(price)}</td>;
}
