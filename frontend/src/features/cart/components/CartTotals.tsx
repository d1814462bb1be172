import { AmountTakenOff } from '../../../components/AmountTakenOff';
import { formatMoney, type Money } from '../../../lib/money';
import { formatPercent } from '../../../lib/percent';

interface CartTotalsProps {
  /** The table's name, e.g. "Cart total". */
  caption: string;
  subtotal: Money;
  discount: Money;
  /** The reseller discount as the server applied it, e.g. "20.00". */
  discountPercent: string;
  total: Money;
}

/** Subtotal, the reseller discount as its own amount, and the total: all as the server computed them. */
export function CartTotals({ caption, subtotal, discount, discountPercent, total }: CartTotalsProps) {
  return (
    <table className="totals">
      <caption>{caption}</caption>
      <tbody>
        <tr>
          <th scope="row">Subtotal</th>
          <td className="price">{formatMoney(subtotal)}</td>
        </tr>
        <tr>
          <th scope="row">Reseller discount ({formatPercent(discountPercent)})</th>
          <td className="price">
            <AmountTakenOff money={discount} />
          </td>
        </tr>
        <tr className="totals-total">
          <th scope="row">Total</th>
          <td className="price">{formatMoney(total)}</td>
        </tr>
      </tbody>
    </table>
  );
}
