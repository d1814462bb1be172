import type { Money } from '../../../lib/money';
import type { CatalogAddon, CatalogTier } from '../queries';
import { PriceCell } from './PriceCell';
import { TableScroll } from '../../../components/TableScroll';

interface AddonPriceTableProps {
  caption: string;
  addons: readonly CatalogAddon[];
  tiers: readonly CatalogTier[];
}

/** Add-ons with the editions that allow them and their yearly price for each seat tier. */
export function AddonPriceTable({ caption, addons, tiers }: AddonPriceTableProps) {
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Add-on</th>
            <th scope="col">Available with</th>
            {tiers.map((tier) => (
              <th scope="col" key={tier.id} className="price">
                {tier.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {addons.map((addon) => {
            const yearlyPrices = new Map<string, Money>(
              addon.prices.map(({ tier, yearlyPrice }) => [tier.code, yearlyPrice]),
            );
            return (
              <tr key={addon.id}>
                <th scope="row">
                  {addon.name}
                  {addon.description && <span className="cell-note">{addon.description}</span>}
                </th>
                <td>
                  {addon.allowedEditions.length > 0
                    ? addon.allowedEditions.map((edition) => edition.name).join(', ')
                    : 'No edition'}
                </td>
                {tiers.map((tier) => (
                  <PriceCell key={tier.id} price={yearlyPrices.get(tier.code)} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
