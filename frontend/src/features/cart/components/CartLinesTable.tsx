import { DataTable } from '../../../components/DataTable';
import { formatMoney } from '../../../lib/money';
import type { CartLine } from '../queries';
import { LineSummary } from './LineSummary';
import { QuantityForm } from './QuantityForm';

/** What the cart page needs to change its lines; without it the table only shows them (checkout). */
export interface CartLineEditing {
  /** The line being updated or removed, if any. */
  busyLineId: string | null;
  /** The quantity problem, by line. */
  quantityErrors: Readonly<Record<string, string>>;
  onUpdateQuantity: (line: CartLine, typed: string) => void;
  onRemove: (line: CartLine) => void;
}

interface CartLinesTableProps {
  caption: string;
  lines: readonly CartLine[];
  editing?: CartLineEditing;
}

const PRICE = 'price';

/** The cart's lines: what each buys, its list price per license, quantity and line amount. */
export function CartLinesTable({ caption, lines, editing }: CartLinesTableProps) {
  const columns = [
    'Item',
    { label: 'List price each', className: PRICE },
    'Quantity',
    { label: 'Line subtotal', className: PRICE },
    ...(editing ? ['Actions'] : []),
  ];
  return (
    <DataTable caption={caption} columns={columns} className="cart-lines">
      {lines.map((line) => {
        const subject = `${line.product.name} ${line.edition.name}, ${line.tier.name}`;
        const busy = editing?.busyLineId === line.id;
        return (
          <tr key={line.id}>
            <th scope="row">
              <LineSummary line={line} />
            </th>
            <td className="price">{formatMoney(line.unitPrice)}</td>
            <td>
              {editing ? (
                <QuantityForm
                  key={`${line.id}:${line.quantity}`}
                  subject={subject}
                  quantity={line.quantity}
                  busy={busy}
                  error={editing.quantityErrors[line.id]}
                  onUpdate={(typed) => {
                    editing.onUpdateQuantity(line, typed);
                  }}
                />
              ) : (
                line.quantity
              )}
            </td>
            <td className="price">{formatMoney(line.subtotal)}</td>
            {editing && (
              <td>
                <button
                  type="button"
                  className="button-secondary button-danger"
                  aria-disabled={busy}
                  onClick={() => {
                    if (!busy) editing.onRemove(line);
                  }}
                >
                  Remove<span className="visually-hidden"> {subject}</span>
                </button>
              </td>
            )}
          </tr>
        );
      })}
    </DataTable>
  );
}
