import { Link } from 'react-router';

/** What an empty cart shows: where to find something to put in it. */
export function EmptyCart() {
  return (
    <div className="panel">
      <p>Your cart is empty.</p>
      <p>
        Choose a product, edition and tier in the <Link to="/shop">Shop</Link>, then add it to the cart.
      </p>
    </div>
  );
}
