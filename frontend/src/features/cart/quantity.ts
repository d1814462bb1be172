/** The most licenses one line may buy, as the API allows. */
export const MAX_QUANTITY = 100;

/** The same sentence the API answers with, so that the message does not change with who checks. */
export const QUANTITY_PROBLEM = `Choose a quantity from 1 to ${MAX_QUANTITY}.`;

/** The quantity typed, when it is a whole number from 1 to 100. */
export function quantityOf(typed: string): number | undefined {
  const trimmed = typed.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return undefined;
  const quantity = Number(trimmed);
  return quantity >= 1 && quantity <= MAX_QUANTITY ? quantity : undefined;
}
