/** An exact amount of money as the API sends it: a decimal string and an ISO 4217 currency. */
export interface Money {
  amount: string;
  currency: string;
}

/** The locale every amount is shown in until users can choose their own. */
export const DEFAULT_LOCALE = 'en-US';

const DECIMAL = /^-?\d+(\.\d+)?$/;

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale} ${currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

function isDecimal(amount: string): amount is `${number}` {
  return DECIMAL.test(amount);
}

/**
 * Formats money for display, such as `$1,249.00`.
 *
 * The decimal string goes to Intl.NumberFormat as it is: Intl reads a numeric
 * string exactly, so no amount ever passes through a float. An amount or
 * currency that cannot be formatted is shown as sent rather than hidden.
 */
export function formatMoney(money: Money, locale: string = DEFAULT_LOCALE): string {
  const { amount, currency } = money;
  if (!isDecimal(amount)) {
    return `${amount} ${currency}`;
  }
  try {
    return formatterFor(locale, currency).format(amount);
  } catch (error) {
    if (error instanceof RangeError) {
      return `${amount} ${currency}`;
    }
    throw error;
  }
}
