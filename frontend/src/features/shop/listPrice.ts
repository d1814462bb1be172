import type { Money } from '../../lib/money';

/**
 * The product page's price preview, from the catalog's list prices: for display
 * only, never sent anywhere (the server prices the cart). Amounts are added as
 * integers of their smallest decimal place, so no amount passes through a float.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Exact {
  /** The amount times 10^scale. */
  units: bigint;
  scale: number;
}

function parse(amount: string): Exact | null {
  const match = DECIMAL.exec(amount);
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

function rescale({ units, scale }: Exact, to: number): bigint {
  return units * 10n ** BigInt(to - scale);
}

function format(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** The sum of amounts in one currency; null when there are none, they mix currencies or one is unreadable. */
export function sumOf(amounts: readonly Money[]): Money | null {
  const [first] = amounts;
  if (first === undefined) return null;
  const parsed: Exact[] = [];
  for (const money of amounts) {
    const exact = money.currency === first.currency ? parse(money.amount) : null;
    if (exact === null) return null;
    parsed.push(exact);
  }
  const scale = Math.max(...parsed.map((exact) => exact.scale));
  const total = parsed.reduce((sum, exact) => sum + rescale(exact, scale), 0n);
  return { amount: format(total, scale), currency: first.currency };
}

/** An amount times a whole number; null when the amount is unreadable. */
export function times(money: Money, quantity: number): Money | null {
  const exact = parse(money.amount);
  if (exact === null || !Number.isInteger(quantity)) return null;
  return { amount: format(exact.units * BigInt(quantity), exact.scale), currency: money.currency };
}
