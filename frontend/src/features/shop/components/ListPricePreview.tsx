import { useId } from 'react';
import { DetailsList, type Detail } from '../../../components/DetailsList';
import { formatMoney } from '../../../lib/money';
import { pricePreview, type LicenseChoice } from '../choices';
import type { ShopProduct } from '../queries';

interface ListPricePreviewProps {
  product: ShopProduct;
  choice: LicenseChoice;
}

/**
 * The choice at the catalog's list prices, as it changes. For orientation only:
 * the cart shows the server's amounts, with the reseller discount.
 */
export function ListPricePreview({ product, choice }: ListPricePreviewProps) {
  const headingId = useId();
  const preview = pricePreview(product, choice);
  const edition = product.editions.find((candidate) => candidate.code === choice.edition)?.name ?? choice.edition;
  const tier = product.tiers.find((candidate) => candidate.code === choice.tier)?.name ?? choice.tier;
  const details: Detail[] = [
    [`${product.name} ${edition}, ${tier}`, preview.license ? formatMoney(preview.license) : 'Not sold'],
    ...preview.addons.map(({ name, price }): Detail => [`${name}, 12 months`, formatMoney(price)]),
    ['List price per license', preview.unitPrice ? formatMoney(preview.unitPrice) : '—'],
  ];

  return (
    <section className="price-preview" aria-labelledby={headingId}>
      <h2 id={headingId}>List price</h2>
      <DetailsList details={details} />
      <p aria-live="polite" className="price-preview-total">
        {preview.unitPrice && preview.lineTotal && preview.quantity !== undefined
          ? `Line total at list price: ${preview.quantity} × ${formatMoney(preview.unitPrice)} = ${formatMoney(preview.lineTotal)}`
          : 'Line total at list price: choose a quantity from 1 to 100.'}
      </p>
      <p className="field-hint">
        List prices, before your reseller discount. The cart shows what you pay, with the discount.
      </p>
    </section>
  );
}
