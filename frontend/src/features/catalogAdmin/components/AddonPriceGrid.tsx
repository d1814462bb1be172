import type { FormErrorState } from '../../../lib/userErrors';
import type { PriceTarget } from '../prices';
import type { AdminProduct } from '../queries';
import { PriceField } from './PriceField';

interface AddonPriceGridProps {
  product: AdminProduct;
  onSave: (target: PriceTarget, amount: string) => Promise<FormErrorState>;
}

/** A product's add-ons with their yearly price per seat tier to edit. */
export function AddonPriceGrid({ product, onSave }: AddonPriceGridProps) {
  return (
    <div className="table-scroll">
      <table className="price-grid">
        <caption>{product.name} add-ons, yearly price per tier</caption>
        <thead>
          <tr>
            <th scope="col">Add-on</th>
            {product.tiers.map((tier) => (
              <th scope="col" key={tier.id} className="price">
                {tier.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {product.addons.map((addon) => {
            const priceOf = new Map(addon.prices.map(({ tier, yearlyPrice }) => [tier.code, yearlyPrice]));
            const editions = addon.allowedEditions.map((edition) => edition.name).join(', ');
            return (
              <tr key={addon.id}>
                <th scope="row">
                  {addon.name}
                  <span className="cell-note">With {editions || 'no edition'}</span>
                </th>
                {product.tiers.map((tier) => {
                  const label = `${addon.name}, ${tier.name} yearly price`;
                  return (
                    <PriceField
                      key={tier.id}
                      label={label}
                      price={priceOf.get(tier.code)}
                      onSave={(amount) =>
                        onSave(
                          {
                            productCode: product.code,
                            productName: product.name,
                            addonCode: addon.code,
                            tier: tier.code,
                            label,
                          },
                          amount,
                        )
                      }
                    />
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
