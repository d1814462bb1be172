import type { Money } from '../../../lib/money';
import type { CatalogEdition, CatalogListPrice, CatalogTier } from '../queries';
import { PriceCell } from './PriceCell';
import { TableScroll } from '../../../components/TableScroll';

interface ListPriceTableProps {
  caption: string;
  editions: readonly CatalogEdition[];
  tiers: readonly CatalogTier[];
  prices: readonly CatalogListPrice[];
}

/** List prices with one row per edition and one column per seat tier. */
export function ListPriceTable({ caption, editions, tiers, prices }: ListPriceTableProps) {
  const priceOf = pricesByEditionAndTier(prices);
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Edition</th>
            {tiers.map((tier) => (
              <th scope="col" key={tier.id} className="price">
                {tier.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {editions.map((edition) => (
            <tr key={edition.id}>
              <th scope="row">{edition.name}</th>
              {tiers.map((tier) => (
                <PriceCell key={tier.id} price={priceOf(edition.code, tier.code)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function pricesByEditionAndTier(prices: readonly CatalogListPrice[]) {
  const byEdition = new Map<string, Map<string, Money>>();
  for (const { edition, tier, price } of prices) {
    let byTier = byEdition.get(edition.code);
    if (byTier === undefined) {
      byTier = new Map();
      byEdition.set(edition.code, byTier);
    }
    byTier.set(tier.code, price);
  }
  return (editionCode: string, tierCode: string) => byEdition.get(editionCode)?.get(tierCode);
}
