/** The highest price the API accepts. */
export const MAX_PRICE = 1_000_000;

const PRICE = /^\d{1,7}(\.\d{1,2})?$/;

/**
 * Why a price typed in the catalog is not acceptable, or undefined when it
 * is: an amount from 0 to 1,000,000 with at most two decimals.
 */
export function priceProblem(value: string): string | undefined {
  if (value === '') return 'Enter a price, such as 399.00.';
  if (!PRICE.test(value)) return 'Enter an amount such as 399.00, with at most two decimals.';
  if (Number(value) > MAX_PRICE) return 'A price is at most 1,000,000.00.';
  return undefined;
}

/** What one price field changes: a list price (edition and tier) or an add-on's yearly price (add-on and tier). */
export interface PriceTarget {
  productCode: string;
  productName: string;
  tier: string;
  editionCode?: string;
  addonCode?: string;
  /** How people name the price, e.g. "Professional, 250 mailboxes list price". */
  label: string;
}
