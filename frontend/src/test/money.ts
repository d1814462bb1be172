/** An amount in US dollars as the API sends it, e.g. usd('999.00'). */
export const usd = (amount: string) => ({ amount, currency: 'USD' });
