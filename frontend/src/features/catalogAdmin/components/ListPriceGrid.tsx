import type { FormErrorState } from '../../../lib/userErrors';
import type { PriceTarget } from '../prices';
import type { AdminProduct } from '../queries';
import { PriceGrid } from './PriceGrid';

interface ListPriceGridProps {
  product: AdminProduct;
  onSave: (target: PriceTarget, amount: string) => Promise<FormErrorState>;
}

/** A product's list prices to edit: one row per edition, one column per seat tier. */
export function ListPriceGrid({ product, onSave }: ListPriceGridProps) {
  const priceOf = new Map(
    product.prices.map(({ edition, tier, price }) => [`${edition.code} ${tier.code}`, price]),
  );
  return (
    <PriceGrid
      product={product}
      caption={`${product.name} list prices`}
      rowsHeading="Edition"
      priceKind="list price"
      rows={product.editions.map((edition) => ({
        key: edition.id,
        header: edition.name,
        name: edition.name,
        target: { editionCode: edition.code },
        priceOf: (tier) => priceOf.get(`${edition.code} ${tier}`),
      }))}
      onSave={onSave}
    />
  );
}
