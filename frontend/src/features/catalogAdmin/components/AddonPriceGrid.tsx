import type { FormErrorState } from '../../../lib/userErrors';
import type { PriceTarget } from '../prices';
import type { AdminProduct } from '../queries';
import { PriceGrid } from './PriceGrid';

interface AddonPriceGridProps {
  product: AdminProduct;
  onSave: (target: PriceTarget, amount: string) => Promise<FormErrorState>;
}

/** A product's add-ons with their yearly price per seat tier to edit. */
export function AddonPriceGrid({ product, onSave }: AddonPriceGridProps) {
  return (
    <PriceGrid
      product={product}
      caption={`${product.name} add-ons, yearly price per tier`}
      rowsHeading="Add-on"
      priceKind="yearly price"
      rows={product.addons.map((addon) => {
        const priceOf = new Map(addon.prices.map(({ tier, yearlyPrice }) => [tier.code, yearlyPrice]));
        const editions = addon.allowedEditions.map((edition) => edition.name).join(', ');
        return {
          key: addon.id,
          header: (
            <>
              {addon.name}
              <span className="cell-note">With {editions || 'no edition'}</span>
            </>
          ),
          name: addon.name,
          target: { addonCode: addon.code },
          priceOf: (tier) => priceOf.get(tier),
        };
      })}
      onSave={onSave}
    />
  );
}
