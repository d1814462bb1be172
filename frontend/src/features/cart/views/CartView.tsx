import { useState } from 'react';
import { Link } from 'react-router';
import { FormErrors } from '../../../components/form/FormErrors';
import { Page } from '../../../components/Page';
import { QueryContent } from '../../../components/QueryContent';
import { SuccessMessage } from '../../../components/SuccessMessage';
import type { RemoveCartLineMutation, ShoppingCartQuery, UpdateCartLineMutation } from '../../../gql/graphql';
import { formatYears } from '../../../lib/labels';
import { useFormMutation } from '../../../lib/useFormMutation';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { CartLinesTable } from '../components/CartLinesTable';
import { CartTotals } from '../components/CartTotals';
import { EmptyCart } from '../components/EmptyCart';
import { lineName } from '../components/LineSummary';
import { QUANTITY_PROBLEM, quantityOf } from '../quantity';
import {
  removeCartLineMutation,
  shoppingCartQuery,
  updateCartLineMutation,
  type Cart,
  type CartLine,
} from '../queries';

const updatePayloadOf = (data: UpdateCartLineMutation) => data.updateCartLine;
const removePayloadOf = (data: RemoveCartLineMutation) => data.removeCartLine;

/** The cart as the server answered last: after a change, its answer, until the query has a newer one. */
interface ChangedCart {
  after: ShoppingCartQuery;
  cart: Cart;
}

/** The cart: each line with its quantity or M&S years to change, or to remove; the server's totals; on to checkout. */
export default function CartView() {
  const query = useRetryableQuery({ query: shoppingCartQuery });
  const updating = useFormMutation(updateCartLineMutation, updatePayloadOf);
  const removing = useFormMutation(removeCartLineMutation, removePayloadOf);
  const [changed, setChanged] = useState<ChangedCart | null>(null);
  const [busyLineId, setBusyLineId] = useState<string | null>(null);
  /** The line whose quantity or years were last changed, with the form's own problem with it, if any. */
  const [changedLine, setChangedLine] = useState<{ lineId: string; problem: string | null } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  function remember(after: ShoppingCartQuery, cart: Cart | null | undefined) {
    if (cart) setChanged({ after, cart });
  }

  function updateQuantity(after: ShoppingCartQuery, line: CartLine, typed: string) {
    setMessage(null);
    const quantity = quantityOf(typed);
    if (quantity === undefined) {
      updating.clearErrors();
      setChangedLine({ lineId: line.id, problem: QUANTITY_PROBLEM });
      return;
    }
    setChangedLine({ lineId: line.id, problem: null });
    setBusyLineId(line.id);
    void updating.submit({ input: { lineId: line.id, quantity } }).then((payload) => {
      setBusyLineId(null);
      if (payload) {
        remember(after, payload.cart);
        setMessage(`${lineName(line)}: the quantity is now ${quantity}.`);
      }
    });
  }

  function updateYears(after: ShoppingCartQuery, line: CartLine, years: number) {
    setMessage(null);
    setChangedLine({ lineId: line.id, problem: null });
    setBusyLineId(line.id);
    void updating.submit({ input: { lineId: line.id, years } }).then((payload) => {
      setBusyLineId(null);
      if (payload) {
        remember(after, payload.cart);
        setMessage(`${lineName(line)}: now ${formatYears(years)} of M&S.`);
      }
    });
  }

  function remove(after: ShoppingCartQuery, line: CartLine) {
    setMessage(null);
    setChangedLine(null);
    updating.clearErrors();
    setBusyLineId(line.id);
    void removing.submit({ input: { lineId: line.id } }).then((payload) => {
      setBusyLineId(null);
      if (payload) {
        remember(after, payload.cart);
        setMessage(`${lineName(line)} was removed from your cart.`);
      }
    });
  }

  /** The quantity problem of the line last changed: the form's own, or the server's. */
  function quantityErrors(): Record<string, string> {
    if (changedLine === null) return {};
    const problem = changedLine.problem ?? updating.errors.fields.quantity;
    return problem ? { [changedLine.lineId]: problem } : {};
  }

  /** The server's problem with the years of the M&S line last changed. */
  function yearsErrors(): Record<string, string> {
    const problem = updating.errors.fields.years;
    return changedLine && problem ? { [changedLine.lineId]: problem } : {};
  }

  return (
    <Page title="Cart">
      <SuccessMessage message={message} />
      <FormErrors errors={updating.errors} shownFields={['quantity', 'years']} />
      <FormErrors errors={removing.errors} shownFields={[]} />
      <QueryContent query={query} what="your cart">
        {(data) => {
          const cart = changed?.after === data ? changed.cart : data.cart;
          if (cart.lines.length === 0) return <EmptyCart />;
          return (
            <>
              <p className="lead">
                Prices are today’s list prices. Your reseller discount is applied to every line.
              </p>
              <CartLinesTable
                caption="Your cart"
                lines={cart.lines}
                editing={{
                  busyLineId,
                  quantityErrors: quantityErrors(),
                  yearsErrors: yearsErrors(),
                  onUpdateQuantity: (line, typed) => {
                    updateQuantity(data, line, typed);
                  },
                  onUpdateYears: (line, years) => {
                    updateYears(data, line, years);
                  },
                  onRemove: (line) => {
                    remove(data, line);
                  },
                }}
              />
              <CartTotals
                caption="Cart total"
                subtotal={cart.subtotal}
                discount={cart.discount}
                discountPercent={cart.discountPercent}
                total={cart.total}
              />
              <div className="form-actions">
                <Link to="/shop" className="button-link">
                  Continue shopping
                </Link>
                <Link to="/checkout" className="button-link button-link--primary">
                  Checkout
                </Link>
              </div>
            </>
          );
        }}
      </QueryContent>
    </Page>
  );
}
