const DISCOUNT = /^\d{1,3}(\.\d{1,2})?$/;

/**
 * Why a discount percentage typed in a form is not acceptable, or undefined
 * when it is: a number from 0 to 100 with at most two decimals.
 */
export function discountProblem(value: string): string | undefined {
  if (!DISCOUNT.test(value) || Number(value) > 100) {
    return 'Enter a percentage from 0 to 100, such as 20 or 12.5.';
  }
  return undefined;
}
