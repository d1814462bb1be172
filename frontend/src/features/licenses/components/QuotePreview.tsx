import { useId } from 'react';
import { formatMoney, type Money } from '../../../lib/money';

interface QuotePreviewProps {
  /** The server's price of the change, or null while there is none (nothing chosen, refused, loading). */
  price: Money | null | undefined;
  /** The change as the cart and invoice will read it. */
  description?: string | null | undefined;
  /** What to say while there is no price: "Choose a higher edition or tier." or "Calculating…". */
  note: string;
}

/** The price of a change as the server quotes it now, before the reseller discount; read out as it changes. */
export function QuotePreview({ price, description, note }: QuotePreviewProps) {
  const headingId = useId();
  return (
    <section className="price-preview" aria-labelledby={headingId}>
      <h2 id={headingId}>Price</h2>
      <div aria-live="polite">
        {price ? (
          <>
            <p className="price-preview-total">{formatMoney(price)}</p>
            {description && <p>{description}</p>}
          </>
        ) : (
          <p>{note}</p>
        )}
      </div>
      <p className="field-hint">Before your reseller discount. The cart shows what you pay, with the discount.</p>
    </section>
  );
}
