import { DataTable } from '../../../components/DataTable';
import { formatMoney, type Money } from '../../../lib/money';
import type { CartLine } from '../queries';
import { isMaintenance, isModification, LineSummary, lineName, type LineContents } from './LineSummary';
import { QuantityForm } from './QuantityForm';
import { YearsForm } from './YearsForm';

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
  /** The problem with an M&S line's years, by line. */
  yearsErrors: Readonly<Record<string, string>>;
  onUpdateQuantity: (line: Line, typed: string) => void;
  onUpdateYears: (line: Line, years: number) => void;
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
              {editing ? (
                <LineAmount line={line} lineKey={key} subject={subject} busy={busy} editing={editing} />
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

interface LineAmountProps<Line extends ShownLine> {
  line: Line;
  lineKey: string;
  subject: string;
  busy: boolean;
  editing: CartLineEditing<Line>;
}

/** What a cart line lets change in place: new licenses their quantity, M&S its years, an upgrade nothing. */
function LineAmount<Line extends ShownLine>({ line, lineKey, subject, busy, editing }: LineAmountProps<Line>) {
  if (isMaintenance(line) && line.license && line.years) {
    return (
      <YearsForm
        key={`${lineKey}:${line.years}`}
        licenseKey={line.license.key}
        years={line.years}
        busy={busy}
        error={editing.yearsErrors[lineKey]}
        onUpdate={(years) => {
          editing.onUpdateYears(line, years);
        }}
      />
    );
  }
  if (isModification(line)) return <>{line.quantity}</>;
  return (
    <QuantityForm
      key={`${lineKey}:${line.quantity}`}
      subject={subject}
      quantity={line.quantity}
      busy={busy}
      error={editing.quantityErrors[lineKey]}
      onUpdate={(typed) => {
        editing.onUpdateQuantity(line, typed);
      }}
    />
  );
}
