import type { ReactNode } from 'react';
import type { Money } from '../../../lib/money';
import type { FormErrorState } from '../../../lib/userErrors';
import type { PriceTarget } from '../prices';
import type { AdminProduct } from '../queries';
import { PriceField } from './PriceField';
import { TableScroll } from '../../../components/TableScroll';

/** One row of a price grid: an edition's list prices or an add-on's yearly prices. */
export interface PriceGridRow {
  key: string;
  /** The row's header cell: what it prices. */
  header: ReactNode;
  /** What it prices, as its prices' labels begin, e.g. "Professional". */
  name: string;
  /** The edition or add-on it prices. */
  target: Pick<PriceTarget, 'editionCode' | 'addonCode'>;
  /** Its price in a tier, by tier code; undefined where it is not offered. */
  priceOf: (tier: string) => Money | undefined;
}

interface PriceGridProps {
  product: AdminProduct;
  caption: string;
  /** The heading of the rows' column, e.g. "Edition". */
  rowsHeading: string;
  /** What each price is, as its label ends, e.g. "list price". */
  priceKind: string;
  rows: readonly PriceGridRow[];
  onSave: (target: PriceTarget, amount: string) => Promise<FormErrorState>;
}

/** A product's prices to edit in place: one row per edition or add-on, one column per seat tier. */
export function PriceGrid({ product, caption, rowsHeading, priceKind, rows, onSave }: PriceGridProps) {
  return (
    <TableScroll label={caption}>
      <table className="price-grid">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowsHeading}</th>
            {product.tiers.map((tier) => (
              <th scope="col" key={tier.id} className="price">
                {tier.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.header}</th>
              {product.tiers.map((tier) => {
                const label = `${row.name}, ${tier.name} ${priceKind}`;
                return (
                  <PriceField
                    key={tier.id}
                    label={label}
                    price={row.priceOf(tier.code)}
                    onSave={(amount) =>
                      onSave(
                        {
                          productCode: product.code,
                          productName: product.name,
                          ...row.target,
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
    </TableScroll>
  );
}
