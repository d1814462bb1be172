import type { FormErrorState } from '../../../lib/userErrors';
import type { PriceTarget } from '../prices';
import type { AdminProduct } from '../queries';
import { PriceField } from './PriceField';

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
    <div className="table-scroll">
      <table className="price-grid">
        <caption>{product.name} list prices</caption>
        <thead>
          <tr>
            <th scope="col">Edition</th>
            {product.tiers.map((tier) => (
              <th scope="col" key={tier.id} className="price">
                {tier.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {product.editions.map((edition) => (
            <tr key={edition.id}>
              <th scope="row">{edition.name}</th>
              {product.tiers.map((tier) => {
                const label = `${edition.name}, ${tier.name} list price`;
                return (
                  <PriceField
                    key={tier.id}
                    label={label}
                    price={priceOf.get(`${edition.code} ${tier.code}`)}
                    onSave={(amount) =>
                      onSave(
                        {
                          productCode: product.code,
                          productName: product.name,
                          editionCode: edition.code,
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
          ))}
        </tbody>
      </table>
    </div>
  );
}
