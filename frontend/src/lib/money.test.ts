import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

describe('formatMoney', () => {
  it('formats US dollars with grouping and cents', () => {
    expect(formatMoney({ amount: '1249.00', currency: 'USD' })).toBe('$1,249.00');
  });

  it('formats zero, small and negative amounts', () => {
    expect(formatMoney({ amount: '0.00', currency: 'USD' })).toBe('$0.00');
    expect(formatMoney({ amount: '0.5', currency: 'USD' })).toBe('$0.50');
    expect(formatMoney({ amount: '-20.00', currency: 'USD' })).toBe('-$20.00');
  });

  it('keeps amounts exact beyond float precision', () => {
    expect(formatMoney({ amount: '90071992547409.93', currency: 'USD' })).toBe('$90,071,992,547,409.93');
  });

  it('uses the currency and locale given', () => {
    expect(formatMoney({ amount: '1249.00', currency: 'EUR' })).toBe('€1,249.00');
    expect(formatMoney({ amount: '1249.00', currency: 'EUR' }, 'de-DE')).toBe('1.249,00\u00a0€');
  });

  it('shows what it cannot format as sent', () => {
    expect(formatMoney({ amount: 'twelve', currency: 'USD' })).toBe('twelve USD');
    expect(formatMoney({ amount: '12.00', currency: 'NOT-A-CODE' })).toBe('12.00 NOT-A-CODE');
  });
});
