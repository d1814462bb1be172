import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import { formatMoney, type Money } from '../../../lib/money';

interface AddedToCartPanelProps {
  /** The cart line as the server priced it. */
  line: { description: string; quantity: number; total: Money };
  cart: { licenseCount: number; total: Money };
}

/** The confirmation after adding to the cart, with the ways on: the cart or more shopping. Focus moves here. */
export function AddedToCartPanel({ line, cart }: AddedToCartPanelProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="panel success" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        Added to your cart
      </h2>
      <p>
        {line.quantity} × {line.description}: {formatMoney(line.total)} after your discount.
      </p>
      <p>
        Your cart now holds {cart.licenseCount} {cart.licenseCount === 1 ? 'license' : 'licenses'}, total{' '}
        {formatMoney(cart.total)}.
      </p>
      <div className="form-actions">
        <Link to="/cart" className="button-link button-link--primary">
          View cart
        </Link>
        <Link to="/shop" className="button-link">
          Continue shopping
        </Link>
      </div>
    </section>
  );
}
