import { useId } from 'react';
import type { CatalogProduct } from '../queries';
import { AddonPriceTable } from './AddonPriceTable';
import { ListPriceTable } from './ListPriceTable';

interface ProductCatalogEntryProps {
  product: CatalogProduct;
}

/** One product of the catalog: what it is, its list prices and its add-ons. */
export function ProductCatalogEntry({ product }: ProductCatalogEntryProps) {
  const headingId = useId();
  return (
    <section className="product" aria-labelledby={headingId}>
      <h2 id={headingId}>{product.name}</h2>
      {product.description && <p>{product.description}</p>}
      <dl className="facts">
        <dt>Seats counted in</dt>
        <dd>{product.unit}</dd>
      </dl>
      <ListPriceTable
        caption={`${product.name} list prices`}
        editions={product.editions}
        tiers={product.tiers}
        prices={product.prices}
      />
      <h3>Add-ons</h3>
      {product.addons.length > 0 ? (
        <AddonPriceTable
          caption={`${product.name} add-ons, yearly price per tier`}
          addons={product.addons}
          tiers={product.tiers}
        />
      ) : (
        <p>No add-ons are sold with {product.name}.</p>
      )}
    </section>
  );
}
