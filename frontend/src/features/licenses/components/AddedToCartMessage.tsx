import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import { formatMoney, type Money } from '../../../lib/money';

interface AddedToCartMessageProps {
  /** The cart line as the server priced it. */
  line: { description: string; total: Money };
}

/** The confirmation after a change of a license went into the cart, with the way to the cart. Focus moves here. */
export function AddedToCartMessage({ line }: AddedToCartMessageProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [line]);

  return (
    <section className="panel success" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        Added to your cart
      </h3>
      <p>
        {line.description}: {formatMoney(line.total)} after your discount. It is bought at checkout, like new
        licenses.
      </p>
      <p>
        <Link to="/cart" className="button-link button-link--primary">
          View cart
        </Link>
      </p>
    </section>
  );
}
