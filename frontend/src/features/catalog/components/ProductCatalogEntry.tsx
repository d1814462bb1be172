import { useId } from 'react';
import { Link } from 'react-router';
import type { CatalogProduct } from '../queries';
import { AddonPriceTable } from './AddonPriceTable';
import { ListPriceTable } from './ListPriceTable';

interface ProductCatalogEntryProps {
  product: CatalogProduct;
  /** Whether the viewer may buy: then the entry links to the product's page in the shop. */
  canBuy: boolean;
}

/** One product of the catalog: what it is, its list prices and its add-ons. */
export function ProductCatalogEntry({ product, canBuy }: ProductCatalogEntryProps) {
  const headingId = useId();
  return (
    <section className="product" aria-labelledby={headingId}>
      <div className="product-header">
        <h2 id={headingId}>{product.name}</h2>
        {canBuy && (
          <Link to={`/shop/${encodeURIComponent(product.code)}`} className="button-link button-link--primary">
            Buy<span className="visually-hidden"> {product.name}</span>
          </Link>
        )}
      </div>
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
