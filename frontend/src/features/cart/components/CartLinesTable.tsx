import { DataTable } from '../../../components/DataTable';
import { formatMoney, type Money } from '../../../lib/money';
import type { CartLine } from '../queries';
import { isModification, LineSummary, lineName, type LineContents } from './LineSummary';
import { QuantityForm } from './QuantityForm';

/** What the table shows of a line: a cart's, or an order's once placed. */
export interface ShownLine extends LineContents {
  quantity: number;
  unitPrice: Money;
  subtotal: Money;
}

/** What the cart page needs to change its lines; without it the table only shows them (checkout, confirmation). */
export interface CartLineEditing<Line = CartLine> {
  /** The line being updated or removed, if any. */
  busyLineId: string | null;
  /** The quantity problem, by line. */
  quantityErrors: Readonly<Record<string, string>>;
  onUpdateQuantity: (line: Line, typed: string) => void;
  onRemove: (line: Line) => void;
}

interface LinesTableProps<Line extends ShownLine> {
  caption: string;
  lines: readonly Line[];
  /** Tells the lines apart: a cart line's id, an order line's position. */
  keyOf: (line: Line) => string;
  /** True for an order placed: a line names who it was bought for, not whom to assign it to. */
  placed?: boolean;
  editing?: CartLineEditing<Line>;
}

interface CartLinesTableProps {
  caption: string;
  lines: readonly CartLine[];
  editing?: CartLineEditing;
}

const PRICE = 'price';

/** The cart's lines: what each buys, its list price per license, quantity and line amount. */
export function CartLinesTable({ caption, lines, editing }: CartLinesTableProps) {
  return <LinesTable caption={caption} lines={lines} keyOf={(line) => line.id} editing={editing} />;
}

/** A cart's or a placed order's lines: what each buys, its list price per license, quantity and line amount. */
export function LinesTable<Line extends ShownLine>({ caption, lines, keyOf, placed, editing }: LinesTableProps<Line>) {
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
        const subject = lineName(line);
        const key = keyOf(line);
        const busy = editing?.busyLineId === key;
        return (
          <tr key={key}>
            <th scope="row">
              <LineSummary line={line} placed={placed} />
            </th>
            <td className="price">{formatMoney(line.unitPrice)}</td>
            <td>
              {editing && !isModification(line) ? (
                <QuantityForm
                  key={`${key}:${line.quantity}`}
                  subject={subject}
                  quantity={line.quantity}
                  busy={busy}
                  error={editing.quantityErrors[key]}
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
