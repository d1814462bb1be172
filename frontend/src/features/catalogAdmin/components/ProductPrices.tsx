import { useId } from 'react';
import type { FormErrorState } from '../../../lib/userErrors';
import type { PriceTarget } from '../prices';
import type { AdminProduct } from '../queries';
import { AddonPriceGrid } from './AddonPriceGrid';
import { ListPriceGrid } from './ListPriceGrid';

interface ProductPricesProps {
  product: AdminProduct;
  onSave: (target: PriceTarget, amount: string) => Promise<FormErrorState>;
}

/** One product's prices to edit: its list prices, then its add-ons' yearly prices. */
export function ProductPrices({ product, onSave }: ProductPricesProps) {
  const headingId = useId();
  return (
    <section className="product" aria-labelledby={headingId}>
      <h2 id={headingId}>{product.name}</h2>
      <dl className="facts">
        <dt>Code</dt>
        <dd>{product.code}</dd>
        <dt>Seats counted in</dt>
        <dd>{product.unit}</dd>
      </dl>
      <ListPriceGrid product={product} onSave={onSave} />
      <h3>Add-ons</h3>
      {product.addons.length > 0 ? (
        <AddonPriceGrid product={product} onSave={onSave} />
      ) : (
        <p>No add-ons are sold with {product.name}.</p>
      )}
    </section>
  );
}
